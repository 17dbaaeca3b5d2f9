package org.gridguard.cockpit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Vaccination: residents aged 60 and over, and how many of them completed the primary series. The module does not
 * exist yet: the API answers {@code vaccination} with zeros and the panel is not shown. When it lands, this class
 * reads its figures and links them to its lists; nothing else in the cockpit changes.
 */
@Component
class VaccinationPanel implements CockpitPanel {

	@Override
	public String key() {
		return "vaccination";
	}

	@Override
	public int order() {
		return 900;
	}

	@Override
	public String titleKey() {
		return "cockpit.panel.vaccination";
	}

	@Override
	public PanelFigures figures(CockpitArea area) {
		var zeros = new LinkedHashMap<String, Object>();
		zeros.put("age60Population", 0L);
		zeros.put("age60FullPrimary", 0L);
		return new PanelFigures(Map.of("vaccination", zeros), List.of());
	}

	@Override
	public boolean shown() {
		return false;
	}

}
