package org.gridguard.venue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.gridguard.platform.AuditLog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check-ins are personal data: days older than the retention period (28 days) are dropped by the nightly job and
 * each drop is written to the audit log as {@code system}; the days inside the period stay, and partitions exist a
 * week ahead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RetentionIntegrationTests {

	@Autowired
	CheckInPartitions partitions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	Clock clock;

	@Test
	void checkInsOlderThanTheRetentionPeriodAreDroppedAndTheDropIsAudited() {
		LocalDate today = LocalDate.now(clock);
		LocalDate expired = today.minusDays(31);
		LocalDate kept = today.minusDays(27);
		partitions.create(expired);
		insert(expired, 111);
		insert(kept, 222);

		List<LocalDate> dropped = partitions.purge();

		assertThat(dropped).contains(expired).doesNotContain(kept, today);
		assertThat(partitions.days()).doesNotContain(expired).contains(kept, today, today.plusDays(7));
		assertThat(jdbc.sql("SELECT count(*) FROM venue_check_in WHERE venue_id = -7 AND person_id = 111").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM venue_check_in WHERE venue_id = -7 AND person_id = 222").query(Long.class).single()).isOne();
		assertThat(audit.forSubject("venue_check_in", "venue_check_in_p" + expired.toString().replace("-", ""), 5))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.actor()).isEqualTo("system");
				assertThat(e.action()).isEqualTo("VENUE_CHECKIN_PURGE");
				assertThat(e.detail()).contains("1 check-ins");
			});
	}

	private void insert(LocalDate day, long person) {
		Timestamp at = Timestamp.from(day.atTime(10, 0).atZone(clock.getZone()).toInstant());
		jdbc.sql("INSERT INTO venue_check_in (at, until, venue_id, person_id, colour, admitted, channel) "
				+ "VALUES (?, ?, -7, ?, 'GREEN', true, 'API')")
			.params(at, at, person)
			.update();
	}

}
