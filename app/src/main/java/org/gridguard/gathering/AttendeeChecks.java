package org.gridguard.gathering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridguard.control.ControlQueries;
import org.gridguard.control.RiskPerson;
import org.gridguard.status.FactKind;
import org.gridguard.status.StatusColour;
import org.gridguard.status.StatusManagement;
import org.gridguard.venue.RiskArea;
import org.gridguard.venue.RiskAreas;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks attendees of an event against the exclusion criteria ({@link AttendeeCheck}) with what the other modules know
 * now (colours, active control, listed risk areas) and stores each verdict with its reasons. Runs inside the caller's
 * transaction.
 */
@Component
class AttendeeChecks {

	private final JdbcClient jdbc;

	private final StatusManagement status;

	private final ControlQueries control;

	private final RiskAreas riskAreas;

	private final GatheringWriter writer;

	private final Clock clock;

	AttendeeChecks(JdbcClient jdbc, StatusManagement status, ControlQueries control, RiskAreas riskAreas,
			GatheringWriter writer, Clock clock) {
		this.jdbc = jdbc;
		this.status = status;
		this.control = control;
		this.riskAreas = riskAreas;
		this.writer = writer;
		this.clock = clock;
	}

	/** Checks the given attendees of an event and stores each result with its reasons. */
	int check(long eventId, long[] personIds) {
		if (personIds.length == 0) {
			return 0;
		}
		StatusColour[] colours = status.colours(personIds);
		var ids = new ArrayList<Long>();
		for (long id : personIds) {
			ids.add(id);
		}
		Map<Long, RiskPerson> controlled = control.activeRiskPersons(ids);
		List<RiskArea> listed = riskAreas.listed();
		Map<Long, String> travels = new HashMap<>();
		Map<Long, Long> attendeeIds = new HashMap<>();
		jdbc.sql("SELECT id, person_id, travel FROM gathering_attendee WHERE event_id = :event AND person_id IN (:ids)")
			.param("event", eventId)
			.param("ids", ids)
			.query((rs, i) -> {
				attendeeIds.put(rs.getLong(2), rs.getLong(1));
				if (rs.getString(3) != null) {
					travels.put(rs.getLong(2), rs.getString(3));
				}
				return null;
			})
			.list();
		Instant now = clock.instant();
		int excluded = 0;
		for (int i = 0; i < personIds.length; i++) {
			long personId = personIds[i];
			List<FactKind> facts = colours[i] == StatusColour.GREEN ? List.of()
					: status.activeFacts(personId).stream()
						.filter(f -> f.ruleEnabled() && f.colour() != StatusColour.GREEN)
						.map(StatusManagement.Fact::kind)
						.distinct()
						.toList();
			RiskPerson rp = controlled.get(personId);
			List<Reason> reasons = AttendeeCheck.reasons(new AttendeeCheck.Inputs(colours[i], facts,
					rp == null ? null : rp.category(), travels.get(personId)), listed);
			Attendee.Verdict verdict = reasons.isEmpty() ? Attendee.Verdict.ADMIT : Attendee.Verdict.EXCLUDE;
			if (verdict == Attendee.Verdict.EXCLUDE) {
				excluded++;
			}
			long attendeeId = attendeeIds.get(personId);
			jdbc.sql("UPDATE gathering_attendee SET verdict = ?, colour = ?, checked_at = ? WHERE id = ?")
				.params(verdict.name(), colours[i].name(), Timestamp.from(now), attendeeId)
				.update();
			writer.insertReasons("ATTENDEE", attendeeId, reasons);
		}
		return excluded;
	}

}
