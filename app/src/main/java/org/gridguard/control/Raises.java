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
import org.gridguard.status.FactKind;
import org.gridguard.status.StatusManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raising control: a person under milder control who is pushed again (or confirmed by an investigation, or raised by
 * an officer) in a stricter category moves to it at once. Pending persons keep their verification task with the
 * stricter deadlines; controlled persons get the stricter protocol's plan from the new exposure, their colour follows,
 * and when the measure changes their grid gets a new verification task to carry it out on site. Nothing is lowered
 * here: a milder push is only noted on the timeline (see {@link Registrations}).
 */
@Service
@Transactional
public class Raises {

	private final JdbcClient jdbc;

	private final ProtocolCatalogue catalogue;

	private final ControlQueries queries;

	private final RiskPersonWriter writer;

	private final PlanWriter plans;

	private final StatusManagement status;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	Raises(JdbcClient jdbc, ProtocolCatalogue catalogue, ControlQueries queries, RiskPersonWriter writer,
			PlanWriter plans, StatusManagement status, AuditLog audit, Messages messages, Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.queries = queries;
		this.writer = writer;
		this.plans = plans;
		this.status = status;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** Why a raise happens, for the timeline: a push (with its source), or an officer's decision (with the reason). */
	record Cause(String actor, String key, Object... args) {
	}

	/**
	 * An officer raises a person by hand with a reason: town officers inside their town, 疾控 and the city command
	 * anywhere. The person turns red at once (指挥部赋红码) until released, and the raise is audited.
	 */
	public RiskPerson raiseByHand(long riskPersonId, @Nullable Category category, @Nullable String reason,
			Jurisdiction who) {
		RiskPerson person = queries.riskPerson(riskPersonId, who);
		if (!who.mayRaiseControl(person.regionCode())) {
			throw InvalidInput.of("category", messages.get("control.raise.notAllowed"));
		}
		var problems = new java.util.ArrayList<org.gridguard.platform.FieldProblem>();
		if (category == null) {
			problems.add(messages.problem("category", "error.required"));
		}
		if (reason == null || reason.isBlank()) {
			problems.add(messages.problem("reason", "control.reason.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		if (!person.state().active()) {
			throw new Conflict("state", messages.get("control.raise.notActive"));
		}
		CategoryRule current = catalogue.category(person.category());
		CategoryRule next = catalogue.category(category);
		if (category != person.category() && !next.stricterThan(current)) {
			throw InvalidInput.of("category", messages.get("control.raise.notStricter",
					messages.get("control.category." + category), messages.get("control.category." + person.category())));
		}
		String cleanReason = RiskPersonWriter.truncate(reason.strip(), 300);
		Instant now = clock.instant();
		if (category != person.category()) {
			raise(person, category, null, null, now,
					new Cause(who.username(), "control.timeline.raisedByHand", cleanReason));
		}
		status.assertFact(person.personId(), FactKind.MANUAL_RED, RiskPersonWriter.source(person.id()), cleanReason, now,
				null);
		writer.timeline(person.id(), now, "MANUAL_RED", who.username(), "control.timeline.manualRed", cleanReason);
		audit.record("CONTROL_RAISE", "risk_person", String.valueOf(person.id()),
				person.category() + " -> " + category + ": " + cleanReason);
		return queries.riskPerson(person.id());
	}

	/**
	 * Moves an active risk person to a stricter category. The caller has checked that it is stricter.
	 *
	 * @param exposure the new last exposure (or day the risk area was left), if known: the new plan counts from it
	 * @param linkedPersonId the case or contact behind the new push, if known: a positive of theirs escalates
	 */
	void raise(RiskPerson person, Category category, @Nullable LocalDate exposure, @Nullable Long linkedPersonId,
			Instant pushedAt, Cause cause) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		CategoryRule before = catalogue.category(person.category());
		CategoryRule rule = catalogue.category(category);
		LocalDate newExposure = exposure != null && !exposure.isAfter(today) ? exposure : null;
		int moved = jdbc.sql("""
				UPDATE control_risk_person SET category = ?, linked_person_id = coalesce(?, linked_person_id),
					last_exposure = coalesce(?, last_exposure), updated_at = ?
				WHERE id = ? AND category = ? AND state IN ('PENDING', 'CONTROLLED', 'READY_FOR_RELEASE')""")
			.params(category.name(), linkedPersonId, newExposure == null ? null : Date.valueOf(newExposure),
					Timestamp.from(now), person.id(), person.category().name())
			.update();
		if (moved == 0) {
			return; // changed meanwhile (released, a case, or raised by another push): that decision stands
		}
		String source = RiskPersonWriter.source(person.id());
		String categoryText = messages.get("control.category." + category);
		if (before.pendingFact() != null && before.pendingFact() != rule.pendingFact()) {
			status.retractFact(person.personId(), before.pendingFact(), source);
		}
		if (person.state() == RiskPerson.State.PENDING) {
			if (rule.pendingFact() != null) {
				status.assertFact(person.personId(), rule.pendingFact(), source, categoryText, now, null);
			}
			// the stricter category's deadlines, counted from the new push, if they are earlier
			jdbc.sql("""
					UPDATE control_task SET ack_due_at = least(ack_due_at, ?), due_at = least(due_at, ?)
					WHERE risk_person_id = ? AND kind = 'VERIFY' AND state IN ('OPEN', 'ACCEPTED')""")
				.params(Timestamp.from(pushedAt.plus(rule.ackWithin())), Timestamp.from(pushedAt.plus(rule.verifyWithin())),
						person.id())
				.update();
			writer.timeline(person.id(), now, "RAISED", cause.actor(), "control.timeline.raisedPending",
					"#control.category." + person.category(), "#control.category." + category, before.strictness(),
					rule.strictness(), writer.reason(cause.key(), cause.args()), rule.ackHours(), rule.verifyHours());
		}
		else {
			Protocol protocol = catalogue.get(rule.protocolId());
			LocalDate start = PlanWriter.startDate(protocol, newExposure, today);
			ProtocolSchedule schedule = ProtocolSchedule.of(protocol, start);
			MeasureKind measure = PlanWriter.currentMeasure(schedule, today);
			jdbc.sql("""
					UPDATE control_risk_person SET state = 'CONTROLLED', protocol_id = ?, plan_start = ?, plan_end = ?,
						measure = ?, updated_at = ? WHERE id = ?""")
				.params(protocol.id(), Date.valueOf(start), Date.valueOf(schedule.lastDay()), measure.name(),
						Timestamp.from(now), person.id())
				.update();
			jdbc.sql("UPDATE control_task SET state = 'CANCELLED' WHERE risk_person_id = ? AND kind = 'RELEASE' "
					+ "AND state IN ('OPEN', 'ACCEPTED')")
				.param(person.id())
				.update();
			plans.layOut(queries.riskPerson(person.id()), schedule, now);
			boolean measureChanges = person.measure() != measure;
			if (measureChanges && !queries.hasOpenVerification(person.id())) {
				writer.openTask(person.id(), VerificationTask.Kind.VERIFY, person.regionCode(), now,
						now.plus(rule.ackWithin()), now.plus(rule.verifyWithin()));
				writer.notifyNewWork(person.regionCode(), 1, cause.actor(), now);
			}
			writer.timeline(person.id(), now, "RAISED", cause.actor(), "control.timeline.raised",
					"#control.category." + person.category(), "#control.category." + category, before.strictness(),
					rule.strictness(), writer.reason(cause.key(), cause.args()), protocol.name(), protocol.shape(), start,
					plans.describe(schedule),
					measureChanges ? "#control.timeline.raised.newTask" : "#control.timeline.raised.sameMeasure");
		}
		writer.notifyGrid(person, Notification.Severity.ALERT, StoredText.of("control.notify.raised", StoredText.label("control.category." + category)),
				writer.reason(cause.key(), cause.args()), "control:raised:" + person.id() + ":" + now.toEpochMilli());
	}

}
