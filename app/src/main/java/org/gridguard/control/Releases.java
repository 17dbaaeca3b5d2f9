package org.gridguard.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gridguard.platform.AuditLog;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.gridguard.responsibility.ResponsibilityManagement;
import org.gridguard.responsibility.Subject;
import org.gridguard.status.StatusManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of control: persons whose last stage is over and whose tests are negative become ready for release (a
 * RELEASE task opens), and an officer of their area releases them. Also keeps each person's current measure up to
 * date as stages change.
 */
@Service
@Transactional
public class Releases {

	private final JdbcClient jdbc;

	private final ProtocolCatalogue catalogue;

	private final ControlQueries queries;

	private final RiskPersonWriter writer;

	private final StatusManagement status;

	private final ResponsibilityManagement responsibility;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	Releases(JdbcClient jdbc, ProtocolCatalogue catalogue, ControlQueries queries, RiskPersonWriter writer,
			StatusManagement status, ResponsibilityManagement responsibility, AuditLog audit, Messages messages,
			Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.queries = queries;
		this.writer = writer;
		this.status = status;
		this.responsibility = responsibility;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Releases a person whose protocol is complete. Only a READY_FOR_RELEASE person can be released, and only by an
	 * officer (village, town or city) of their area.
	 */
	public RiskPerson release(long riskPersonId, @Nullable String note, Jurisdiction who) {
		RiskPerson person = queries.riskPerson(riskPersonId, who);
		if (person.state() != RiskPerson.State.READY_FOR_RELEASE) {
			throw InvalidInput.of("state", messages.get("control.release.notReady"));
		}
		if (!who.canAdminister(person.regionCode())) {
			throw InvalidInput.of("state", messages.get("control.release.officer"));
		}
		Instant now = clock.instant();
		writer.setState(riskPersonId, RiskPerson.State.RELEASED, now, who.username(), note);
		jdbc.sql("UPDATE control_task SET state = 'DONE', completed_at = ?, completed_by = ?, outcome = 'RELEASED' "
				+ "WHERE risk_person_id = ? AND kind = 'RELEASE' AND state IN ('OPEN', 'ACCEPTED')")
			.params(java.sql.Timestamp.from(now), who.username(), riskPersonId)
			.update();
		writer.cancelOpenTasks(riskPersonId);
		jdbc.sql("DELETE FROM control_schedule_item WHERE risk_person_id = ? AND done_at IS NULL").param(riskPersonId).update();
		status.retractAllFrom(person.personId(), RiskPersonWriter.source(riskPersonId));
		responsibility.close(Subject.riskPerson(riskPersonId));
		writer.timelineNote(riskPersonId, now, "RELEASED", who.username(), note);
		audit.record("CONTROL_RELEASE", "risk_person", String.valueOf(riskPersonId), note);
		return queries.riskPerson(riskPersonId);
	}

	/**
	 * Moves persons whose last stage has ended to READY_FOR_RELEASE when every scheduled test was done and negative
	 * (and, for protocols that require it, the linked close contact's first two tests were negative); opens a RELEASE
	 * task for the grid. Also keeps each person's current measure up to date as stages change.
	 */
	@Scheduled(fixedDelayString = "${gridguard.control.release-check:5m}", initialDelayString = "${gridguard.control.release-check-delay:30s}")
	public void evaluateReleases() {
		LocalDate today = LocalDate.now(clock);
		Instant now = clock.instant();
		List<RiskPerson> due = queries.controlledEndingBefore(today);
		for (RiskPerson person : due) {
			Protocol protocol = catalogue.protocol(person.protocolId()).orElse(null);
			if (protocol == null || person.planStart() == null) {
				continue;
			}
			ReleaseCheck check = releaseCheck(person, protocol);
			if (!check.ready()) {
				continue;
			}
			writer.setState(person.id(), RiskPerson.State.READY_FOR_RELEASE, null, null, null);
			writer.openTask(person.id(), VerificationTask.Kind.RELEASE, person.regionCode(), now, now.plus(Duration.ofHours(4)),
					now.plus(Duration.ofHours(24)));
			writer.timeline(person.id(), now, "READY_FOR_RELEASE", AuditLog.SYSTEM, check.key(), check.args());
		}
		for (Object[] change : queries.measureChanges(today)) {
			long id = (Long) change[0];
			String measure = (String) change[1];
			jdbc.sql("UPDATE control_risk_person SET measure = ?, updated_at = ? WHERE id = ?")
				.params(measure, java.sql.Timestamp.from(now), id)
				.update();
			writer.timeline(id, now, "STAGE_STARTED", AuditLog.SYSTEM, "control.timeline.stage", "#control.measure." + measure);
		}
	}

	/** Whether a person may be released, and why (or why not), as a message key and arguments. */
	public record ReleaseCheck(boolean ready, String key, Object... args) {
	}

	ReleaseCheck releaseCheck(RiskPerson person, Protocol protocol) {
		ProtocolSchedule schedule = ProtocolSchedule.of(protocol, person.planStart());
		if (!LocalDate.now(clock).isAfter(schedule.lastDay())) {
			return new ReleaseCheck(false, "control.release.check.stages", schedule.lastDay());
		}
		List<String[]> tests = queries.testItems(person.id());
		for (String[] test : tests) {
			if (test[1] == null) {
				return new ReleaseCheck(false, "control.release.check.missing", test[0]);
			}
			if (!"NEGATIVE".equals(test[1])) {
				return new ReleaseCheck(false, "control.release.check.positive", test[0]);
			}
		}
		String linkedNote = "";
		if ("LINKED_FIRST_TWO_NEGATIVE".equals(protocol.releaseRule()) && person.linkedPersonId() != null) {
			List<String> firstTwo = queries.firstTwoResultsOfLinked(person.linkedPersonId());
			if (firstTwo.size() < 2 || !firstTwo.stream().allMatch("NEGATIVE"::equals)) {
				return new ReleaseCheck(false, "control.release.check.linked", firstTwo);
			}
			linkedNote = "#control.release.check.linkedNegative";
		}
		return new ReleaseCheck(true, "control.timeline.ready", "#control.release." + protocol.releaseRule(),
				schedule.start(), schedule.lastDay(), tests.size(), linkedNote);
	}

}
