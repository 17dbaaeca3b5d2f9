package org.gridguard.cockpit;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.PagedQuery;
import org.gridguard.region.Region;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.gridguard.testing.TestResult;
import org.gridguard.testing.TestResultsRecorded;
import org.gridguard.testing.TestingManagement;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single positive results (cases) by the day they were received and where the person lives: one row per result, so
 * that results announced late, out of order or twice (an event republished after a restart) count once, on the day of
 * their receipt. At every start the retained days are filled from the testing module, so that nothing announced while
 * the cockpit could not listen is missing.
 */
@Component
public class PositiveLog {

	/** A positive result on the cockpit's list. */
	public record Positive(long resultId, long personId, String regionCode, Instant sampledAt, Instant receivedAt) {
	}

	private final JdbcClient jdbc;

	private final PersonManagement persons;

	private final TestingManagement testing;

	private final Clock clock;

	private final CockpitProperties properties;

	private final DayLog days;

	PositiveLog(JdbcClient jdbc, PersonManagement persons, TestingManagement testing, Clock clock,
			CockpitProperties properties) {
		this.jdbc = jdbc;
		this.persons = persons;
		this.testing = testing;
		this.clock = clock;
		this.properties = properties;
		this.days = new DayLog(jdbc, "cockpit_positive", "received_at");
	}

	@ApplicationModuleListener
	void on(TestResultsRecorded event) {
		keep(event.results());
	}

	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	void fill() {
		keep(testing.singlePositivesReceivedSince(clock.instant().minus(properties.retention())));
	}

	/** Keeps the single positives among {@code results}; those already kept are left as they are. */
	@Transactional
	void keep(List<TestResult> results) {
		List<TestResult> positives = results.stream().filter(r -> r.positive() && !r.pooled()).toList();
		if (positives.isEmpty()) {
			return;
		}
		Map<Long, Person> people = persons.findAll(positives.stream().map(TestResult::personId).distinct().toList());
		for (TestResult r : positives) {
			Person person = people.get(r.personId());
			String home = person == null ? null : person.regionCode();
			// persons living elsewhere count for the city as a whole, like the city's own queue
			String region = home != null && home.startsWith(Region.CITY_CODE) ? home : Region.CITY_CODE;
			jdbc.sql("""
					INSERT INTO cockpit_positive (result_id, person_id, region_code, sampled_at, received_at, day)
					VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (result_id) DO NOTHING""")
				.params(r.id(), r.personId(), region, Timestamp.from(r.sampledAt()), Timestamp.from(r.receivedAt()),
						Date.valueOf(LocalDate.ofInstant(r.receivedAt(), clock.getZone())))
				.update();
		}
	}

	/** Positives received on a day by persons of a region. */
	@Transactional(readOnly = true)
	public long count(LocalDate day, String regionCode) {
		return days.count(day, regionCode);
	}

	/** Positives per day in {@code [from, to]} of a region. */
	@Transactional(readOnly = true)
	public Map<LocalDate, Long> perDay(LocalDate from, LocalDate to, String regionCode) {
		return days.perDay(from, to, regionCode);
	}

	/** Positives on a day by part of a region (region codes cut to {@code codeLength}). */
	@Transactional(readOnly = true)
	public Map<String, Long> perArea(LocalDate day, String regionCode, int codeLength) {
		RegionRange range = RegionRange.of(regionCode);
		var result = new HashMap<String, Long>();
		jdbc.sql("SELECT left(region_code, ?), count(*) FROM cockpit_positive WHERE day = ? AND " + RegionRange.SQL
				+ " GROUP BY 1")
			.params(codeLength, Date.valueOf(day), range.from(), range.until())
			.query((rs, i) -> result.put(rs.getString(1), rs.getLong(2)))
			.list();
		return result;
	}

	/** The positives of a day in a region, newest first. */
	@Transactional(readOnly = true)
	public PageResult<Positive> list(LocalDate day, String regionCode, Paging paging) {
		RegionRange range = RegionRange.of(regionCode);
		return PagedQuery.page(jdbc, "*", "cockpit_positive WHERE day = ? AND " + RegionRange.SQL,
				List.of(Date.valueOf(day), range.from(), range.until()), "received_at DESC, result_id DESC",
				(rs, i) -> new Positive(rs.getLong("result_id"), rs.getLong("person_id"), rs.getString("region_code"),
						rs.getTimestamp("sampled_at").toInstant(), rs.getTimestamp("received_at").toInstant()),
				paging);
	}

	/** The newest positives of a region, for the alert feed. */
	@Transactional(readOnly = true)
	public List<Positive> latest(String regionCode, int limit) {
		return list(LocalDate.now(clock), regionCode, new Paging(0, limit)).items();
	}

	/** Forgets positives older than the retention (personal data). */
	@Scheduled(cron = "${gridguard.cockpit.purge-cron:0 40 3 * * *}", zone = "${gridguard.zone:Asia/Shanghai}")
	@Transactional
	void purge() {
		days.purgeBefore(clock.instant().minus(properties.retention()));
	}

}
