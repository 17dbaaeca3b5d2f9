package org.gridguard.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of coverage and scoreboards, without the database: whether a place was inspected within its
 * frequency, and the tally of places by department or town.
 */
final class CoverageRule {

	private CoverageRule() {
	}

	/**
	 * Whether a place last inspected on {@code last} is covered on {@code today} by an interval of {@code days}: the
	 * inspection lies within the last {@code days} days, today included (weekly: today or the six days before).
	 */
	static boolean covered(@Nullable LocalDate last, int days, LocalDate today) {
		return last != null && !last.isAfter(today) && last.isAfter(today.minusDays(days));
	}

	/** What is known about one place for the scoreboards. */
	record Place(long venueId, String sector, String townCode, boolean covered, long inspections, long open,
			long overdue, boolean repeatOffender) {
	}

	/**
	 * A scoreboard line.
	 *
	 * @param key the department's sector or the town's code
	 * @param planned places that must be inspected within their frequency
	 * @param covered of those, the places that were
	 * @param inspections inspections done in the window
	 */
	record Tally(String key, long planned, long covered, long inspections, long open, long overdue,
			long repeatOffenders) {

		/** Covered places in percent of planned, rounded down; 100 when nothing is planned. */
		int percent() {
			return planned == 0 ? 100 : (int) (covered * 100 / planned);
		}

	}

	/** The places grouped by {@code key}, each group summed, in key order. */
	static List<Tally> tally(List<Place> places, Function<Place, String> key) {
		Map<String, long[]> sums = new TreeMap<>();
		for (Place p : places) {
			long[] s = sums.computeIfAbsent(key.apply(p), k -> new long[6]);
			s[0]++;
			s[1] += p.covered() ? 1 : 0;
			s[2] += p.inspections();
			s[3] += p.open();
			s[4] += p.overdue();
			s[5] += p.repeatOffender() ? 1 : 0;
		}
		var lines = new ArrayList<Tally>();
		sums.forEach((k, s) -> lines.add(new Tally(k, s[0], s[1], s[2], s[3], s[4], s[5])));
		return lines;
	}

}
