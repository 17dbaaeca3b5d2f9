package org.gridguard.cockpit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridguard.inspection.RectificationQueries;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Inspections: rectification orders of the area's places open (not yet overdue) and overdue, read with the
 * conditions of the order list ({@link RectificationQueries#counts}), each linked to that list with the same
 * {@code state} and region, so that its total is the figure.
 */
@Component
class InspectionPanel implements CockpitPanel {

	private final RectificationQueries rectifications;

	InspectionPanel(RectificationQueries rectifications) {
		this.rectifications = rectifications;
	}

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
		RectificationQueries.Counts counts = rectifications.counts(area.scope());
		boolean linked = area.scope().seesInspections();
		var api = new LinkedHashMap<String, Object>();
		api.put("open", counts.open());
		api.put("overdue", counts.overdue());
		return new PanelFigures(Map.of("rectifications", api),
				List.of(Figure.headline("rectifications.open", "cockpit.rectifications.open", counts.open(),
						link(linked, area, "OPEN")),
						Figure.alarm("rectifications.overdue", "cockpit.rectifications.overdue", counts.overdue(),
								link(linked, area, "OVERDUE"))));
	}

	private static @Nullable String link(boolean linked, CockpitArea area, String state) {
		return linked ? area.link("/inspection/rectifications", "state", state) : null;
	}

	@Override
	public boolean shown() {
		return true;
	}

}
