package org.gridguard.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.Messages;
import org.gridguard.region.Region;
import org.gridguard.region.RegionLevel;
import org.gridguard.region.RegionManagement;
import org.gridguard.shared.Sector;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The parties that may own a plan or a follow-up action, as a form offers them, read back from the form, and named in
 * the reader's language.
 */
@Component
public class Owners {

	private final RegionManagement regions;

	private final Messages messages;

	Owners(RegionManagement regions, Messages messages) {
		this.regions = regions;
		this.messages = messages;
	}

	/** One party a form offers. */
	public record Option(String value, String label) {
	}

	/** The city command, every town and every department. */
	public List<Option> options() {
		var options = new ArrayList<Option>();
		options.add(new Option(Owner.Kind.COMMAND.name(), messages.get("response.owner.COMMAND")));
		for (Region town : regions.children(Region.CITY_CODE)) {
			options.add(new Option(Owner.Kind.TOWN.name() + ":" + town.code(), town.name()));
		}
		for (Sector sector : Sector.values()) {
			options.add(new Option(Owner.Kind.DEPARTMENT.name() + ":" + sector.name(),
					messages.get("sector." + sector.name())));
		}
		return options;
	}

	/**
	 * Reads a party chosen in a form ({@link Owner#choice()}) with its contact; a problem is added under {@code field}
	 * (and {@code field + "Contact"}) and {@code null} returned when it is none.
	 */
	@Nullable Owner parse(String field, @Nullable String choice, @Nullable String contact, List<FieldProblem> problems) {
		String person = contact == null || contact.isBlank() ? null : contact.strip();
		if (person != null && person.length() > 50) {
			problems.add(messages.problem(field + "Contact", "response.owner.contactTooLong", 50));
		}
		String c = choice == null ? "" : choice.strip();
		String[] parts = c.split(":", 2);
		Owner owner = null;
		try {
			Owner.Kind kind = Owner.Kind.valueOf(parts[0].toUpperCase(Locale.ROOT));
			String ref = parts.length > 1 ? parts[1] : null;
			owner = switch (kind) {
				case COMMAND -> ref == null ? new Owner(kind, null, person) : null;
				case TOWN -> ref != null && regions.find(ref).filter(r -> r.level() == RegionLevel.TOWN).isPresent()
						? new Owner(kind, ref, person) : null;
				case DEPARTMENT -> ref != null && isSector(ref) ? new Owner(kind, ref, person) : null;
			};
		}
		catch (IllegalArgumentException ex) {
			owner = null;
		}
		if (owner == null) {
			problems.add(messages.problem(field, "response.owner.required"));
		}
		return owner;
	}

	/** The party's name, with the contact when there is one, in the reader's language. */
	public String name(Owner owner) {
		return name(owner, false);
	}

	/** The same in the default language, for texts written once and read by everyone (notifications). */
	String nameInDefaultLanguage(Owner owner) {
		return name(owner, true);
	}

	private String name(Owner owner, boolean defaultLanguage) {
		String party = switch (owner.kind()) {
			case COMMAND -> text("response.owner.COMMAND", defaultLanguage);
			case TOWN -> regions.nameOf(owner.ref() == null ? Region.CITY_CODE : owner.ref());
			case DEPARTMENT -> text("sector." + owner.ref(), defaultLanguage);
		};
		return owner.contact() == null ? party : party + " · " + owner.contact();
	}

	private String text(String key, boolean defaultLanguage) {
		return defaultLanguage ? messages.getDefault(key) : messages.get(key);
	}

	private static boolean isSector(String name) {
		for (Sector sector : Sector.values()) {
			if (sector.name().equals(name)) {
				return true;
			}
		}
		return false;
	}

}
