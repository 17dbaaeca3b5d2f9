package org.gridguard.cockpit;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Numbers of a panel by day ({@code yyyy-MM-dd}, for the trends) or by region code (for the heat view).
 *
 * @param key stable name, e.g. {@code checkins}
 * @param label message key
 * @param values the numbers (absent: zero)
 * @param alarming whether numbers above zero call for action
 * @param list the list behind a number, without its region (e.g. {@code /control/tasks?overdue=true}); {@code null}:
 * none
 */
public record Series(String key, String label, Map<String, Long> values, boolean alarming, @Nullable String list) {

	public long get(String at) {
		return values.getOrDefault(at, 0L);
	}

	/** The list behind the number of one region. */
	public @Nullable String link(String regionCode) {
		return list == null ? null : list + (list.contains("?") ? "&" : "?") + "region=" + regionCode;
	}

	/** Values keyed by day, as the trend chart takes them. */
	public static Map<String, Long> byDay(Map<java.time.LocalDate, Long> counts) {
		var result = new java.util.HashMap<String, Long>();
		counts.forEach((day, n) -> result.put(day.toString(), n));
		return result;
	}

}
