package org.gridguard.response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gridguard.platform.Messages;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The profiles as people read them: each setting with its label, its value and default in words and units of the
 * reader's language, whether the admin changed it, and what differs between two levels.
 */
@Service
public class ProfileViews {

	private final ProfileCatalogue catalogue;

	private final ResponseState state;

	private final Messages messages;

	ProfileViews(ProfileCatalogue catalogue, ResponseState state, Messages messages) {
		this.catalogue = catalogue;
		this.state = state;
		this.messages = messages;
	}

	/**
	 * One setting of one level's profile.
	 *
	 * @param value the value in force, as it is typed in the editor
	 * @param unit the unit the value is typed in, in the reader's language ({@code ""} for none)
	 * @param shown the value in force with its unit, in the reader's language
	 * @param defaultShown the level's default with its unit
	 * @param customised whether the admin's value replaces the default
	 */
	public record Entry(ProfileSetting setting, String group, String label, String value, String unit, String shown,
			String defaultValue, String defaultShown, boolean customised, @Nullable Instant updatedAt,
			@Nullable String updatedBy) {
	}

	/** A setting whose value differs between two levels, with both values shown. */
	public record Difference(ProfileSetting setting, String group, String label, String from, String to) {
	}

	/** A setting across the five profiles, {@code levels} in the order of {@link ResponseLevel}. */
	public record Row(ProfileSetting setting, String group, String label, List<Entry> levels) {
	}

	/** Every setting with its value at each level, in editor order. */
	public List<Row> matrix() {
		var perLevel = new ArrayList<List<Entry>>();
		for (ResponseLevel level : ResponseLevel.values()) {
			perLevel.add(entries(level));
		}
		var rows = new ArrayList<Row>();
		for (int i = 0; i < perLevel.get(0).size(); i++) {
			var cells = new ArrayList<Entry>();
			for (List<Entry> entries : perLevel) {
				cells.add(entries.get(i));
			}
			Entry first = cells.get(0);
			rows.add(new Row(first.setting(), first.group(), first.label(), List.copyOf(cells)));
		}
		return rows;
	}

	/** Every setting of {@code level}'s profile, in editor order. */
	public List<Entry> entries(ResponseLevel level) {
		Map<String, ResponseState.Stored> stored = state.stored(level);
		var entries = new ArrayList<Entry>();
		for (ProfileSetting setting : catalogue.settings()) {
			String defaultValue = setting.defaults().get(level);
			ResponseState.Stored own = stored.get(setting.key());
			String value = own == null ? defaultValue : own.value();
			String unit = setting.shownUnitKey() == null ? "" : messages.get(setting.shownUnitKey());
			entries.add(new Entry(setting, messages.get(setting.groupKey()), label(setting), value, unit,
					shown(setting, value),
					defaultValue, shown(setting, defaultValue), own != null, own == null ? null : own.updatedAt(),
					own == null ? null : own.updatedBy()));
		}
		return entries;
	}

	/** The settings whose values differ between the profiles of {@code from} and {@code to}, in editor order. */
	public List<Difference> differences(ResponseLevel from, ResponseLevel to) {
		List<Entry> a = entries(from);
		List<Entry> b = entries(to);
		var differences = new ArrayList<Difference>();
		for (int i = 0; i < a.size(); i++) {
			Object valueA = state.profile(from).valueOf(a.get(i).setting().key());
			Object valueB = state.profile(to).valueOf(b.get(i).setting().key());
			if (!Objects.equals(valueA, valueB)) {
				differences.add(new Difference(a.get(i).setting(), a.get(i).group(), a.get(i).label(), a.get(i).shown(),
						b.get(i).shown()));
			}
		}
		return differences;
	}

	/** A setting's label in the reader's language. */
	public String label(ProfileSetting setting) {
		Object[] args = setting.labelArgs()
			.stream()
			.map(a -> a.startsWith("#") ? messages.get(a.substring(1)) : a)
			.toArray();
		return messages.get(setting.labelKey(), args);
	}

	/** A value (canonical text) with its unit, or the name of its choice, in the reader's language. */
	public String shown(ProfileSetting setting, String value) {
		return switch (setting.type()) {
			case BOOLEAN -> messages.get("response.bool." + value);
			case CHOICE -> messages.get(Objects.requireNonNullElse(setting.choiceKeyPrefix(), "") + value);
			case TIME -> value;
			default -> {
				String unit = setting.shownUnitKey();
				yield unit == null ? value : value + " " + messages.get(unit);
			}
		};
	}

}
