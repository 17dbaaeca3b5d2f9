package org.gridguard.cockpit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Venues: check-ins of the day at the region's venues (from the check-in feed, {@link CheckInTally}) and alerts of red
 * or isolated persons scanned in ({@link VenueAlertLog}). Lists behind them: check-ins by venue
 * ({@code /cockpit/checkins}, each venue linking to its visitor log of the day) and the alerts
 * ({@code /cockpit/alerts}).
 */
@Component
class VenuePanel implements CockpitPanel {

	private final CheckInTally checkIns;

	private final VenueAlertLog alerts;

	VenuePanel(CheckInTally checkIns, VenueAlertLog alerts) {
		this.checkIns = checkIns;
		this.alerts = alerts;
	}

	@Override
	public String key() {
		return "venue";
	}

	@Override
	public int order() {
		return 200;
	}

	@Override
	public String titleKey() {
		return "cockpit.panel.venue";
	}

	@Override
	public PanelFigures figures(CockpitArea area) {
		long checkins = checkIns.count(area.day(), area.code());
		long alerted = alerts.count(area.day(), area.code());
		String day = area.day().toString();
		var figures = new ArrayList<Figure>();
		figures.add(Figure.headline("checkinsToday", "cockpit.venue.checkins", checkins,
				area.link("/cockpit/checkins", "day", day)));
		figures.add(Figure.alarm("venueAlertsToday", "cockpit.venue.alerts", alerted,
				area.link("/cockpit/alerts", "day", day)));
		var api = new LinkedHashMap<String, Object>();
		api.put("checkinsToday", checkins);
		api.put("venueAlertsToday", alerted);
		return new PanelFigures(api, figures);
	}

	@Override
	public List<Series> trends(CockpitArea area, LocalDate from) {
		return List.of(
				new Series("checkins", "cockpit.venue.checkins",
						Series.byDay(checkIns.perDay(from, area.day(), area.code())), false, null),
				new Series("venueAlerts", "cockpit.venue.alerts",
						Series.byDay(alerts.perDay(from, area.day(), area.code())), true, null));
	}

	@Override
	public List<Series> byArea(CockpitArea area, int codeLength) {
		return List.of(new Series("checkinsToday", "cockpit.venue.checkins",
				checkIns.perArea(area.day(), area.code(), codeLength), false, "/cockpit/checkins"));
	}

}
