package org.gridguard.inspection;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.gridguard.platform.Messages;
import org.gridguard.platform.Notification;
import org.gridguard.platform.Notifications;
import org.gridguard.region.Region;
import org.gridguard.region.RegionLevel;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalates overdue rectification orders ({@link Escalation}): each order past its deadline is told once to the
 * department of its sector and to the officers of its town, and once more to the city command when it stays overdue
 * for {@code gridguard.inspection.city-escalation-after}. Raising the level is one conditional update per level, so
 * that two instances never tell twice; a reopened order starts again from level 0.
 */
@Component
class OverdueOrders {

	private final OrderWriter writer;

	private final Notifications notifications;

	private final Messages messages;

	private final InspectionProperties properties;

	private final Clock clock;

	OverdueOrders(OrderWriter writer, Notifications notifications, Messages messages, InspectionProperties properties,
			Clock clock) {
		this.writer = writer;
		this.notifications = notifications;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${gridguard.inspection.check-interval:300s}", initialDelayString = "${gridguard.inspection.check-interval:300s}")
	void check() {
		escalate(clock.instant());
	}

	/** Escalates as of {@code now}; gives how many orders were raised a level. */
	@Transactional
	int escalate(Instant now) {
		var rule = new Escalation(properties.cityEscalationAfter());
		List<RectificationOrder> first = writer.escalate(0, Escalation.DEPARTMENT_AND_TOWN,
				rule.dueBefore(Escalation.DEPARTMENT_AND_TOWN, now));
		for (RectificationOrder o : first) {
			tell(o, "DEPARTMENT:" + o.sector(), o.regionCode(), 1);
			tell(o, "TOWN_OFFICER", town(o.regionCode()), 1);
		}
		List<RectificationOrder> second = writer.escalate(Escalation.DEPARTMENT_AND_TOWN, Escalation.CITY,
				rule.dueBefore(Escalation.CITY, now));
		for (RectificationOrder o : second) {
			tell(o, "CITY_ADMIN", Region.CITY_CODE, 2);
		}
		return first.size() + second.size();
	}

	private void tell(RectificationOrder o, String audience, String regionCode, int level) {
		String item = o.standardLabel() ? messages.getDefault(o.labelKey()) : o.label();
		notifications.send(Notifications.Draft
			.toAudience(audience, regionCode, level == 2 ? Notification.Severity.ALERT : Notification.Severity.WARNING,
					messages.getDefault("inspection.notify.overdue", o.venueName(), item),
					messages.getDefault("inspection.notify.overdue.body", o.responsiblePerson()),
					"/inspection/rectifications/" + o.id(), "inspection")
			.withDedupeKey("inspection:order-overdue:" + o.id() + ":" + o.reopened() + ":" + level + ":" + audience));
	}

	private static String town(String code) {
		int length = RegionLevel.TOWN.codeLength();
		return code.length() >= length ? code.substring(0, length) : code;
	}

}
