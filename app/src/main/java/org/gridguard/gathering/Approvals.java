package org.gridguard.gathering;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.gridguard.platform.AuditLog;
import org.gridguard.platform.Conflict;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.region.Jurisdiction;
import org.gridguard.responsibility.ResponsibilityManagement;
import org.gridguard.responsibility.Subject;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deciding events (谁审批谁负责): each step by the party it is addressed to, in order ({@link Jurisdiction#decidesEventStep});
 * the last approval approves the event and opens its venue code, a rejection ends it with the approver's reason.
 * Steps past their deadline are escalated to the city command, which may then decide them. Withdrawal by the
 * organizer or the command revokes the code.
 */
@Service
@Transactional
public class Approvals {

	private final GatheringWriter writer;

	private final GatheringQueries queries;

	private final EventPlaces places;

	private final GatheringNotices notices;

	private final ResponsibilityManagement responsibility;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	Approvals(GatheringWriter writer, GatheringQueries queries, EventPlaces places, GatheringNotices notices,
			ResponsibilityManagement responsibility, AuditLog audit, Messages messages, Clock clock) {
		this.writer = writer;
		this.queries = queries;
		this.places = places;
		this.notices = notices;
		this.responsibility = responsibility;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** Whether the reader may decide this step now (it is pending and every earlier step is approved). */
	@Transactional(readOnly = true)
	public boolean mayDecide(Step step, List<Step> steps, Jurisdiction who) {
		return step.state() == Step.State.PENDING
				&& steps.stream().filter(s -> s.position() < step.position()).allMatch(s -> s.state() == Step.State.APPROVED)
				&& who.decidesEventStep(step.audience(), step.regionCode(), step.escalated());
	}

	/**
	 * Approves or rejects a step. A rejection needs the reason; an approval needs the prevention plan on file.
	 * @return the event afterwards
	 */
	public Gathering decide(long eventId, long stepId, boolean approve, @Nullable String note, Jurisdiction who) {
		Gathering event = queries.get(eventId, who);
		List<Step> steps = queries.steps(eventId);
		Step step = steps.stream().filter(s -> s.id() == stepId).findFirst()
			.orElseThrow(() -> new NotFound("step " + stepId));
		if (!who.decidesEventStep(step.audience(), step.regionCode(), step.escalated())) {
			throw InvalidInput.of("step", messages.get("gathering.step.notYours"));
		}
		String text = note == null ? "" : note.strip();
		if (text.length() > 500) {
			throw InvalidInput.of("note", messages.get("gathering.note.tooLong"));
		}
		if (!approve && text.isEmpty()) {
			throw InvalidInput.of("note", messages.get("gathering.note.reasonRequired"));
		}
		if (approve && event.planFilename() == null) {
			throw InvalidInput.of("plan", messages.get("gathering.plan.missing"));
		}
		Instant now = clock.instant();
		if (!writer.decideStep(stepId, approve ? Step.State.APPROVED : Step.State.REJECTED,
				text.isEmpty() ? null : text, now, who.username())) {
			throw new Conflict("step", messages.get("gathering.step.notOpen"));
		}
		audit.record(approve ? "GATHERING_STEP_APPROVE" : "GATHERING_STEP_REJECT", "gathering_event",
				String.valueOf(eventId), step.kind() + (text.isEmpty() ? "" : " · " + text));
		if (!approve) {
			writer.reject(eventId, now);
			writer.insertReasons("EVENT", eventId,
					List.of(new Reason("gathering.rejection", false, "#" + step.kind().messageKey(), text)));
			responsibility.close(Subject.event(eventId));
			notices.decided(event, Gathering.State.REJECTED);
		}
		else if (writer.approveIfComplete(eventId, now)) {
			Gathering approved = queries.find(eventId).orElseThrow();
			places.open(approved);
			notices.decided(approved, Gathering.State.APPROVED);
		}
		else {
			steps.stream().filter(s -> s.position() == step.position() + 1).findFirst()
				.ifPresent(next -> notices.stepOpened(event, next));
		}
		return queries.find(eventId).orElseThrow();
	}

	/** Withdraws an event that has not ended: its organizer or the command of its town. */
	public Gathering cancel(long eventId, Jurisdiction who) {
		Gathering event = queries.get(eventId, who);
		if (!Filings.mayChange(event, who)) {
			throw new NotFound("event " + eventId);
		}
		if (!writer.cancel(eventId, clock.instant())) {
			throw new Conflict("state", messages.get("gathering.cancel.notPossible"));
		}
		places.close(event);
		responsibility.close(Subject.event(eventId));
		audit.record("GATHERING_CANCEL", "gathering_event", String.valueOf(eventId), event.name());
		return queries.find(eventId).orElseThrow();
	}

	/**
	 * Escalates every pending step past its deadline at {@code now}, once: the step's party is reminded and the city
	 * command alerted, and the city command may decide the step from then on.
	 * @return the steps escalated now
	 */
	public List<Step> escalate(Instant now) {
		List<Step> escalated = writer.escalateOverdue(now);
		for (Step step : escalated) {
			queries.find(step.eventId()).ifPresent(event -> notices.escalated(event, step));
			audit.record("GATHERING_STEP_ESCALATE", "gathering_event", String.valueOf(step.eventId()),
					step.kind() + " · due " + step.dueAt());
		}
		return escalated;
	}

	@Scheduled(fixedDelayString = "${gridguard.gathering.escalation-interval:60s}", initialDelayString = "35s")
	void scheduled() {
		escalate(clock.instant());
	}

}
