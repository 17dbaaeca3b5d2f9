package org.gridguard.cockpit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Inspections: rectification orders open and overdue. The module does not exist yet: the API answers {@code
 * rectifications} with zeros and the panel is not shown. When it lands, this class reads its figures and links
 * them to its lists; nothing else in the cockpit changes.
 */
@Component
class InspectionPanel implements CockpitPanel {

	@Override
	public String key() {
		return "inspection";
	}

	@Override
	public int order() {
		return 700;
	}

	@Override
	public String titleKey() {
		return "cockpit.panel.inspection";
	}

	@Override
	public PanelFigures figures(CockpitArea area) {
		var zeros = new LinkedHashMap<String, Object>();
		zeros.put("open", 0L);
		zeros.put("overdue", 0L);
		return new PanelFigures(Map.of("rectifications", zeros), List.of());
	}

	@Override
	public boolean shown() {
		return false;
	}

}
