package org.gridguard.cockpit;

import java.time.LocalDate;
import java.util.List;

/**
 * One module's part of the cockpit. A module that lands adds one implementation here and changes nothing else: the
 * API answer ({@link PanelFigures#api()}), the page (its fragment, its trends, its columns of the heat view) and the
 * daily report (its figures by town) pick it up. Every figure links to the list behind it with the same region, and
 * equals that list's total.
 */
public interface CockpitPanel {

	/** Stable key, also the panel's id on the page, e.g. {@code control}. */
	String key();

	/** Position on the page, in the API answer and in the report, lower first. */
	int order();

	/** Message key of the panel's title. */
	String titleKey();

	/** The figures of an area: state figures as of now, daily figures of {@link CockpitArea#day()}. */
	PanelFigures figures(CockpitArea area);

	/** Daily series for the trend chart, for the days {@code [from, area.day()]}; none by default. */
	default List<Series> trends(CockpitArea area, LocalDate from) {
		return List.of();
	}

	/**
	 * Figures of each part of the area for the heat view, by region code cut to {@code codeLength} (the level below);
	 * none by default.
	 */
	default List<Series> byArea(CockpitArea area, int codeLength) {
		return List.of();
	}

	/**
	 * Whether the panel is shown on the page and in the report; a panel whose module does not exist yet answers its
	 * API fields with zeros and is not shown.
	 */
	default boolean shown() {
		return true;
	}

	/** The template holding the panel's fragment. */
	default String template() {
		return "cockpit/panels";
	}

	/** The fragment of {@link #template()} drawing the panel; it sees {@code view} (panel and figures). */
	default String fragment() {
		return "figures";
	}

}
