package org.gridguard.control;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.stream.Collectors;

import org.gridguard.platform.StoredText;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.Notification;
import org.gridguard.region.RegionManagement;
import org.gridguard.status.FactKind;
import org.gridguard.status.StatusManagement;
import org.gridguard.testing.TestResult;
import org.gridguard.testing.TestResultsRecorded;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Twice-daily health checks (by the grid worker or the person's own link) and the scheduled tests of persons under
 * control. A fever or symptoms turn the person yellow for three days and alert the grid and the town.
 */
@Service
@Transactional
public class HealthChecks {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final ControlQueries queries;

	private final RiskPersonWriter writer;

	private final StatusManagement status;

	private final RegionManagement regions;

	private final LoopSettingsStore settings;

	private final Messages messages;

	private final Clock clock;

	HealthChecks(JdbcClient jdbc, JdbcTemplate template, ControlQueries queries, RiskPersonWriter writer,
			StatusManagement status, RegionManagement regions, LoopSettingsStore settings, Messages messages, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.queries = queries;
		this.writer = writer;
		this.status = status;
		this.regions = regions;
		this.settings = settings;
		this.messages = messages;
		this.clock = clock;
	}

	/** Records a twice-daily check; a fever or symptoms turn the person yellow for three days and alert the grid. */
	public void recordCheck(long riskPersonId, String slot, @Nullable Double temperature, @Nullable String symptoms,
			String via, String by) {
		var problems = new ArrayList<FieldProblem>();
		if (!"AM".equals(slot) && !"PM".equals(slot)) {
			problems.add(messages.problem("slot", "control.check.slot"));
		}
		if (temperature == null || temperature < 34.0 || temperature > 43.0) {
			problems.add(messages.problem("temperature", "control.check.temperature"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		RiskPerson person = queries.riskPerson(riskPersonId);
		if (person.state() != RiskPerson.State.CONTROLLED && person.state() != RiskPerson.State.READY_FOR_RELEASE) {
			throw InvalidInput.of("state", messages.get("control.check.notControlled"));
		}
		Instant now = clock.instant();
		LocalDate day = LocalDate.now(clock);
		String cleanSymptoms = symptoms == null || symptoms.isBlank() ? null
				: RiskPersonWriter.truncate(symptoms.strip(), 200);
		jdbc.sql("""
				INSERT INTO control_health_check (risk_person_id, day, slot, temperature, symptoms, via, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(riskPersonId, Date.valueOf(day), slot, temperature, cleanSymptoms, via, by, Timestamp.from(now))
			.update();
		jdbc.sql("UPDATE control_schedule_item SET done_at = ?, value = ? WHERE risk_person_id = ? AND day = ? AND slot = ?")
			.params(Timestamp.from(now), temperature + (cleanSymptoms == null ? "" : " " + cleanSymptoms), riskPersonId,
					Date.valueOf(day), slot)
			.update();
		double feverThreshold = settings.settings().feverThreshold();
		boolean abnormal = temperature >= feverThreshold || cleanSymptoms != null;
		writer.timeline(riskPersonId, now, abnormal ? "FEVER" : "CHECK_RECORDED", by,
				abnormal ? "control.timeline.fever" : "control.timeline.check", "#control.slot." + slot, temperature,
				cleanSymptoms == null ? "" : cleanSymptoms, "#control.via." + via, feverThreshold);
		if (abnormal) {
			status.assertFact(person.personId(), FactKind.SYMPTOMS, RiskPersonWriter.source(riskPersonId),
					temperature + "℃" + (cleanSymptoms == null ? "" : " " + cleanSymptoms), now, now.plus(Duration.ofDays(3)));
			writer.notifyGrid(person, Notification.Severity.ALERT, StoredText.of("control.notify.fever", temperature),
					regions.fullName(person.regionCode()), "control:fever:" + riskPersonId + ":" + day + ":" + slot);
			writer.notifyTown(person, Notification.Severity.ALERT, StoredText.of("control.notify.fever", temperature));
		}
	}

	/** Self-report through the personal link: same as a worker's check, recorded as SELF. */
	public RiskPerson selfReport(String token, String slot, @Nullable Double temperature, @Nullable String symptoms) {
		RiskPerson person = queries.bySelfToken(SelfReportLinks.hashToken(token)).orElseThrow(() -> new NotFound("link"));
		recordCheck(person.id(), slot, temperature, symptoms, "SELF", "self:" + person.id());
		return person;
	}

	/** Tests scheduled for a controlled person are marked done with their result. */
	@ApplicationModuleListener
	void on(TestResultsRecorded event) {
		Map<Long, Long> active = queries.activeRiskPersonIds(
				event.results().stream().map(TestResult::personId).collect(Collectors.toSet()));
		if (active.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		var marks = new ArrayList<Object[]>();
		var lines = new ArrayList<Object[]>();
		for (TestResult r : event.results()) {
			Long riskPersonId = active.get(r.personId());
			if (riskPersonId == null || r.pooled()) {
				continue;
			}
			LocalDate day = LocalDate.ofInstant(r.sampledAt(), clock.getZone());
			marks.add(new Object[] { Timestamp.from(r.receivedAt()), r.result().name(), riskPersonId, Date.valueOf(day) });
			lines.add(new Object[] { riskPersonId, Timestamp.from(now), "NAT_RESULT", r.source(), "control.timeline.nat",
					Explained.args(r.kind(), writer.local(r.sampledAt()), "#control.result." + r.result()) });
		}
		// a positive already marked stays: a negative never overwrites it
		template.batchUpdate("""
				UPDATE control_schedule_item SET done_at = ?, value = ? WHERE risk_person_id = ? AND day = ?
				AND slot = 'TEST' AND (value IS NULL OR value <> 'POSITIVE')""", marks);
		writer.timelines(lines);
	}

}
