package org.gridguard.venue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridguard.platform.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps one partition of {@code venue_check_in} per day in the city's time zone: from the oldest day still inside the
 * retention period to {@code partitions-ahead} days after today, created at start and every hour; and drops the
 * partitions older than the retention period every night, writing each drop to the audit log as {@code system}.
 * Dropping a partition is instant and leaves no dead rows behind, unlike deleting old rows.
 */
@Component
class CheckInPartitions implements SmartInitializingSingleton {

	private static final Logger LOG = LoggerFactory.getLogger(CheckInPartitions.class);

	private static final Pattern NAME = Pattern.compile("venue_check_in_p(\\d{8})");

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final AuditLog audit;

	private final Clock clock;

	private final VenueProperties properties;

	CheckInPartitions(JdbcTemplate jdbc, TransactionTemplate tx, AuditLog audit, Clock clock,
			VenueProperties properties) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.audit = audit;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ensurePartitions();
	}

	/** The first day whose check-ins are kept. */
	LocalDate oldestKeptDay() {
		return LocalDate.now(clock).minusDays(properties.retentionDays());
	}

	/** The earliest arrival time still accepted: the start of the oldest kept day. */
	Instant oldestAccepted() {
		return oldestKeptDay().atStartOfDay(clock.getZone()).toInstant();
	}

	@Scheduled(cron = "${gridguard.venue.partition-cron:0 5 * * * *}", zone = "${gridguard.zone:Asia/Shanghai}")
	void ensurePartitions() {
		LocalDate today = LocalDate.now(clock);
		tx.executeWithoutResult(status -> {
			jdbc.execute("SELECT pg_advisory_xact_lock(hashtext('venue_check_in_partitions'))");
			for (LocalDate day = oldestKeptDay(); !day.isAfter(today.plusDays(properties.partitionsAhead())); day = day
				.plusDays(1)) {
				create(day);
			}
		});
	}

	/** Creates the partition of one day if it does not exist yet. */
	void create(LocalDate day) {
		Instant from = day.atStartOfDay(clock.getZone()).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
		jdbc.execute("CREATE TABLE IF NOT EXISTS venue_check_in_p" + DAY.format(day)
				+ " PARTITION OF venue_check_in FOR VALUES FROM ('" + from + "') TO ('" + to + "')");
	}

	/** The days that have a partition, oldest first. */
	List<LocalDate> days() {
		var days = new ArrayList<LocalDate>();
		for (String name : jdbc.queryForList("""
				SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
				WHERE i.inhparent = 'venue_check_in'::regclass ORDER BY c.relname""", String.class)) {
			Matcher m = NAME.matcher(name);
			if (m.matches()) {
				days.add(LocalDate.parse(m.group(1), DAY));
			}
		}
		return days;
	}

	/**
	 * Drops every day older than the retention period and deletes sentinel-pharmacy purchases as old; each dropped day
	 * is audited with the number of check-ins it held. Returns the days dropped.
	 */
	@Scheduled(cron = "${gridguard.venue.retention-cron:0 15 3 * * *}", zone = "${gridguard.zone:Asia/Shanghai}")
	List<LocalDate> purge() {
		LocalDate oldest = oldestKeptDay();
		var dropped = new ArrayList<LocalDate>();
		for (LocalDate day : days()) {
			if (!day.isBefore(oldest)) {
				continue;
			}
			tx.executeWithoutResult(status -> {
				String table = "venue_check_in_p" + DAY.format(day);
				Long rows = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
				jdbc.execute("DROP TABLE " + table);
				audit.recordAs(AuditLog.SYSTEM, "VENUE_CHECKIN_PURGE", "venue_check_in", table,
						day + ": " + rows + " check-ins older than " + properties.retentionDays() + " days deleted");
				LOG.info("Dropped check-ins of {} ({} rows): older than the retention period", day, rows);
			});
			dropped.add(day);
		}
		tx.executeWithoutResult(status -> {
			int purchases = jdbc.update("DELETE FROM venue_sentinel_purchase WHERE at < ?",
					Timestamp.from(oldestAccepted()));
			if (purchases > 0) {
				audit.recordAs(AuditLog.SYSTEM, "VENUE_PURCHASE_PURGE", "venue_sentinel_purchase", null,
						purchases + " purchases older than " + properties.retentionDays() + " days deleted");
			}
		});
		return dropped;
	}

}
