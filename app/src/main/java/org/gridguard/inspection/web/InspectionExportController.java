package org.gridguard.inspection.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.gridguard.inspection.Coverage;
import org.gridguard.inspection.RectificationOrder;
import org.gridguard.inspection.RectificationQueries;
import org.gridguard.platform.ListExport;
import org.gridguard.platform.ListExports;
import org.gridguard.platform.ListQuery;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The export twins of the inspection lists, for the pages (and, through {@link InspectionExportApi}, the API): the
 * rectification orders with the list's filters, the places not inspected within their frequency, and the
 * scoreboards by department and by town.
 */
@Controller
class InspectionExportController {

	private final RectificationQueries queries;

	private final Coverage coverage;

	private final RegionManagement regions;

	private final ListExports exports;

	private final Messages messages;

	private final Clock clock;

	InspectionExportController(RectificationQueries queries, Coverage coverage, RegionManagement regions,
			ListExports exports, Messages messages, Clock clock) {
		this.queries = queries;
		this.coverage = coverage;
		this.regions = regions;
		this.exports = exports;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/inspection/rectifications/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'DEPARTMENT', 'VENUE_MANAGER')")
	void rectifications(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) RectificationOrder.@Nullable State state,
			@RequestParam(required = false) @Nullable String region, Jurisdiction signedIn,
			HttpServletResponse response) {
		Jurisdiction who = signedIn.narrowedTo(region);
		Instant now = clock.instant();
		Map<String, String> places = new HashMap<>();
		exports.send(ListExport.of("rectifications", queries.list(new RectificationQueries.Filter(state, null, false), who),
				List.of("inspection.order.id", "inspection.order.venue", "inspection.venue.code", "inspection.order.place",
						"inspection.order.item", "inspection.order.severity", "inspection.order.state",
						"inspection.order.due", "inspection.order.responsible", "inspection.order.reopened"),
				ListExport.<RectificationOrder>eachRow(o -> List.of(o.id(), o.venueName(),
						o.venueCode() == null ? "" : o.venueCode(),
						places.computeIfAbsent(o.regionCode(), regions::fullName), label(o),
						messages.get(o.severity().messageKey()), messages.get("inspection.state." + o.state(now)),
						o.dueAt().atZone(clock.getZone()).toLocalDateTime().toString(), o.responsiblePerson(),
						o.reopened())))
			.filteredBy("state", state, "region", region), format, response);
	}

	@GetMapping("/inspection/coverage/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'DEPARTMENT')")
	void coverage(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String region, Jurisdiction signedIn,
			HttpServletResponse response) {
		Jurisdiction who = signedIn.narrowedTo(region);
		List<Coverage.Gap> gaps = coverage.report(who).gaps();
		var ids = new ArrayList<Long>();
		var names = new ArrayList<String>();
		var categories = new ArrayList<String>();
		var places = new ArrayList<String>();
		var last = new ArrayList<String>();
		var days = new ArrayList<Long>();
		Map<String, String> placeNames = new HashMap<>();
		for (Coverage.Gap g : gaps) {
			ids.add(g.venue().id());
			names.add(g.venue().name());
			categories.add(messages.get(g.venue().category().messageKey()));
			places.add(placeNames.computeIfAbsent(g.venue().regionCode(), regions::fullName));
			last.add(g.lastInspected() == null ? messages.get("inspection.coverage.never") : g.lastInspected().toString());
			days.add((long) g.frequencyDays());
		}
		// the gaps are computed against the rule profile, not stored: the export reads them back as one query
		var query = new ListQuery<List<Object>>("g.*",
				"unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[]) "
						+ "WITH ORDINALITY AS g(id, name, category, place, last, days, n)",
				List.of(ids.toArray(Long[]::new), names.toArray(String[]::new), categories.toArray(String[]::new),
						places.toArray(String[]::new), last.toArray(String[]::new), days.toArray(Long[]::new)),
				"g.n", (rs, i) -> List.of(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getLong(6)));
		exports.send(ListExport.of("inspection-coverage", query,
				List.of("inspection.order.id", "inspection.order.venue", "inspection.venue.category",
						"inspection.order.place", "inspection.coverage.last", "inspection.coverage.frequency"),
				ListExport.<List<Object>>eachRow(row -> row))
			.filteredBy("region", region), format, response);
	}

	@GetMapping("/inspection/scoreboard/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'DEPARTMENT')")
	void scoreboard(@RequestParam(required = false) @Nullable String format,
			@RequestParam(defaultValue = "sector") String by, @RequestParam(required = false) @Nullable String region,
			Jurisdiction signedIn, HttpServletResponse response) {
		Jurisdiction who = signedIn.narrowedTo(region);
		Coverage.Report report = coverage.report(who);
		boolean byTown = "town".equals(by);
		List<Coverage.Line> lines = byTown ? report.byTown() : report.bySector();
		var keys = new ArrayList<String>();
		long[][] columns = new long[7][lines.size()];
		for (int i = 0; i < lines.size(); i++) {
			Coverage.Line l = lines.get(i);
			keys.add(byTown ? regions.fullName(l.key()) : messages.get("sector." + l.key()));
			long[] values = { l.planned(), l.covered(), l.percent(), l.inspections(), l.open(), l.overdue(),
					l.repeatOffenders() };
			for (int c = 0; c < values.length; c++) {
				columns[c][i] = values[c];
			}
		}
		var params = new ArrayList<Object>();
		params.add(keys.toArray(String[]::new));
		for (long[] column : columns) {
			params.add(java.util.Arrays.stream(column).boxed().toArray(Long[]::new));
		}
		var query = new ListQuery<List<Object>>("s.*",
				"unnest(?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], "
						+ "?::bigint[]) WITH ORDINALITY AS s(k, planned, covered, percent, inspections, open, overdue, repeats, n)",
				params, "s.n", (rs, i) -> {
					var row = new ArrayList<Object>();
					row.add(rs.getString(1));
					for (int c = 2; c <= 8; c++) {
						row.add(rs.getLong(c));
					}
					return row;
				});
		exports.send(ListExport.of("inspection-scoreboard-" + (byTown ? "town" : "sector"), query,
				List.of(byTown ? "inspection.scoreboard.town" : "inspection.scoreboard.sector",
						"inspection.scoreboard.planned", "inspection.scoreboard.covered", "inspection.scoreboard.percent",
						"inspection.scoreboard.inspections", "inspection.scoreboard.open",
						"inspection.scoreboard.overdue", "inspection.scoreboard.repeat"),
				ListExport.<List<Object>>eachRow(row -> row))
			.filteredBy("by", by, "region", region), format, response);
	}

	private String label(RectificationOrder o) {
		return o.standardLabel() ? messages.get(o.labelKey()) : o.label();
	}

}
