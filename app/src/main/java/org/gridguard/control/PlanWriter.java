package org.gridguard.control;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gridguard.platform.Messages;
import org.gridguard.status.StatusManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lays a protocol out on the calendar for a risk person: the stages, the twice-daily checks and test days from today
 * on, and the status fact of each stage. Shared by verification (the measure is applied) and escalation (a stricter
 * protocol replaces the current one).
 */
@Component
class PlanWriter {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final StatusManagement status;

	private final LoopSettingsStore settings;

	private final Messages messages;

	private final Clock clock;

	PlanWriter(JdbcClient jdbc, JdbcTemplate template, StatusManagement status, LoopSettingsStore settings,
			Messages messages, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.status = status;
		this.settings = settings;
		this.messages = messages;
		this.clock = clock;
	}

	/** Day 1 by the protocol's start rule; without a known exposure date, the day of verification. */
	static LocalDate startDate(Protocol protocol, @Nullable LocalDate exposure, LocalDate verifiedOn) {
		if (protocol.start() == Protocol.StartRule.VERIFICATION || exposure == null) {
			return verifiedOn;
		}
		return exposure;
	}

	/** The measure in force on a day: the stage's, or the last stage's after the plan has ended. */
	static MeasureKind currentMeasure(ProtocolSchedule schedule, LocalDate day) {
		ProtocolSchedule.StageWindow stage = schedule.stageOn(day);
		if (stage != null) {
			return stage.kind();
		}
		return schedule.stages().get(schedule.stages().size() - 1).kind();
	}

	/** The stages in words, in the default language, for the timeline. */
	String describe(ProtocolSchedule schedule) {
		return String.join("；", schedule.stages()
			.stream()
			.map(s -> messages.getDefault("control.measure." + s.kind()) + " " + s.from() + "—" + s.to())
			.toList());
	}

	/**
	 * Writes the schedule (checks twice a day and the test days, from today on) and the status facts of each stage:
	 * every stage's fact ends when the next stage starts; the last one lasts until release.
	 */
	void layOut(RiskPerson person, ProtocolSchedule schedule, Instant now) {
		LocalDate today = LocalDate.now(clock);
		LoopSettings loop = settings.settings();
		jdbc.sql("DELETE FROM control_schedule_item WHERE risk_person_id = ? AND done_at IS NULL AND day >= ?")
			.params(person.id(), Date.valueOf(today))
			.update();
		var items = new ArrayList<Object[]>();
		for (LocalDate day = schedule.start().isBefore(today) ? today : schedule.start(); !day.isAfter(schedule.lastDay()); day = day
			.plusDays(1)) {
			ProtocolSchedule.StageWindow stage = schedule.stageOn(day);
			Instant am = day.atTime(loop.amDue()).atZone(clock.getZone()).toInstant();
			Instant pm = day.atTime(loop.pmDue()).atZone(clock.getZone()).toInstant();
			if (am.isAfter(now)) {
				items.add(new Object[] { person.id(), Date.valueOf(day), "AM", stage.stageNo(), Timestamp.from(am) });
			}
			if (pm.isAfter(now)) {
				items.add(new Object[] { person.id(), Date.valueOf(day), "PM", stage.stageNo(), Timestamp.from(pm) });
			}
		}
		for (ProtocolSchedule.TestDay test : schedule.tests()) {
			if (!test.date().isBefore(today)) {
				Instant due = test.date().plusDays(1).atStartOfDay(clock.getZone()).toInstant().plus(loop.testGrace());
				items.add(new Object[] { person.id(), Date.valueOf(test.date()), "TEST", test.stageNo(), Timestamp.from(due) });
			}
		}
		jdbc.sql("DELETE FROM control_stage WHERE risk_person_id = ?").param(person.id()).update();
		template.batchUpdate("INSERT INTO control_stage (risk_person_id, stage_no, kind, from_day, to_day) VALUES (?, ?, ?, ?, ?)",
				schedule.stages()
					.stream()
					.map(s -> new Object[] { person.id(), s.stageNo(), s.kind().name(), Date.valueOf(s.from()),
							Date.valueOf(s.to()) })
					.toList());
		template.batchUpdate("""
				INSERT INTO control_schedule_item (risk_person_id, day, slot, stage_no, due_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (risk_person_id, day, slot) DO UPDATE SET stage_no = excluded.stage_no, due_at = excluded.due_at""",
				items);
		String source = RiskPersonWriter.source(person.id());
		for (MeasureKind kind : MeasureKind.values()) {
			if (kind.fact() != null) {
				status.retractFact(person.personId(), kind.fact(), source);
			}
		}
		var facts = new ArrayList<StatusManagement.FactAssertion>();
		List<ProtocolSchedule.StageWindow> stages = schedule.stages();
		for (int i = 0; i < stages.size(); i++) {
			ProtocolSchedule.StageWindow s = stages.get(i);
			if (s.kind().fact() == null) {
				continue;
			}
			Instant from = s.from().atStartOfDay(clock.getZone()).toInstant();
			Instant until = i == stages.size() - 1 ? null : s.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
			if (until != null && !until.isAfter(now)) {
				continue;
			}
			facts.add(new StatusManagement.FactAssertion(person.personId(), s.kind().fact(), source,
					messages.get("control.measure." + s.kind()) + " " + s.from() + "—" + s.to(), from, until));
		}
		status.assertFacts(facts);
	}

}
