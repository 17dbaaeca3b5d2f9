package org.gridguard.venue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gridguard.person.IdDocument;
import org.gridguard.person.IdType;
import org.gridguard.person.PersonInput;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Check-in at the door ({@link CheckIns#scan}, {@link CheckIns#desk}): a visitor and companions, or staff for visitors
 * without a phone. Every field is validated and each problem named; the colour at the door and the admission decision
 * come back for every person.
 */
@Component
class DoorCheckIns {

	private final VenueRegistry registry;

	private final CheckInWriter writer;

	private final PersonIds personIds;

	private final RiskAreas riskAreas;

	private final Messages messages;

	private final MessageSource source;

	private final Clock clock;

	private final VenueProperties properties;

	DoorCheckIns(VenueRegistry registry, CheckInWriter writer, PersonIds personIds, RiskAreas riskAreas,
			Messages messages, MessageSource source, Clock clock, VenueProperties properties) {
		this.registry = registry;
		this.writer = writer;
		this.personIds = personIds;
		this.riskAreas = riskAreas;
		this.messages = messages;
		this.source = source;
		this.clock = clock;
		this.properties = properties;
	}

	CheckIns.ScanOutcome scan(String code, List<CheckIns.Visitor> visitors, @Nullable Long riskAreaId,
			boolean smsAlerts) {
		VenueRegistry.Ref venue = activeVenue(code);
		int companions = properties.scan().maxCompanions();
		if (visitors.size() > companions + 1) {
			throw InvalidInput.of("companions", messages.get("venue.visitor.tooMany", companions));
		}
		return checkIn(venue, visitors, riskAreaId, false, smsAlerts);
	}

	CheckIns.ScanOutcome desk(long venueId, List<CheckIns.Visitor> visitors, @Nullable Long riskAreaId, Jurisdiction who) {
		VenueRegistry.Ref venue = registry.venue(venueId);
		if (venue == null || !VenueAccess.runs(who, venue.id(), venue.regionCode(), venue.sector())) {
			throw new NotFound("venue " + venueId);
		}
		return checkIn(venue, visitors, riskAreaId, true, true);
	}

	/** The venue of an active code; 404 when unknown, {@link RevokedCode} when revoked. */
	VenueRegistry.Ref activeVenue(String code) {
		String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
		VenueRegistry.Code known = registry.code(c);
		if (known == null) {
			throw new NotFound("venue code");
		}
		VenueRegistry.Ref venue = registry.venue(known.venueId());
		if (known.revoked() || venue == null || !venue.active()) {
			throw new CheckIns.RevokedCode();
		}
		return venue;
	}

	/**
	 * Checks in the visitors at the door. On the public scan, companions are told only whether they may enter, not
	 * their colour: whoever scans is not them. Staff at the desk see every colour (they verify it).
	 */
	private CheckIns.ScanOutcome checkIn(VenueRegistry.Ref venue, List<CheckIns.Visitor> visitors,
			@Nullable Long riskAreaId, boolean desk, boolean smsAlerts) {
		if (visitors.isEmpty()) {
			throw InvalidInput.of("idNumber", messages.get("venue.visitor.none"));
		}
		if (visitors.size() > 10) {
			throw InvalidInput.of("companions", messages.get("venue.visitor.tooMany", 9));
		}
		LocalDate today = LocalDate.now(clock);
		var problems = new ArrayList<FieldProblem>();
		var inputs = new ArrayList<PersonInput>();
		String unnamed = source.getMessage("venue.checkin.unnamed", null, Locale.SIMPLIFIED_CHINESE);
		for (int i = 0; i < visitors.size(); i++) {
			CheckIns.Visitor v = visitors.get(i);
			String prefix = i == 0 ? "" : "companions[" + (i - 1) + "].";
			FieldProblem unreadable = controlCharacter(prefix, v);
			if (unreadable != null) {
				problems.add(unreadable);
				continue;
			}
			String name = v.name() == null ? "" : v.name().strip();
			if ((!desk && name.isEmpty()) || name.length() > 50) {
				problems.add(messages.problem(prefix + "name", "venue.visitor.name.invalid"));
			}
			IdDocument.Parsed doc = IdDocument.parse(IdType.RESIDENT_ID, v.idNumber(), today, prefix + "idNumber",
					messages);
			if (doc.problem() != null) {
				problems.add(doc.problem());
			}
			String phone = null;
			if (v.phone() != null && !v.phone().isBlank()) {
				PhoneNumber.Parsed parsed = PhoneNumber.parse(v.phone());
				if (parsed.phone() == null) {
					problems.add(messages.problem(prefix + "phone", "validation.phone.format"));
				}
				else {
					phone = parsed.phone().value();
				}
			}
			else if (i == 0 && !desk) {
				problems.add(messages.problem("phone", "validation.phone.empty"));
			}
			if (doc.document() != null) {
				inputs.add(new PersonInput(doc.document(), name.isEmpty() ? unnamed : name, phone, null));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		String source = desk ? "venue:desk" : "venue:scan";
		long now = clock.instant().getEpochSecond();
		var batch = new CheckInBatch(inputs.size());
		for (int i = 0; i < inputs.size(); i++) {
			byte via = desk ? CheckInBatch.DESK : i == 0 ? CheckInBatch.SCAN : CheckInBatch.COMPANION;
			batch.set(i, 0, venue.id(), now, Long.MIN_VALUE, properties.stayEnd(now, Long.MIN_VALUE), via);
		}
		RiskArea area = null;
		PersonIds.Key[] keys = null;
		if (riskAreaId != null) {
			// the declaration is a status fact of each person, asserted before the check-in decides the colour
			long[] persons = personIds.resolve(inputs, source);
			System.arraycopy(persons, 0, batch.person, 0, persons.length);
			area = riskAreas.declare(persons, riskAreaId);
		}
		else {
			keys = personIds.identify(batch, inputs, source);
		}
		batch.smsAlerts = smsAlerts;
		writer.store(batch);
		personIds.remember(batch, keys);
		var entries = new ArrayList<CheckIns.Entry>();
		for (int i = 0; i < inputs.size(); i++) {
			boolean withColour = desk || i == 0;
			String colour = batch.colour[i].name();
			entries.add(new CheckIns.Entry(Masking.name(visitors.get(i).name() == null || visitors.get(i).name().isBlank()
					? unnamed : visitors.get(i).name()), inputs.get(i).document().masked(), withColour ? colour : null,
					batch.admitted(i), refusal(batch.refusal[i], withColour ? colour : null, venue)));
		}
		return new CheckIns.ScanOutcome(venue.id(), venue.name(), Instant.ofEpochSecond(now), area != null && area.stars(),
				area == null ? null : area.name(), entries);
	}

	private @Nullable FieldProblem controlCharacter(String prefix, CheckIns.Visitor visitor) {
		String[] fields = { "name", "idNumber", "phone" };
		String[] values = { visitor.name(), visitor.idNumber(), visitor.phone() };
		for (int f = 0; f < fields.length; f++) {
			int at = ControlCharacters.firstIn(values[f]);
			if (at > 0) {
				return messages.problem(prefix + fields[f], "venue.input.control", messages.get("venue.field." + fields[f]),
						at);
			}
		}
		return null;
	}

	/** Why not admitted; without the colour ({@code null}), a refusal by colour does not name it. */
	private @Nullable String refusal(byte reason, @Nullable String colour, VenueRegistry.Ref venue) {
		return switch (reason) {
			case CheckInBatch.REFUSED_COLOUR -> colour == null ? messages.get("venue.refusal.companion")
					: messages.get("venue.refusal.colour." + colour);
			case CheckInBatch.REFUSED_CLOSED -> messages.get("venue.refusal.closed",
					venue.closureReason() == null ? "" : venue.closureReason());
			case CheckInBatch.REFUSED_EXIT_ONLY -> messages.get("venue.refusal.exitOnly",
					venue.closureReason() == null ? "" : venue.closureReason());
			default -> null;
		};
	}

}
