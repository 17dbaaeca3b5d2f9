package org.gridguard.cockpit.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.gridguard.cockpit.CheckInTally;
import org.gridguard.cockpit.CockpitArea;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;

import org.springframework.stereotype.Component;

/**
 * Check-ins of a day by venue of a region, the busiest first: the list behind "check-ins today" (page and API).
 */
@Component
class CheckInList {

	/** A venue and its check-ins of the day. */
	record Row(long venueId, String name, String category, String regionCode, long checkins) {
	}

	/** A page of venues, and the check-ins of all of them (the cockpit's figure). */
	record Page(PageResult<Row> venues, long checkins) {
	}

	private final CheckInTally tally;

	private final VenueManagement venues;

	CheckInList(CheckInTally tally, VenueManagement venues) {
		this.tally = tally;
		this.venues = venues;
	}

	Page of(CockpitArea area, Paging paging) {
		Map<Long, Long> counts = tally.perVenue(area.day(), area.code());
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		List<Map.Entry<Long, Long>> sorted = counts.entrySet()
			.stream()
			.sorted(Map.Entry.<Long, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
			.toList();
		int from = (int) Math.min(paging.offset(), sorted.size());
		List<Map.Entry<Long, Long>> shown = sorted.subList(from, Math.min(sorted.size(), from + paging.size()));
		Map<Long, Venue> found = venues.findAll(shown.stream().map(Map.Entry::getKey).toList());
		List<Row> rows = shown.stream().map(e -> {
			Venue v = found.get(e.getKey());
			return v == null ? new Row(e.getKey(), "#" + e.getKey(), "", "", e.getValue())
					: new Row(v.id(), v.name(), v.category().name(), v.regionCode(), e.getValue());
		}).toList();
		return new Page(new PageResult<>(rows, paging.page(), paging.size(), sorted.size()), total);
	}

}
