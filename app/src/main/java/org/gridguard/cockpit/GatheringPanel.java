package org.gridguard.cockpit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.gridguard.gathering.Gathering;
import org.gridguard.gathering.GatheringQueries;
import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Meetings and events: events of the area awaiting approval, running today and overdue in their approval, each the
 * total of the events list with the same filter and region ({@code /events?state=PENDING}, {@code today=true},
 * {@code overdue=true}), read through the module's own list query. Readers who cannot open the events pages
 * (village officers) see the numbers without links.
 */
@Component
class GatheringPanel implements CockpitPanel {

	private final GatheringQueries events;

	GatheringPanel(GatheringQueries events) {
		this.events = events;
	}

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
		Jurisdiction scope = area.scope();
		long awaiting = events.count(new GatheringQueries.Filter(Gathering.State.PENDING, false, false, false), scope);
		long today = events.count(new GatheringQueries.Filter(null, true, false, false), scope);
		long overdue = events.count(new GatheringQueries.Filter(null, false, true, false), scope);
		boolean linked = !scope.eventScope().none();
		var figures = new ArrayList<Figure>();
		figures.add(Figure.headline("events.awaitingApproval", "gathering.fig.awaitingApproval", awaiting,
				link(linked, area, "state", "PENDING")));
		figures.add(Figure.headline("events.runningToday", "gathering.fig.runningToday", today,
				link(linked, area, "today", "true")));
		figures.add(Figure.alarm("events.overdue", "gathering.fig.overdue", overdue, link(linked, area, "overdue", "true")));
		var api = new LinkedHashMap<String, Object>();
		api.put("awaitingApproval", awaiting);
		api.put("runningToday", today);
		api.put("overdue", overdue);
		return new PanelFigures(Map.of("events", api), figures);
	}

	private static @Nullable String link(boolean linked, CockpitArea area, String... params) {
		return linked ? area.link("/events", params) : null;
	}

}
