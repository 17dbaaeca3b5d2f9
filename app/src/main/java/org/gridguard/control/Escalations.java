package org.gridguard.control;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.gridguard.person.PersonManagement;
import org.gridguard.platform.StoredText;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.Messages;
import org.gridguard.platform.Notification;
import org.gridguard.status.StatusManagement;
import org.gridguard.testing.PositiveResultRecorded;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A positive result: the person (if under control) becomes a case; everyone pushed for them is escalated to their
 * protocol's stricter successor (次密接 → 密接), keeping day 1.
 */
@Component
@Transactional
class Escalations {

	private final JdbcClient jdbc;

	private final ProtocolCatalogue catalogue;

	private final ControlQueries queries;

	private final RiskPersonWriter writer;

	private final PlanWriter plans;

	private final PersonManagement persons;

	private final StatusManagement status;

	private final Messages messages;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Escalations(JdbcClient jdbc, ProtocolCatalogue catalogue, ControlQueries queries, RiskPersonWriter writer,
			PlanWriter plans, PersonManagement persons, StatusManagement status, Messages messages, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.queries = queries;
		this.writer = writer;
		this.plans = plans;
		this.persons = persons;
		this.status = status;
		this.messages = messages;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(PositiveResultRecorded event) {
		Instant now = clock.instant();
		Map<Long, Long> own = queries.activeRiskPersonIds(Set.of(event.personId()));
		Long ownId = own.get(event.personId());
		if (ownId != null) {
			writer.setState(ownId, RiskPerson.State.CASE, now, AuditLog.SYSTEM,
					Explained.nested("control.note.positive", writer.local(event.sampledAt())));
			writer.cancelOpenTasks(ownId);
			writer.timeline(ownId, now, "CASE", AuditLog.SYSTEM, "control.timeline.case", event.kind(),
					writer.local(event.sampledAt()), event.resultId());
			RiskPerson person = queries.riskPerson(ownId);
			writer.notifyTown(person, Notification.Severity.ALERT, StoredText.of("control.notify.positive"));
		}
		for (RiskPerson linked : queries.activeLinkedTo(event.personId())) {
			// a positive known before the push is why the person was pushed: it changes nothing
			if (event.sampledAt().isAfter(linked.pushedAt())) {
				escalate(linked, event, now);
			}
		}
	}

	private void escalate(RiskPerson person, PositiveResultRecorded cause, Instant now) {
		LocalDate today = LocalDate.now(clock);
		String reason = messages.getDefault("control.timeline.linkedPositive", persons.find(cause.personId())
			.map(p -> p.name())
			.orElse("#" + cause.personId()), cause.kind(), writer.local(cause.sampledAt()));
		if (person.category() == Category.SECONDARY_CONTACT) {
			jdbc.sql("UPDATE control_risk_person SET category = 'CLOSE_CONTACT', updated_at = ? WHERE id = ?")
				.params(Timestamp.from(now), person.id())
				.update();
			CategoryRule closeRule = catalogue.category(Category.CLOSE_CONTACT);
			if (person.state() == RiskPerson.State.PENDING && closeRule.pendingFact() != null) {
				status.assertFact(person.personId(), closeRule.pendingFact(), RiskPersonWriter.source(person.id()),
						messages.get("control.category.CLOSE_CONTACT"), now, null);
			}
		}
		if (person.state() == RiskPerson.State.CONTROLLED || person.state() == RiskPerson.State.READY_FOR_RELEASE) {
			Protocol current = catalogue.protocol(person.protocolId()).orElse(null);
			String nextId = current == null ? null : current.escalateTo();
			if (nextId == null && person.category() == Category.SECONDARY_CONTACT) {
				nextId = catalogue.category(Category.CLOSE_CONTACT).protocolId();
			}
			if (nextId != null && !nextId.equals(person.protocolId())) {
				Protocol next = catalogue.get(nextId);
				LocalDate start = person.planStart() == null ? today : person.planStart();
				ProtocolSchedule schedule = ProtocolSchedule.of(next, start);
				jdbc.sql("""
						UPDATE control_risk_person SET state = 'CONTROLLED', protocol_id = ?, plan_end = ?, measure = ?,
							updated_at = ? WHERE id = ?""")
					.params(next.id(), Date.valueOf(schedule.lastDay()), PlanWriter.currentMeasure(schedule, today).name(),
							Timestamp.from(now), person.id())
					.update();
				jdbc.sql("UPDATE control_task SET state = 'CANCELLED' WHERE risk_person_id = ? AND kind = 'RELEASE' "
						+ "AND state IN ('OPEN', 'ACCEPTED')")
					.param(person.id())
					.update();
				plans.layOut(queries.riskPerson(person.id()), schedule, now);
				writer.timeline(person.id(), now, "ESCALATED", AuditLog.SYSTEM, "control.timeline.escalated", reason,
						person.protocolId(), next.id(), next.shape(), start, plans.describe(schedule));
				MeasureKind measure = PlanWriter.currentMeasure(schedule, today);
				if (measure != person.measure()) {
					// the stricter plan is carried out at once (e.g. a transfer to central isolation)
					events.publishEvent(new MeasureApplied(person.id(), person.personId(),
							person.category() == Category.SECONDARY_CONTACT ? Category.CLOSE_CONTACT : person.category(),
							next.id(), measure, person.regionCode(), start, schedule.lastDay(), now));
				}
			}
			else {
				writer.timeline(person.id(), now, "ESCALATED", AuditLog.SYSTEM, "control.timeline.noSuccessor", reason,
						person.protocolId());
			}
		}
		else {
			writer.timeline(person.id(), now, "ESCALATED", AuditLog.SYSTEM, "control.timeline.escalatedPending", reason,
					"#control.category." + (person.category() == Category.SECONDARY_CONTACT ? Category.CLOSE_CONTACT
							: person.category()));
		}
		writer.notifyGrid(person, Notification.Severity.ALERT, StoredText.of("control.notify.escalated"), reason,
				"control:escalated:" + person.id() + ":" + cause.resultId());
	}

}
