package org.gridguard.control;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.gridguard.platform.StoredText;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.Conflict;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.Notification;
import org.gridguard.region.Jurisdiction;
import org.gridguard.responsibility.ResponsibilityManagement;
import org.gridguard.responsibility.Subject;
import org.gridguard.status.StatusManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grid worker's side of a verification task: accept it, then record the visit — found (the measure is applied and
 * the protocol laid out), not found (the town re-assesses), or living elsewhere.
 */
@Service
@Transactional
public class Verifications {

	private final JdbcClient jdbc;

	private final ProtocolCatalogue catalogue;

	private final ControlQueries queries;

	private final RiskPersonWriter writer;

	private final PlanWriter plans;

	private final SelfReportLinks links;

	private final StatusManagement status;

	private final ResponsibilityManagement responsibility;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Verifications(JdbcClient jdbc, ProtocolCatalogue catalogue, ControlQueries queries, RiskPersonWriter writer,
			PlanWriter plans, SelfReportLinks links, StatusManagement status, ResponsibilityManagement responsibility,
			AuditLog audit, Messages messages, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.queries = queries;
		this.writer = writer;
		this.plans = plans;
		this.links = links;
		this.status = status;
		this.responsibility = responsibility;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * The grid worker takes the task: the acknowledgement clock stops. Only an open task can be taken, once: two
	 * workers taking it at the same moment get one success and one {@link Conflict}.
	 */
	public VerificationTask accept(long taskId, Jurisdiction who) {
		VerificationTask task = queries.task(taskId, who);
		Instant now = clock.instant();
		int taken = jdbc.sql("UPDATE control_task SET state = 'ACCEPTED', accepted_at = ?, accepted_by = ? "
				+ "WHERE id = ? AND state = 'OPEN'")
			.params(Timestamp.from(now), who.username(), taskId)
			.update();
		if (taken == 0) {
			throw new Conflict("state", messages.get("control.task.notOpen"));
		}
		writer.timeline(task.riskPersonId(), now, "TASK_ACCEPTED", who.username(), "control.timeline.task", taskId);
		return queries.task(taskId, who);
	}

	/**
	 * Records the visit: the measure is applied, or the person was not found, or lives elsewhere. The task is claimed
	 * first by one conditional update, so that a task is completed once: a second completion (or one of a task no
	 * longer open) is a {@link Conflict} and changes nothing.
	 */
	public RiskPerson complete(long taskId, Verification visit, Jurisdiction who) {
		VerificationTask task = queries.task(taskId, who);
		Instant now = clock.instant();
		int claimed = jdbc.sql("""
				UPDATE control_task SET state = 'DONE', completed_at = ?, completed_by = ?, outcome = ?, found = ?,
					phone_confirmed = ?, note = ?, accepted_at = coalesce(accepted_at, ?), accepted_by = coalesce(accepted_by, ?)
				WHERE id = ? AND kind = 'VERIFY' AND state IN ('OPEN', 'ACCEPTED')""")
			.params(Timestamp.from(now), who.username(), visit.outcome().name(), visit.outcome() == Outcome.CONTROLLED,
					visit.phoneConfirmed(), visit.note() == null ? null : RiskPersonWriter.truncate(visit.note(), 500),
					Timestamp.from(now), who.username(), taskId)
			.update();
		if (claimed == 0) {
			throw new Conflict("state", messages.get("control.task.notOpen"));
		}
		RiskPerson person = queries.riskPerson(task.riskPersonId());
		switch (visit.outcome()) {
			case CONTROLLED -> {
				applyMeasure(person, visit, who.username(), now);
				if (visit.note() != null && !visit.note().isBlank()) {
					writer.timelineNote(person.id(), now, "VISIT_NOTE", who.username(), visit.note());
				}
			}
			case NOT_FOUND -> {
				writer.setState(person.id(), RiskPerson.State.NOT_FOUND, now, who.username(), visit.note());
				writer.timelineNote(person.id(), now, "NOT_FOUND", who.username(), visit.note());
				writer.notifyTown(person, Notification.Severity.WARNING, StoredText.of("control.notify.notFound"));
			}
			case OUT_OF_AREA -> {
				writer.setState(person.id(), RiskPerson.State.TRANSFERRED_OUT, now, who.username(), visit.note());
				writer.timelineNote(person.id(), now, "TRANSFERRED_OUT", who.username(), visit.note());
				responsibility.close(Subject.riskPerson(person.id()));
				writer.notifyTown(person, Notification.Severity.INFO, StoredText.of("control.notify.transferred"));
			}
		}
		jdbc.sql("UPDATE control_task SET measure = ? WHERE id = ?")
			.params(measureName(queries.riskPerson(person.id())), taskId)
			.update();
		audit.record("CONTROL_VERIFY", "risk_person", String.valueOf(person.id()), visit.outcome().name());
		return queries.riskPerson(person.id());
	}

	private void applyMeasure(RiskPerson person, Verification visit, String actor, Instant now) {
		CategoryRule rule = catalogue.category(person.category());
		String protocolId = visit.protocolId() == null || visit.protocolId().isBlank() ? rule.protocolId()
				: visit.protocolId();
		Protocol chosen = catalogue.protocol(protocolId)
			.orElseThrow(() -> InvalidInput.of("protocolId", messages.get("control.protocol.unknown")));
		if (visit.measure() != null && !chosen.firstMeasures().contains(visit.measure())) {
			throw InvalidInput.of("measure", messages.get("control.measure.notAllowed", chosen.name(),
					String.join("、", chosen.firstMeasures().stream().map(m -> messages.get("control.measure." + m)).toList())));
		}
		Protocol protocol = visit.measure() == null ? chosen : chosen.withFirstMeasure(visit.measure());
		LocalDate today = LocalDate.now(clock);
		LocalDate exposure = visit.lastExposure() != null ? visit.lastExposure() : person.lastExposure();
		if (exposure != null && exposure.isAfter(today)) {
			throw InvalidInput.of("lastExposure", messages.get("control.lastExposure.future"));
		}
		LocalDate start = PlanWriter.startDate(protocol, exposure, today);
		ProtocolSchedule schedule = ProtocolSchedule.of(protocol, start);
		jdbc.sql("""
				UPDATE control_risk_person SET state = 'CONTROLLED', protocol_id = ?, plan_start = ?, plan_end = ?,
					last_exposure = ?, measure = ?, controlled_at = ?, updated_at = ? WHERE id = ?""")
			.params(protocol.id(), Date.valueOf(start), Date.valueOf(schedule.lastDay()),
					exposure == null ? null : Date.valueOf(exposure), PlanWriter.currentMeasure(schedule, today).name(),
					Timestamp.from(now), Timestamp.from(now), person.id())
			.update();
		plans.layOut(person, schedule, now);
		if (rule.pendingFact() != null) {
			status.retractFact(person.personId(), rule.pendingFact(), RiskPersonWriter.source(person.id()));
		}
		writer.timeline(person.id(), now, "MEASURE_APPLIED", actor, "control.timeline.measure", protocol.name(),
				protocol.shape(), start, "#control.start." + protocol.start(), exposure == null ? "—" : exposure,
				plans.describe(schedule), schedule.testDates(), schedule.releaseDay());
		links.issueAndSend(person);
		events.publishEvent(new MeasureApplied(person.id(), person.personId(), person.category(), protocol.id(),
				schedule.stages().get(0).kind(), person.regionCode(), start, schedule.lastDay(), now));
	}

	private static @Nullable String measureName(RiskPerson person) {
		return person.measure() == null ? null : person.measure().name();
	}

}
