package org.gridguard.notice;

import java.time.Clock;

import org.gridguard.platform.StoredText;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.Conflict;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.Notification;
import org.gridguard.platform.Notifications;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city command's review of a submitted notice: approve it (by someone other than its drafter and last editor,
 * unless {@code gridguard.notice.separate-approval} is off), or send it back to its drafter with the reason.
 */
@Service
@Transactional
public class Approval {

	private final NoticeWriter writer;

	private final NoticeQueries queries;

	private final NoticeProperties properties;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	Approval(NoticeWriter writer, NoticeQueries queries, NoticeProperties properties, Notifications notifications,
			AuditLog audit, Messages messages, Clock clock) {
		this.writer = writer;
		this.queries = queries;
		this.properties = properties;
		this.notifications = notifications;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	public Notice approve(long id, Jurisdiction who) {
		Notice notice = command(id, who);
		if (!writer.approve(id, clock.instant(), who.username(), properties.separateApproval())) {
			Notice now = queries.find(id).orElse(notice);
			if (now.state() != Notice.State.SUBMITTED) {
				throw new Conflict("state", messages.get("notice.state.notSubmitted",
						messages.get("notice.state." + now.state())));
			}
			throw InvalidInput.of("approvedBy", messages.get("notice.approve.ownDraft"));
		}
		audit.recordAs(who.username(), "NOTICE_APPROVE", "notice", String.valueOf(id), notice.title());
		return queries.find(id).orElseThrow();
	}

	/** Sends a submitted or approved notice back to its drafter, who is told why. */
	public Notice sendBack(long id, @Nullable String reason, Jurisdiction who) {
		Notice notice = command(id, who);
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 300) {
			throw InvalidInput.of("reason", messages.get(why.isEmpty() ? "notice.reason.required" : "notice.reason.tooLong", 300));
		}
		if (!writer.sendBack(id, why, clock.instant(), who.username())) {
			Notice now = queries.find(id).orElse(notice);
			throw new Conflict("state", messages.get("notice.state.notInReview", messages.get("notice.state." + now.state())));
		}
		audit.recordAs(who.username(), "NOTICE_RETURN", "notice", String.valueOf(id), why);
		notifications.send(new Notifications.Draft(Region.CITY_CODE, null, notice.draftedBy(),
				Notification.Severity.WARNING, StoredText.of("notice.notify.returned", notice.title()), why,
				"/notices/" + id, "notice", null, java.util.List.of()));
		return queries.find(id).orElseThrow();
	}

	private Notice command(long id, Jurisdiction who) {
		if (!who.mayPublishNotices()) {
			throw new NotFound("notice " + id);
		}
		return queries.get(id, who);
	}

}
