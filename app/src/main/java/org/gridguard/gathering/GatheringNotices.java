package org.gridguard.gathering;

import org.gridguard.platform.Notification;
import org.gridguard.platform.Notifications;
import org.gridguard.platform.StoredText;
import org.gridguard.region.Region;

import org.springframework.stereotype.Component;

/**
 * Notifications of the meetings-and-events module, stored as keys and shown in each reader's language: to the party of a step that
 * is now theirs to decide, to the organizer when the event is decided, and to the city command when a step goes past
 * its deadline.
 */
@Component
class GatheringNotices {

	private final Notifications notifications;

	GatheringNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	void stepOpened(Gathering event, Step step) {
		notifications.send(Notifications.Draft
			.toAudience(step.audience(), step.regionCode(), Notification.Severity.INFO,
					StoredText.of("gathering.notify.step", StoredText.label(step.kind().messageKey()), event.name()),
					StoredText.of("gathering.notify.step.body", event.organizer(), event.expectedHeadcount()),
					link(event), "gathering")
			.withDedupeKey("gathering:step:" + step.id()));
	}

	void decided(Gathering event, Gathering.State state) {
		if (event.organizerId() == null) {
			return;
		}
		notifications.send(Notifications.Draft
			.toAudience("ORGANIZER:" + event.organizerId(), event.townCode(), Notification.Severity.INFO,
					StoredText.of("gathering.notify.decided", event.name(), StoredText.label(state.messageKey())),
					null, link(event), "gathering")
			.withDedupeKey("gathering:decided:" + event.id() + ":" + state));
	}

	void escalated(Gathering event, Step step) {
		String title = StoredText.of("gathering.notify.overdue", StoredText.label(step.kind().messageKey()), event.name());
		notifications.send(Notifications.Draft
			.toAudience("CITY_ADMIN", Region.CITY_CODE, Notification.Severity.ALERT, title,
					StoredText.of("gathering.notify.overdue.body"), link(event), "gathering")
			.withDedupeKey("gathering:overdue:" + step.id() + ":city"));
		notifications.send(Notifications.Draft
			.toAudience(step.audience(), step.regionCode(), Notification.Severity.WARNING, title, null, link(event),
					"gathering")
			.withDedupeKey("gathering:overdue:" + step.id() + ":party"));
	}

	private static String link(Gathering event) {
		return "/events/" + event.id();
	}

}
