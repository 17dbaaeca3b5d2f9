package org.gridguard.cockpit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridguard.region.Region;
import org.gridguard.region.RegionManagement;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The standard tables of the daily report: for every shown panel and each of its breakdowns, one table with a row per
 * town and the city's row last. State figures are as of the generation; daily figures (check-ins, positives, alerts)
 * are those of the report's day. Texts are in Chinese, the language of the city's documents.
 */
@Component
class ReportTables {

	/** One row: a town (or the city) and its numbers in column order. */
	record Row(String name, List<Long> values) {
	}

	/** One table. */
	record Table(String title, List<String> columns, List<Row> rows) {
	}

	/**
	 * The report's content.
	 *
	 * @param level the response level in force when it was generated, as a line of text
	 */
	record Content(String title, LocalDate day, Instant at, String level, List<Table> tables) {
	}

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private final Cockpit cockpit;

	private final CockpitAreas areas;

	private final RegionManagement regions;

	private final MessageSource messages;

	ReportTables(Cockpit cockpit, CockpitAreas areas, RegionManagement regions, MessageSource messages) {
		this.cockpit = cockpit;
		this.areas = areas;
		this.regions = regions;
		this.messages = messages;
	}

	Content build(LocalDate day) {
		Region city = regions.get(Region.CITY_CODE);
		var readings = new ArrayList<Cockpit.Reading>();
		for (Region town : regions.children(Region.CITY_CODE)) {
			readings.add(cockpit.read(areas.ofDay(town, day)));
		}
		Cockpit.Reading total = cockpit.read(areas.ofDay(city, day));
		readings.add(total);
		var tables = new ArrayList<Table>();
		for (Cockpit.PanelView view : total.shown()) {
			String panelTitle = text(view.panel().titleKey());
			Map<String, List<Figure>> groups = new LinkedHashMap<>();
			groups.put(panelTitle, view.figures().headlines());
			view.figures().groups().forEach((group, figures) -> groups.put(panelTitle + " · " + text(group), figures));
			groups.forEach((title, figures) -> {
				if (!figures.isEmpty()) {
					tables.add(table(title, view.panel().key(), figures, readings));
				}
			});
		}
		return new Content(text("cockpit.report.title", city.name(), day.toString()), day, total.area().at(),
				text("cockpit.report.level", text("cockpit.level." + total.responseLevel())), tables);
	}

	private Table table(String title, String panel, List<Figure> figures, List<Cockpit.Reading> readings) {
		List<String> columns = figures.stream().map(f -> text(f.label())).toList();
		var rows = new ArrayList<Row>();
		for (Cockpit.Reading reading : readings) {
			Map<String, Long> values = new java.util.HashMap<>();
			reading.panels()
				.stream()
				.filter(v -> v.panel().key().equals(panel))
				.flatMap(v -> v.figures().figures().stream())
				.forEach(f -> values.put(f.key(), f.value()));
			boolean city = reading.area().region().code().equals(Region.CITY_CODE);
			String name = city ? text("cockpit.report.total", reading.area().region().name()) : reading.area().region().name();
			rows.add(new Row(name, figures.stream().map(f -> values.getOrDefault(f.key(), 0L)).toList()));
		}
		return new Table(title, columns, rows);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, ZH);
	}

}
