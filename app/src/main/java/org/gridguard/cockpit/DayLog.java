package org.gridguard.cockpit;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures shared by the cockpit's read models kept by day and region (positives, venue alerts): a day's count, the
 * counts per day, and forgetting rows past the retention. The table and its time column are the caller's constants.
 */
final class DayLog {

	private final JdbcClient jdbc;

	private final String table;

	private final String timeColumn;

	DayLog(JdbcClient jdbc, String table, String timeColumn) {
		this.jdbc = jdbc;
		this.table = table;
		this.timeColumn = timeColumn;
	}

	/** Rows of a day in a region. */
	long count(LocalDate day, String regionCode) {
		RegionRange range = RegionRange.of(regionCode);
		return jdbc.sql("SELECT count(*) FROM " + table + " WHERE day = ? AND " + RegionRange.SQL)
			.params(Date.valueOf(day), range.from(), range.until())
			.query(Long.class)
			.single();
	}

	/** Rows per day in {@code [from, to]} in a region; days without rows are absent. */
	Map<LocalDate, Long> perDay(LocalDate from, LocalDate to, String regionCode) {
		RegionRange range = RegionRange.of(regionCode);
		var result = new TreeMap<LocalDate, Long>();
		jdbc.sql("SELECT day, count(*) FROM " + table + " WHERE day BETWEEN ? AND ? AND " + RegionRange.SQL
				+ " GROUP BY day")
			.params(Date.valueOf(from), Date.valueOf(to), range.from(), range.until())
			.query((rs, i) -> result.put(rs.getObject(1, LocalDate.class), rs.getLong(2)))
			.list();
		return result;
	}

	/** Forgets the rows older than {@code before} (they name a person). */
	void purgeBefore(Instant before) {
		jdbc.sql("DELETE FROM " + table + " WHERE " + timeColumn + " < ?").param(Timestamp.from(before)).update();
	}

}
