package org.gridguard.cockpit;

import org.jspecify.annotations.Nullable;

/**
 * One number of the cockpit and of the daily report.
 *
 * @param key stable name, e.g. {@code tasks.overdue}
 * @param label message key of what it counts
 * @param value the number
 * @param link the list behind it, filtered the same way (its total is {@code value}); {@code null} when there is none
 * @param group message key of the breakdown it belongs to ({@code null}: a headline figure of the panel)
 * @param alarming whether a value above zero calls for action (drawn in red)
 */
public record Figure(String key, String label, long value, @Nullable String link, @Nullable String group,
		boolean alarming) {

	public static Figure headline(String key, String label, long value, @Nullable String link) {
		return new Figure(key, label, value, link, null, false);
	}

	public static Figure alarm(String key, String label, long value, @Nullable String link) {
		return new Figure(key, label, value, link, null, true);
	}

	public static Figure detail(String group, String key, String label, long value, @Nullable String link) {
		return new Figure(key, label, value, link, group, false);
	}

	public boolean headline() {
		return group == null;
	}

}
