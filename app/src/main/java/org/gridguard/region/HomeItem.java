package org.gridguard.region;

/**
 * One line of a home page's to-do list: how many things of a kind wait, and the list that shows them, filtered the same
 * way (the list's total equals {@code count}).
 *
 * @param key stable name, also the line's id on the page, e.g. {@code tasks-overdue}
 * @param label message key of what is counted
 * @param count how many
 * @param link the list behind the count
 * @param urgent whether a count above zero calls for action now (drawn in red)
 */
public record HomeItem(String key, String label, long count, String link, boolean urgent) {

	public static HomeItem of(String key, String label, long count, String link) {
		return new HomeItem(key, label, count, link, false);
	}

	public static HomeItem urgent(String key, String label, long count, String link) {
		return new HomeItem(key, label, count, link, true);
	}

}
