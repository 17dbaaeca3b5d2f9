package org.gridguard.cockpit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The alert feed of the cockpit: the newest alerts at the area's venues and positives of its residents, newest first.
 * It names no person (the lists behind it do, audited): a venue and its colour, a place and a time.
 */
@Component
public class AlertFeed {

	/** One line of the feed: a message key with its arguments, and where a click leads. */
	public record Item(Instant at, String kind, String messageKey, List<String> args, String link) {
	}

	private final VenueAlertLog alerts;

	private final PositiveLog positives;

	private final CockpitAreas areas;

	AlertFeed(VenueAlertLog alerts, PositiveLog positives, CockpitAreas areas) {
		this.alerts = alerts;
		this.positives = positives;
		this.areas = areas;
	}

	public List<Item> latest(CockpitArea area, int limit) {
		var items = new ArrayList<Item>();
		for (VenueAlertLog.Alert a : alerts.latest(area.code(), limit)) {
			items.add(new Item(a.at(), "VENUE", "cockpit.feed.venue." + a.colour(), List.of(a.venueName()),
					"/venues/" + a.venueId() + "/visits"));
		}
		for (PositiveLog.Positive p : positives.latest(area.code(), limit)) {
			items.add(new Item(p.receivedAt(), "POSITIVE", "cockpit.feed.positive", List.of(areas.fullName(p.regionCode())),
					area.link("/cockpit/positives")));
		}
		items.sort(Comparator.comparing(Item::at).reversed());
		return items.size() > limit ? items.subList(0, limit) : items;
	}

}
