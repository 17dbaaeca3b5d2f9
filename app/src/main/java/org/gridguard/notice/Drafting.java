package org.gridguard.notice;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

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
import org.gridguard.tracing.VenueNotices;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing notices: a new draft, a draft from an investigation's venue notice (prefilled with the venue, the time
 * window and what its visitors should do), changes to a draft by its drafter or the city command, handing it to the
 * city command for approval, and throwing it away. Every step is audited.
 */
@Service
@Transactional
public class Drafting {

	private static final DateTimeFormatter WINDOW = DateTimeFormatter.ofPattern("M月d日 HH:mm");

	private final NoticeWriter writer;

	private final NoticeChecks checks;

	private final NoticeQueries queries;

	private final VenueNotices venueNotices;

	private final VenueManagement venues;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	Drafting(NoticeWriter writer, NoticeChecks checks, NoticeQueries queries, VenueNotices venueNotices,
			VenueManagement venues, Notifications notifications, AuditLog audit, Messages messages, Clock clock) {
		this.writer = writer;
		this.checks = checks;
		this.queries = queries;
		this.venueNotices = venueNotices;
		this.venues = venues;
		this.notifications = notifications;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** A new draft. */
	public Notice draft(NoticeDraft input, Jurisdiction who) {
		mayDraft(who);
		NoticeContent content = checks.check(input);
		long id = writer.insert(content, null, null, clock.instant(), who.username()).orElseThrow();
		audit.recordAs(who.username(), "NOTICE_DRAFT", "notice", String.valueOf(id), content.title());
		return queries.find(id).orElseThrow();
	}

	/**
	 * The draft of a public notice about an investigation's venue notice: the venue, the time window and what its
	 * visitors should do, written in the city's language (a notice is published for everyone). A venue notice has one
	 * live public notice: asked again, this returns the one there is.
	 */
	public Notice fromVenueNotice(long venueNoticeId, Jurisdiction who) {
		mayDraft(who);
		VenueNotices.VenueNotice source = venueNotices.find(venueNoticeId, who)
			.orElseThrow(() -> new NotFound("venue notice " + venueNoticeId));
		Notice existing = queries.fromVenueNotices(List.of(venueNoticeId)).get(venueNoticeId);
		if (existing != null) {
			return existing;
		}
		Venue venue = venues.find(source.venueId()).orElseThrow(() -> new NotFound("venue " + source.venueId()));
		String title = messages.getDefault("notice.fromVenue.title", venue.name());
		if (title.length() > NoticeChecks.TITLE_MAX) {
			title = title.substring(0, NoticeChecks.TITLE_MAX);
		}
		String body = messages.getDefault("notice.fromVenue.body", venue.name(), venue.address(),
				format(source.windowFrom()), format(source.windowTo()));
		NoticeContent content = checks.check(new NoticeDraft(title, body, null, null, List.of(), null));
		Instant now = clock.instant();
		long id = writer.insert(content, venue.id(), venueNoticeId, now, who.username())
			// someone drafted it at the same moment: theirs is the one
			.orElseGet(() -> queries.fromVenueNotices(List.of(venueNoticeId)).get(venueNoticeId).id());
		audit.recordAs(who.username(), "NOTICE_DRAFT", "notice", String.valueOf(id),
				content.title() + " · venue notice " + venueNoticeId);
		return queries.find(id).orElseThrow();
	}

	/** Changes a draft: its drafter, or the city command. */
	public Notice edit(long id, NoticeDraft input, Jurisdiction who) {
		Notice notice = queries.get(id, who);
		NoticeContent content = checks.check(input);
		if (!writer.update(id, content, clock.instant(), who.username(), who.mayPublishNotices())) {
			throw refused(notice, who);
		}
		audit.recordAs(who.username(), "NOTICE_EDIT", "notice", String.valueOf(id), content.title());
		return queries.find(id).orElseThrow();
	}

	/** Hands a draft to the city command for approval; the city admins are told. */
	public Notice submit(long id, Jurisdiction who) {
		Notice notice = queries.get(id, who);
		if (!writer.submit(id, clock.instant(), who.username(), who.mayPublishNotices())) {
			throw refused(notice, who);
		}
		audit.recordAs(who.username(), "NOTICE_SUBMIT", "notice", String.valueOf(id), notice.title());
		notifications.send(Notifications.Draft
			.toAudience("CITY_ADMIN", Region.CITY_CODE, Notification.Severity.INFO,
					StoredText.of("notice.notify.submitted", notice.title()), null, "/notices/" + id, "notice"));
		return queries.find(id).orElseThrow();
	}

	/** Throws a draft away (it stays on record as discarded). */
	public void discard(long id, Jurisdiction who) {
		Notice notice = queries.get(id, who);
		if (!writer.discard(id, clock.instant(), who.username(), who.mayPublishNotices())) {
			throw refused(notice, who);
		}
		audit.recordAs(who.username(), "NOTICE_DISCARD", "notice", String.valueOf(id), notice.title());
	}

	/** Why a change of a draft was refused: it is no longer a draft, or it is someone else's. */
	private InvalidInput refused(Notice before, Jurisdiction who) {
		Notice now = queries.find(before.id()).orElse(before);
		if (now.state() != Notice.State.DRAFT) {
			return new Conflict("state", messages.get("notice.state.notDraft", messages.get("notice.state." + now.state())));
		}
		return InvalidInput.of("draftedBy", messages.get("notice.draft.notYours", now.draftedBy()));
	}

	private static void mayDraft(Jurisdiction who) {
		if (!who.mayDraftNotices()) {
			throw new NotFound("notices");
		}
	}

	private String format(Instant at) {
		return WINDOW.format(at.atZone(clock.getZone()));
	}

}
