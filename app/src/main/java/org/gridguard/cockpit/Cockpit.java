package org.gridguard.cockpit;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridguard.response.ResponseLevels;

import org.springframework.stereotype.Component;

/**
 * Reads every panel for an area: the API answer, the page and the daily report are made of the same reading.
 */
@Component
public class Cockpit {

	/** One panel with what it says about the area. */
	public record PanelView(CockpitPanel panel, PanelFigures figures) {
	}

	/**
	 * Everything the cockpit says about an area at one moment.
	 *
	 * @param responseLevel the city's response level in force ({@code NORMAL}, {@code IV} … {@code I})
	 */
	public record Reading(CockpitArea area, String responseLevel, List<PanelView> panels) {

		/** The panels to draw (those whose module exists), in order. */
		public List<PanelView> shown() {
			return panels.stream().filter(p -> p.panel().shown()).toList();
		}

		/** The answer of {@code GET /api/v1/cockpit} (API.md): the region, the level, the time, then every panel's fields. */
		public Map<String, Object> api() {
			var answer = new LinkedHashMap<String, Object>();
			var region = new LinkedHashMap<String, Object>();
			region.put("code", area.region().code());
			region.put("name", area.region().name());
			region.put("level", area.region().level().name());
			answer.put("region", region);
			answer.put("responseLevel", responseLevel);
			answer.put("at", area.at());
			for (PanelView view : panels) {
				answer.putAll(view.figures().api());
			}
			return answer;
		}

	}

	private final List<CockpitPanel> panels;

	private final ResponseLevels levels;

	Cockpit(List<CockpitPanel> panels, ResponseLevels levels) {
		this.panels = panels.stream().sorted(Comparator.comparingInt(CockpitPanel::order)).toList();
		this.levels = levels;
	}

	public Reading read(CockpitArea area) {
		return new Reading(area, levels.current().level().name(),
				panels.stream().map(p -> new PanelView(p, p.figures(area))).toList());
	}

	/** The panels whose module exists, in order. */
	public List<CockpitPanel> shownPanels() {
		return panels.stream().filter(CockpitPanel::shown).toList();
	}

}
