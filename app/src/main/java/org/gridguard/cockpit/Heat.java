package org.gridguard.cockpit;

import java.util.ArrayList;
import java.util.List;

import org.gridguard.region.Region;
import org.gridguard.region.RegionLevel;

import org.springframework.stereotype.Component;

/**
 * The heat view: the regions one level below an area with every shown panel's figures per region (the columns of the
 * table and the tiles of the treemap), each linked to the list behind it and to that region's cockpit. Persons still
 * waiting in the area's own queue (placed at the area itself, not below) are a row of their own.
 */
@Component
public class Heat {

	/** A row: a region below (or the area itself, for what waits at its level) and its numbers, one per column. */
	public record Row(Region region, boolean self, List<Long> values, List<String> links) {
	}

	/** The columns (series without values are fine: they only name the column) and the rows. */
	public record Table(List<Series> columns, List<Row> rows) {

		public boolean empty() {
			return rows.isEmpty();
		}

	}

	private final Cockpit cockpit;

	private final CockpitAreas areas;

	Heat(Cockpit cockpit, CockpitAreas areas) {
		this.cockpit = cockpit;
		this.areas = areas;
	}

	public Table of(CockpitArea area) {
		if (area.region().level() == RegionLevel.GRID) {
			return new Table(List.of(), List.of());
		}
		int below = RegionLevel.values()[area.region().level().ordinal() + 1].codeLength();
		var columns = new ArrayList<Series>();
		for (CockpitPanel panel : cockpit.shownPanels()) {
			columns.addAll(panel.byArea(area, below));
		}
		var rows = new ArrayList<Row>();
		for (Region child : areas.children(area)) {
			rows.add(row(child, false, columns));
		}
		Row self = row(area.region(), true, columns);
		if (self.values().stream().anyMatch(v -> v > 0)) {
			rows.add(self);
		}
		return new Table(columns, rows);
	}

	private static Row row(Region region, boolean self, List<Series> columns) {
		var values = new ArrayList<Long>();
		var links = new ArrayList<String>();
		for (Series column : columns) {
			values.add(column.get(region.code()));
			String link = column.link(region.code());
			links.add(link == null ? "" : link);
		}
		return new Row(region, self, values, links);
	}

}
