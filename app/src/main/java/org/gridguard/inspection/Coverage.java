package org.gridguard.inspection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridguard.platform.ListQuery;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionLevel;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;
import org.gridguard.venue.VenueQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coverage and scoreboards of the places the reader sees (the venue module decides which: a department its sector's,
 * a town its town's): the places not inspected within their category's frequency under the level in force, and per
 * department and per town the places planned and covered, the inspections of the window, the open and overdue orders
 * and the repeat offenders (failings at two or more inspections within {@code gridguard.inspection.repeat-window}).
 */
@Service
@Transactional(readOnly = true)
public class Coverage {

	private final JdbcClient jdbc;

	private final VenueManagement venues;

	private final InspectionProfile profile;

	private final InspectionProperties properties;

	private final Clock clock;

	Coverage(JdbcClient jdbc, VenueManagement venues, InspectionProfile profile, InspectionProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.venues = venues;
		this.profile = profile;
		this.properties = properties;
		this.clock = clock;
	}

	/** A place not inspected within its frequency. */
	public record Gap(Venue venue, @Nullable LocalDate lastInspected, int frequencyDays) {
	}

	/** One line of a scoreboard; {@code key} is a sector's name or a town's code. */
	public record Line(String key, long planned, long covered, int percent, long inspections, long open, long overdue,
			long repeatOffenders) {
	}

	/** The coverage of the reader's places. */
	public record Report(List<Gap> gaps, List<Line> bySector, List<Line> byTown, long planned, long covered) {
	}

	public Report report(Jurisdiction who) {
		LocalDate today = LocalDate.now(clock);
		Instant now = clock.instant();
		Instant windowStart = now.minus(properties.repeatWindow());
		Map<Long, VenueFacts> facts = facts(now, windowStart);
		var gaps = new ArrayList<Gap>();
		var places = new ArrayList<CoverageRule.Place>();
		for (Venue v : visibleVenues(who)) {
			if (!v.active()) {
				continue;
			}
			VenueFacts f = facts.getOrDefault(v.id(), VenueFacts.NONE);
			int days = profile.frequencyDays(v.category());
			LocalDate last = f.last() == null ? null : LocalDate.ofInstant(f.last(), clock.getZone());
			boolean covered = CoverageRule.covered(last, days, today);
			if (!covered) {
				gaps.add(new Gap(v, last, days));
			}
			places.add(new CoverageRule.Place(v.id(), v.sector().name(), town(v.regionCode()), covered, f.inspections(),
					f.open(), f.overdue(), f.failedInspections() >= 2));
		}
		gaps.sort(java.util.Comparator.comparing((Gap g) -> g.lastInspected() == null ? LocalDate.MIN : g.lastInspected())
			.thenComparing(g -> g.venue().id()));
		long covered = places.stream().filter(CoverageRule.Place::covered).count();
		return new Report(gaps, lines(CoverageRule.tally(places, CoverageRule.Place::sector)),
				lines(CoverageRule.tally(places, CoverageRule.Place::townCode)), places.size(), covered);
	}

	private static List<Line> lines(List<CoverageRule.Tally> tallies) {
		return tallies.stream()
			.map(t -> new Line(t.key(), t.planned(), t.covered(), t.percent(), t.inspections(), t.open(), t.overdue(),
					t.repeatOffenders()))
			.toList();
	}

	private List<Venue> visibleVenues(Jurisdiction who) {
		ListQuery<Venue> query = venues.searchList(who, new VenueQuery(null, null, null, null));
		return jdbc.sql("SELECT " + query.columns() + " FROM " + query.from() + " ORDER BY " + query.order())
			.params(query.params())
			.query(query.rows())
			.list();
	}

	private record VenueFacts(@Nullable Instant last, long inspections, long failedInspections, long open,
			long overdue) {

		static final VenueFacts NONE = new VenueFacts(null, 0, 0, 0, 0);

	}

	private Map<Long, VenueFacts> facts(Instant now, Instant windowStart) {
		var facts = new HashMap<Long, VenueFacts>();
		jdbc.sql("""
				SELECT venue_id, max(inspected_at) FILTER (WHERE reinspects IS NULL),
					count(*) FILTER (WHERE reinspects IS NULL AND inspected_at >= ?),
					count(*) FILTER (WHERE reinspects IS NULL AND failed > 0 AND inspected_at >= ?)
				FROM inspection GROUP BY venue_id""")
			.params(Timestamp.from(windowStart), Timestamp.from(windowStart))
			.query((rs, i) -> {
				Timestamp last = rs.getTimestamp(2);
				facts.put(rs.getLong(1), new VenueFacts(last == null ? null : last.toInstant(), rs.getLong(3),
						rs.getLong(4), 0, 0));
				return null;
			})
			.list();
		jdbc.sql("""
				SELECT venue_id, count(*) FILTER (WHERE NOT (evidence_at IS NULL AND due_at < ?)),
					count(*) FILTER (WHERE evidence_at IS NULL AND due_at < ?)
				FROM inspection_order WHERE state = 'OPEN' GROUP BY venue_id""")
			.params(Timestamp.from(now), Timestamp.from(now))
			.query((rs, i) -> {
				VenueFacts f = facts.getOrDefault(rs.getLong(1), VenueFacts.NONE);
				facts.put(rs.getLong(1), new VenueFacts(f.last(), f.inspections(), f.failedInspections(), rs.getLong(2),
						rs.getLong(3)));
				return null;
			})
			.list();
		return facts;
	}

	static String town(String code) {
		int length = RegionLevel.TOWN.codeLength();
		return code.length() >= length ? code.substring(0, length) : code;
	}

}
