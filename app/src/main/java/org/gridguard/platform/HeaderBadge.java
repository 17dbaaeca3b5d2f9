package org.gridguard.platform;

import org.jspecify.annotations.Nullable;

/**
 * A short state shown in the header of every page (the city's response level, for example), contributed by a module
 * as a bean. The layout asks each contributor while it renders a page, so an answer must be cheap (held in memory).
 */
public interface HeaderBadge {

	/** What to show now, in the reader's language; {@code null} to show nothing. */
	@Nullable Shown shown();

	/**
	 * One badge of the header.
	 *
	 * @param id the element id, for tests and styles
	 * @param text what it says, already in the reader's language
	 * @param cssClass the classes that colour it
	 * @param href where it leads, or {@code null}
	 * @param title a longer text shown on hover, or {@code null}
	 */
	record Shown(String id, String text, String cssClass, @Nullable String href, @Nullable String title) {
	}

}
