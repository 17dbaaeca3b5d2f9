package org.gridguard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a home page's to-do list as a person sees it (each line's count and the list it links to) and a list page's
 * total, for tests that compare the two.
 */
public final class HomePage {

	private static final Pattern ITEM = Pattern.compile(
			"id=\"todo-([a-z-]+)\" href=\"([^\"]+)\">\\s*<div class=\"gg-stat[^\"]*\">(\\d+)</div>");

	/** The pager's total, with the thousands separators of the page's number format. */
	private static final Pattern TOTAL = Pattern.compile("共 ([\\d,]+) 条");

	private HomePage() {
	}

	/** One line of the to-do list. */
	public record Item(String link, long count) {
	}

	/** The lines of the to-do list by key, in page order. */
	public static Map<String, Item> items(String html) {
		var items = new LinkedHashMap<String, Item>();
		Matcher m = ITEM.matcher(html);
		while (m.find()) {
			items.put(m.group(1), new Item(m.group(2).replace("&amp;", "&"), Long.parseLong(m.group(3))));
		}
		return items;
	}

	/** The total a paged list states under its rows ("共 N 条"). */
	public static long total(String html) {
		Matcher m = TOTAL.matcher(html);
		if (!m.find()) {
			throw new AssertionError("no total on the page: " + html.substring(0, Math.min(html.length(), 2000)));
		}
		return Long.parseLong(m.group(1).replace(",", ""));
	}

}
