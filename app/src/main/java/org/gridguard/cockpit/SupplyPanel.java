package org.gridguard.cockpit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Reserves: items below their norm. The module does not exist yet: the API answers {@code supplies} with zeros and
 * the panel is not shown. When it lands, this class reads its figures and links them to its lists; nothing else in
 * the cockpit changes.
 */
@Component
class SupplyPanel implements CockpitPanel {

	@Override
	public String key() {
		return "supply";
	}

	@Override
	public int order() {
		return 800;
	}

	@Override
	public String titleKey() {
		return "cockpit.panel.supply";
	}

	@Override
	public PanelFigures figures(CockpitArea area) {
		var zeros = new LinkedHashMap<String, Object>();
		zeros.put("belowNorm", 0L);
		return new PanelFigures(Map.of("supplies", zeros), List.of());
	}

	@Override
	public boolean shown() {
		return false;
	}

}
