package org.gridguard.cockpit;

import java.util.LinkedHashMap;
import java.util.List;

import org.gridguard.shared.Paging;
import org.gridguard.tracing.Investigation;
import org.gridguard.tracing.InvestigationManagement;

import org.springframework.stereotype.Component;

/**
 * Tracing: open case investigations touching the region (the case or a candidate lives there), exactly those of the
 * investigation list with {@code state=OPEN} and the same region.
 */
@Component
class TracingPanel implements CockpitPanel {

	private final InvestigationManagement investigations;

	TracingPanel(InvestigationManagement investigations) {
		this.investigations = investigations;
	}

	@Override
	public String key() {
		return "tracing";
	}

	@Override
	public int order() {
		return 400;
	}

	@Override
	public String titleKey() {
		return "cockpit.panel.tracing";
	}

	@Override
	public PanelFigures figures(CockpitArea area) {
		long open = investigations.list(area.scope(), Investigation.State.OPEN, new Paging(0, 1)).total();
		var api = new LinkedHashMap<String, Object>();
		api.put("openInvestigations", open);
		return new PanelFigures(api, List.of(Figure.headline("openInvestigations", "cockpit.tracing.open", open,
				area.link("/tracing/investigations", "state", "OPEN"))));
	}

}
