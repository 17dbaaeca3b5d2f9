package org.gridguard.cockpit;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gridguard.platform.PagedQuery;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.gridguard.venue.FlaggedPersonScanned;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts at venues (a red or isolated person scanned in), by the venue's region and the day of the scan: one row per
 * person, venue and time, so that an alert announced twice or late counts once, on the day it happened.
 */
@Component
public class VenueAlertLog {

	/** An alert for the feed and the list: no person is named, the venue's visitor log is one click away. */
	public record Alert(long venueId, String venueName, String regionCode, Instant at, String colour) {
	}

	private static final RowMapper<Alert> ALERT = (rs, i) -> new Alert(rs.getLong("venue_id"), rs.getString("venue_name"),
			rs.getString("region_code"), rs.getTimestamp("at").toInstant(), rs.getString("colour"));

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CockpitProperties properties;

	private final DayLog days;

	VenueAlertLog(JdbcClient jdbc, Clock clock, CockpitProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.days = new DayLog(jdbc, "cockpit_venue_alert", "at");
	}

	@ApplicationModuleListener
	void on(FlaggedPersonScanned event) {
		jdbc.sql("""
				INSERT INTO cockpit_venue_alert (person_id, venue_id, venue_name, region_code, at, day, colour)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT ON CONSTRAINT cockpit_venue_alert_once DO NOTHING""")
			.params(event.personId(), event.venueId(), event.venueName(), event.venueRegionCode(),
					Timestamp.from(event.at()), Date.valueOf(LocalDate.ofInstant(event.at(), clock.getZone())),
					event.colour())
			.update();
	}

	/** Alerts on a day at venues of a region. */
	@Transactional(readOnly = true)
	public long count(LocalDate day, String regionCode) {
		return days.count(day, regionCode);
	}

	/** Alerts per day in {@code [from, to]} at venues of a region. */
	@Transactional(readOnly = true)
	public Map<LocalDate, Long> perDay(LocalDate from, LocalDate to, String regionCode) {
		return days.perDay(from, to, regionCode);
	}

	/** The alerts of a day at venues of a region, newest first. */
	@Transactional(readOnly = true)
	public PageResult<Alert> list(LocalDate day, String regionCode, Paging paging) {
		RegionRange range = RegionRange.of(regionCode);
		return PagedQuery.page(jdbc, "*", "cockpit_venue_alert WHERE day = ? AND " + RegionRange.SQL,
				List.of(Date.valueOf(day), range.from(), range.until()), "at DESC, id DESC", ALERT, paging);
	}

	/** The newest alerts at venues of a region, whatever the day. */
	@Transactional(readOnly = true)
	public List<Alert> latest(String regionCode, int limit) {
		RegionRange range = RegionRange.of(regionCode);
		return jdbc.sql("SELECT * FROM cockpit_venue_alert WHERE " + RegionRange.SQL + " ORDER BY at DESC, id DESC LIMIT ?")
			.params(range.from(), range.until(), limit)
			.query(ALERT)
			.list();
	}

	/** Forgets alerts older than the retention (they name a person). */
	@Scheduled(cron = "${gridguard.cockpit.purge-cron:0 40 3 * * *}", zone = "${gridguard.zone:Asia/Shanghai}")
	@Transactional
	void purge() {
		days.purgeBefore(clock.instant().minus(properties.retention()));
	}

}
