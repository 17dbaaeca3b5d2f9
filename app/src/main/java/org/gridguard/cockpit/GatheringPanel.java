package org.gridguard.cockpit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Meetings and events: filings awaiting approval. The module does not exist yet: the API answers {@code events}
 * with zeros and the panel is not shown. When it lands, this class reads its figures and links them to its lists;
 * nothing else in the cockpit changes.
 */
@Component
class GatheringPanel implements CockpitPanel {

	@Override
	public String key() {
		return "gathering";
	}

	@Override
	public int order() {
		return 600;
	}

	@Override
	public String titleKey() {
		return "cockpit.panel.gathering";
	}

	@Override
	public PanelFigures figures(CockpitArea area) {
		var zeros = new LinkedHashMap<String, Object>();
		zeros.put("awaitingApproval", 0L);
		return new PanelFigures(Map.of("events", zeros), List.of());
	}

	@Override
	public boolean shown() {
		return false;
	}

}
