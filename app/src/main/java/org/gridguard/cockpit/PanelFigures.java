package org.gridguard.cockpit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one panel says about an area.
 *
 * @param api its fields of {@code GET /api/v1/cockpit} (API.md), in order
 * @param figures its numbers for the page and the daily report, headline figures first
 */
public record PanelFigures(Map<String, Object> api, List<Figure> figures) {

	public PanelFigures {
		api = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(api));
		figures = List.copyOf(figures);
	}

	public List<Figure> headlines() {
		return figures.stream().filter(Figure::headline).toList();
	}

	/** The breakdowns (by category, by state …): group message key → its figures, in order. */
	public Map<String, List<Figure>> groups() {
		var groups = new LinkedHashMap<String, List<Figure>>();
		for (Figure f : figures) {
			if (f.group() != null) {
				groups.computeIfAbsent(f.group(), g -> new java.util.ArrayList<>()).add(f);
			}
		}
		return groups;
	}

}
