package org.gridguard.notice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gridguard.platform.AuditLog;
import org.gridguard.platform.Conflict;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city command publishes an approved notice — it takes the next number of the year, in the same transaction, and
 * withdraws the notice it replaces — and withdraws published notices. The public pages follow at once on this
 * instance and within {@code gridguard.notice.public-refresh} on others.
 */
@Service
@Transactional
public class Publishing {

	private final NoticeWriter writer;

	private final NoticeQueries queries;

	private final NoticeChecks checks;

	private final NoticeProperties properties;

	private final PublicNotices publicNotices;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	Publishing(NoticeWriter writer, NoticeQueries queries, NoticeChecks checks, NoticeProperties properties,
			PublicNotices publicNotices, ApplicationEventPublisher events, AuditLog audit, Messages messages,
			Clock clock) {
		this.writer = writer;
		this.queries = queries;
		this.checks = checks;
		this.properties = properties;
		this.publicNotices = publicNotices;
		this.events = events;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Publishes an approved notice with the next number of the current year (the city's calendar). Refused, with
	 * nothing changed and no number used, when it is not approved, when its end time has passed, or when one of its
	 * risk areas has been taken off the list since it was drafted.
	 */
	public Notice publish(long id, Jurisdiction who) {
		Notice notice = command(id, who);
		List<FieldProblem> ended = checks.endedAreas(notice);
		if (!ended.isEmpty()) {
			throw new InvalidInput(ended);
		}
		int year = LocalDate.now(clock).getYear();
		int seq = writer.nextNumber(year);
		String number = properties.number(year, seq);
		// read after the number: publishers queue on the counter, and the later number gets the later time
		Instant now = clock.instant();
		if (!writer.publish(id, year, seq, number, properties.issuer(), now, who.username())) {
			// thrown out of the transaction: the number goes back to the counter
			Notice current = queries.find(id).orElse(notice);
			if (current.state() != Notice.State.APPROVED) {
				throw new Conflict("state", messages.get("notice.state.notApproved",
						messages.get("notice.state." + current.state())));
			}
			throw InvalidInput.of("effectiveUntil", messages.get("notice.effectiveUntil.past"));
		}
		audit.recordAs(who.username(), "NOTICE_PUBLISH", "notice", String.valueOf(id), number + " " + notice.title());
		events.publishEvent(new NoticePublished(id, number, notice.title(), now));
		Long replaced = notice.supersedesId();
		if (replaced != null) {
			queries.find(replaced).ifPresent(old -> {
				String reason = messages.getDefault("notice.supersededBy", number);
				if (writer.withdraw(old.id(), reason, id, now, who.username())) {
					audit.recordAs(who.username(), "NOTICE_WITHDRAW", "notice", String.valueOf(old.id()),
							old.number() + " " + reason);
					events.publishEvent(new NoticeWithdrawn(old.id(), String.valueOf(old.number()), now, id));
				}
			});
		}
		publicNotices.refreshAfterCommit();
		return queries.find(id).orElseThrow();
	}

	/** Withdraws a published notice, with the reason the public page shows. */
	public Notice withdraw(long id, @Nullable String reason, Jurisdiction who) {
		Notice notice = command(id, who);
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 300) {
			throw InvalidInput.of("reason",
					messages.get(why.isEmpty() ? "notice.reason.required" : "notice.reason.tooLong", 300));
		}
		Instant now = clock.instant();
		if (!writer.withdraw(id, why, null, now, who.username())) {
			Notice current = queries.find(id).orElse(notice);
			throw new Conflict("state", messages.get("notice.state.notPublished",
					messages.get("notice.state." + current.state())));
		}
		audit.recordAs(who.username(), "NOTICE_WITHDRAW", "notice", String.valueOf(id), notice.number() + " " + why);
		events.publishEvent(new NoticeWithdrawn(id, String.valueOf(notice.number()), now, null));
		publicNotices.refreshAfterCommit();
		return queries.find(id).orElseThrow();
	}

	private Notice command(long id, Jurisdiction who) {
		if (!who.mayPublishNotices()) {
			throw new NotFound("notice " + id);
		}
		return queries.get(id, who);
	}

}
