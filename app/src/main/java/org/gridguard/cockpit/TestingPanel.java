package org.gridguard.cockpit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Testing: single positive results received on the day by persons living in the region ({@link PositiveLog}). The
 * list behind it: {@code /cockpit/positives}.
 */
@Component
class TestingPanel implements CockpitPanel {

	private final PositiveLog positives;

	TestingPanel(PositiveLog positives) {
		this.positives = positives;
	}

	@Override
	public String key() {
		return "testing";
	}

	@Override
	public int order() {
		return 300;
	}

	@Override
	public String titleKey() {
		return "cockpit.panel.testing";
	}

	@Override
	public PanelFigures figures(CockpitArea area) {
		long count = positives.count(area.day(), area.code());
		var api = new LinkedHashMap<String, Object>();
		api.put("positivesToday", count);
		return new PanelFigures(api, List.of(Figure.alarm("positivesToday", "cockpit.testing.positives", count,
				area.link("/cockpit/positives", "day", area.day().toString()))));
	}

	@Override
	public List<Series> trends(CockpitArea area, LocalDate from) {
		return List.of(new Series("positives", "cockpit.testing.positives",
				Series.byDay(positives.perDay(from, area.day(), area.code())), true, null));
	}

	@Override
	public List<Series> byArea(CockpitArea area, int codeLength) {
		return List.of(new Series("positivesToday", "cockpit.testing.positives",
				positives.perArea(area.day(), area.code(), codeLength), true, "/cockpit/positives"));
	}

}
