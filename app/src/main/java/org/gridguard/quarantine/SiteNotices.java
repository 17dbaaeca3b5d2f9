package org.gridguard.quarantine;

import org.gridguard.platform.Notification;
import org.gridguard.platform.Notifications;
import org.gridguard.region.Region;

import org.springframework.stereotype.Component;

/**
 * Notifications of the quarantine module: to a site's staff (audience {@code SITE_STAFF:<site id>}), and to the
 * command (the city admin and the town officers of the person's town).
 */
@Component
class SiteNotices {

	private final Notifications notifications;

	SiteNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	/** To the staff of one site; once per dedupe key. */
	void toSite(Site site, Notification.Severity severity, String title, String body, String link, String dedupeKey) {
		notifications.send(Notifications.Draft
			.toAudience("SITE_STAFF:" + site.id(), site.townCode(), severity, title, body, link, "quarantine")
			.withDedupeKey(dedupeKey));
	}

	/** To the city command and the officers of the town of {@code regionCode}; once per dedupe key. */
	void toCommand(String regionCode, Notification.Severity severity, String title, String body, String link,
			String dedupeKey) {
		notifications.send(Notifications.Draft
			.toAudience("CITY_ADMIN", Region.CITY_CODE, severity, title, body, link, "quarantine")
			.withDedupeKey(dedupeKey + ":city"));
		if (regionCode.length() >= 9) {
			notifications.send(Notifications.Draft
				.toAudience("TOWN_OFFICER", regionCode.substring(0, 9), severity, title, body, link, "quarantine")
				.withDedupeKey(dedupeKey + ":town"));
		}
	}

}
