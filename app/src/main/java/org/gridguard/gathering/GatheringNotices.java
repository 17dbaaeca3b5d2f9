package org.gridguard.gathering;

import org.gridguard.platform.Messages;
import org.gridguard.platform.Notification;
import org.gridguard.platform.Notifications;
import org.gridguard.region.Region;

import org.springframework.stereotype.Component;

/**
 * Notifications of the meetings-and-events module, written once in the default language: to the party of a step that
 * is now theirs to decide, to the organizer when the event is decided, and to the city command when a step goes past
 * its deadline.
 */
@Component
class GatheringNotices {

	private final Notifications notifications;

	private final Messages messages;

	GatheringNotices(Notifications notifications, Messages messages) {
		this.notifications = notifications;
		this.messages = messages;
	}

	void stepOpened(Gathering event, Step step) {
		notifications.send(Notifications.Draft
			.toAudience(step.audience(), step.regionCode(), Notification.Severity.INFO,
					messages.getDefault("gathering.notify.step", messages.getDefault(step.kind().messageKey()),
							event.name()),
					messages.getDefault("gathering.notify.step.body", event.organizer(), event.expectedHeadcount()),
					link(event), "gathering")
			.withDedupeKey("gathering:step:" + step.id()));
	}

	void decided(Gathering event, Gathering.State state) {
		if (event.organizerId() == null) {
			return;
		}
		notifications.send(Notifications.Draft
			.toAudience("ORGANIZER:" + event.organizerId(), event.townCode(), Notification.Severity.INFO,
					messages.getDefault("gathering.notify.decided", event.name(),
							messages.getDefault(state.messageKey())),
					null, link(event), "gathering")
			.withDedupeKey("gathering:decided:" + event.id() + ":" + state));
	}

	void escalated(Gathering event, Step step) {
		String title = messages.getDefault("gathering.notify.overdue", messages.getDefault(step.kind().messageKey()),
				event.name());
		notifications.send(Notifications.Draft
			.toAudience("CITY_ADMIN", Region.CITY_CODE, Notification.Severity.ALERT, title,
					messages.getDefault("gathering.notify.overdue.body"), link(event), "gathering")
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
