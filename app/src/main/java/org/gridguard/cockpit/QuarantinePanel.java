package org.gridguard.cockpit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridguard.quarantine.QuarantineFigures;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Centralized quarantine ({@link QuarantineFigures}): rooms of the region's sites and their occupancy, transfers of
 * the region's persons pending and past their deadline, admissions and releases of the day. Lists behind them: the
 * quarantine overview ({@code /quarantine}, its sites and its table by day) and the transfer list
 * ({@code state=PENDING}, {@code overdue=true}), each with the same region. Sites belong to a town, so a village or a
 * grid has transfers but no rooms. Readers who cannot open the quarantine pages (village officers) see the numbers
 * without links.
 */
@Component
class QuarantinePanel implements CockpitPanel {

	private final QuarantineFigures quarantine;

	private final Clock clock;

	QuarantinePanel(QuarantineFigures quarantine, Clock clock) {
		this.quarantine = quarantine;
		this.clock = clock;
	}

	@Override
	public String key() {
		return "quarantine";
	}

	@Override
	public int order() {
		return 500;
	}

	@Override
	public String titleKey() {
		return "cockpit.panel.quarantine";
	}

	@Override
	public PanelFigures figures(CockpitArea area) {
		QuarantineFigures.Figures now = quarantine.of(area.code());
		long admitted = now.admittedToday();
		long released = now.releasedToday();
		if (!area.day().equals(LocalDate.now(clock))) {
			// a report of a past day: that day's admissions and releases, the state figures as of now
			QuarantineFigures.Movements day = quarantine.perDay(area.code(), area.day())
				.getOrDefault(area.day(), new QuarantineFigures.Movements(0, 0));
			admitted = day.admitted();
			released = day.released();
		}
		boolean linked = area.scope().seesSites();
		var figures = new ArrayList<Figure>();
		figures.add(Figure.headline("quarantine.rooms", "cockpit.quarantine.rooms", now.rooms(),
				link(linked, area, "/quarantine")));
		figures.add(Figure.headline("quarantine.occupied", "cockpit.quarantine.occupied", now.occupied(),
				link(linked, area, "/quarantine")));
		figures.add(Figure.headline("quarantine.free", "cockpit.quarantine.free", now.free(),
				link(linked, area, "/quarantine")));
		figures.add(Figure.headline("quarantine.transfersPending", "cockpit.quarantine.pending", now.transfersPending(),
				link(linked, area, "/quarantine/transfers", "state", "PENDING")));
		figures.add(Figure.alarm("quarantine.transfersOverdue", "cockpit.quarantine.overdue", now.transfersOverdue(),
				link(linked, area, "/quarantine/transfers", "overdue", "true")));
		figures.add(Figure.headline("quarantine.admittedToday", "cockpit.quarantine.admitted", admitted,
				link(linked, area, "/quarantine")));
		figures.add(Figure.headline("quarantine.releasedToday", "cockpit.quarantine.released", released,
				link(linked, area, "/quarantine")));

		var api = new LinkedHashMap<String, Object>();
		api.put("rooms", now.rooms());
		api.put("occupied", now.occupied());
		api.put("free", now.free());
		api.put("transfersPending", now.transfersPending());
		api.put("transfersOverdue", now.transfersOverdue());
		api.put("admittedToday", admitted);
		api.put("releasedToday", released);
		return new PanelFigures(Map.of("quarantine", api), figures);
	}

	@Override
	public List<Series> trends(CockpitArea area, LocalDate from) {
		var admitted = new HashMap<String, Long>();
		var released = new HashMap<String, Long>();
		quarantine.perDay(area.code(), from).forEach((day, m) -> {
			if (!day.isAfter(area.day())) {
				admitted.put(day.toString(), m.admitted());
				released.put(day.toString(), m.released());
			}
		});
		return List.of(new Series("quarantineAdmitted", "cockpit.quarantine.admitted", admitted, false, null),
				new Series("quarantineReleased", "cockpit.quarantine.released", released, false, null));
	}

	@Override
	public List<Series> byArea(CockpitArea area, int codeLength) {
		var pending = new HashMap<String, Long>();
		var overdue = new HashMap<String, Long>();
		quarantine.transfersByArea(area.code(), codeLength).forEach((code, t) -> {
			pending.put(code, t.pending());
			overdue.put(code, t.overdue());
		});
		boolean linked = area.scope().seesSites();
		return List.of(
				new Series("quarantine.transfersPending", "cockpit.quarantine.pending", pending, false,
						linked ? "/quarantine/transfers?state=PENDING" : null),
				new Series("quarantine.transfersOverdue", "cockpit.quarantine.overdue", overdue, true,
						linked ? "/quarantine/transfers?overdue=true" : null));
	}

	private static @Nullable String link(boolean linked, CockpitArea area, String path, String... params) {
		return linked ? area.link(path, params) : null;
	}

}
