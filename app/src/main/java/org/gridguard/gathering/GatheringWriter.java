package org.gridguard.gathering;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.gridguard.platform.PersonalDataCipher;
import org.gridguard.response.PlanFiles;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one writer of an event's state. Every transition is one conditional update whose row count decides: a step is
 * decided only while it and its event are pending and every earlier step is approved; an event is approved only when
 * no step is left undecided. The plan document is kept encrypted with the personal-data key (it names the responsible
 * persons and often the staff).
 */
@Component
class GatheringWriter {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final PersonalDataCipher cipher;

	GatheringWriter(JdbcClient jdbc, JdbcTemplate template, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.template = template;
		this.cipher = cipher;
	}

	record NewRow(String name, @Nullable Long organizerId, String organizer, String responsiblePerson,
			String responsiblePhone, String townCode, String address, String sector, Instant startsAt, Instant endsAt,
			int expectedHeadcount, boolean indoor, String whyNotOnline) {
	}

	long insert(NewRow row, Gathering.State state, EventRules.Tier tier, EventRules rules, Instant now, String by) {
		return jdbc.sql("""
				INSERT INTO gathering_event (name, organizer_id, organizer, responsible_person, responsible_phone,
					town_code, address, sector, starts_at, ends_at, expected_headcount, indoor, why_not_online, state, tier,
					response_level, rule_inputs, decided_at, filed_at, filed_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(row.name(), row.organizerId(), row.organizer(), row.responsiblePerson(), row.responsiblePhone(),
					row.townCode(), row.address(), row.sector(), Timestamp.from(row.startsAt()),
					Timestamp.from(row.endsAt()), row.expectedHeadcount(), row.indoor(), row.whyNotOnline(), state.name(),
					tier.name(), rules.level().name(), rules.inputs(),
					state == Gathering.State.PENDING ? null : Timestamp.from(now), Timestamp.from(now), by)
			.query(Long.class)
			.single();
	}

	void insertSteps(long eventId, List<Step.Kind> kinds, String sector, String townCode, EventRules rules,
			Instant filedAt) {
		for (int i = 0; i < kinds.size(); i++) {
			Step.Kind kind = kinds.get(i);
			jdbc.sql("""
					INSERT INTO gathering_step (event_id, position, kind, audience, region_code, state, due_at)
					VALUES (?, ?, ?, ?, ?, 'PENDING', ?)""")
				.params(eventId, i, kind.name(), kind.audience(sector), kind.regionCode(townCode),
						Timestamp.from(rules.dueAt(filedAt, i)))
				.update();
		}
	}

	void insertReasons(String subject, long subjectId, List<Reason> reasons) {
		jdbc.sql("DELETE FROM gathering_reason WHERE subject = ? AND subject_id = ?").params(subject, subjectId).update();
		for (int i = 0; i < reasons.size(); i++) {
			Reason r = reasons.get(i);
			String[] args = r.args().toArray(String[]::new);
			int position = i;
			template.update((Connection con) -> {
				var ps = con.prepareStatement("""
						INSERT INTO gathering_reason (subject, subject_id, position, message_key, args, health)
						VALUES (?, ?, ?, ?, ?, ?)""");
				ps.setString(1, subject);
				ps.setLong(2, subjectId);
				ps.setInt(3, position);
				ps.setString(4, r.key());
				ps.setArray(5, con.createArrayOf("text", args));
				ps.setBoolean(6, r.health());
				return ps;
			});
		}
	}

	/** Keeps (or replaces) the plan document while the event is pending or approved. */
	boolean storePlan(long eventId, PlanFiles.Checked plan) {
		return jdbc.sql("""
				UPDATE gathering_event SET plan_filename = ?, plan_media_type = ?, plan_content = ?, plan_sha256 = ?
				WHERE id = ? AND state IN ('PENDING', 'APPROVED')""")
			.params(plan.filename(), plan.mediaType(), cipher.encryptBytes(plan.content()), plan.sha256(), eventId)
			.update() == 1;
	}

	byte[] open(byte[] sealed) {
		return cipher.decryptBytes(sealed);
	}

	/** Decides a step; false when it is no longer pending, an earlier step is undecided or the event moved on. */
	boolean decideStep(long stepId, Step.State decision, @Nullable String note, Instant now, String by) {
		return jdbc.sql("""
				UPDATE gathering_step s SET state = ?, decided_at = ?, decided_by = ?, note = ?
				WHERE s.id = ? AND s.state = 'PENDING'
				AND NOT EXISTS (SELECT 1 FROM gathering_step e WHERE e.event_id = s.event_id AND e.position < s.position
					AND e.state <> 'APPROVED')
				AND EXISTS (SELECT 1 FROM gathering_event g WHERE g.id = s.event_id AND g.state = 'PENDING')""")
			.params(decision.name(), Timestamp.from(now), by, note, stepId)
			.update() == 1;
	}

	/** Approves a pending event whose steps are all approved; false otherwise. */
	boolean approveIfComplete(long eventId, Instant now) {
		return jdbc.sql("""
				UPDATE gathering_event g SET state = 'APPROVED', decided_at = ?
				WHERE g.id = ? AND g.state = 'PENDING'
				AND NOT EXISTS (SELECT 1 FROM gathering_step s WHERE s.event_id = g.id AND s.state <> 'APPROVED')""")
			.params(Timestamp.from(now), eventId)
			.update() == 1;
	}

	/** Ends a pending event as rejected, cancelling its undecided steps. */
	boolean reject(long eventId, Instant now) {
		boolean done = jdbc.sql("UPDATE gathering_event SET state = 'REJECTED', decided_at = ? WHERE id = ? AND state = 'PENDING'")
			.params(Timestamp.from(now), eventId)
			.update() == 1;
		if (done) {
			cancelPendingSteps(eventId);
		}
		return done;
	}

	/** Withdraws a pending or approved event that has not ended. */
	boolean cancel(long eventId, Instant now) {
		boolean done = jdbc.sql("""
				UPDATE gathering_event SET state = 'CANCELLED', decided_at = ?
				WHERE id = ? AND state IN ('PENDING', 'APPROVED') AND ends_at > ?""")
			.params(Timestamp.from(now), eventId, Timestamp.from(now))
			.update() == 1;
		if (done) {
			cancelPendingSteps(eventId);
		}
		return done;
	}

	private void cancelPendingSteps(long eventId) {
		jdbc.sql("UPDATE gathering_step SET state = 'CANCELLED' WHERE event_id = ? AND state = 'PENDING'")
			.param(eventId)
			.update();
	}

	void setVenue(long eventId, long venueId, String code) {
		jdbc.sql("UPDATE gathering_event SET venue_id = ?, code = ? WHERE id = ?").params(venueId, code, eventId).update();
	}

	/** Marks the pending steps past their deadline as escalated, once; returns them. */
	List<Step> escalateOverdue(Instant now) {
		return jdbc.sql("""
				UPDATE gathering_step SET escalated_at = ? WHERE state = 'PENDING' AND due_at < ? AND escalated_at IS NULL
				RETURNING *""")
			.params(Timestamp.from(now), Timestamp.from(now))
			.query(GatheringQueries.STEP)
			.list();
	}

}
