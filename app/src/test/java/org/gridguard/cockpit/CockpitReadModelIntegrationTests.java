package org.gridguard.cockpit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.region.Jurisdiction;
import org.gridguard.testing.TestResult;
import org.gridguard.testing.TestResultInput;
import org.gridguard.testing.TestResultsRecorded;
import org.gridguard.testing.TestingManagement;
import org.gridguard.venue.CheckInFeed;
import org.gridguard.venue.CheckInSink;
import org.gridguard.venue.FlaggedPersonScanned;
import org.gridguard.venue.VenueManagement;
import org.gridguard.venue.VenueProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models behind the daily figures stay right when their input comes late, out of order or twice, while
 * check-ins keep arriving during a recount, and after a restart, whether the stop before it was clean or a crash.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CockpitReadModelIntegrationTests {

	/** A feed that delivers nothing: a second tally in a test must not count the live check-ins twice. */
	private static final CheckInFeed SILENT = new CheckInFeed() {

		@Override
		public void subscribe(CheckInSink sink) {
		}

		@Override
		public long replay(Instant from, Instant to, CheckInSink sink) {
			return 0;
		}

	};

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	CheckInTally tally;

	@Autowired
	CheckInRecount recount;

	@Autowired
	VenueManagement venues;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	VenueProperties venueProperties;

	@Autowired
	CockpitProperties properties;

	@Autowired
	PositiveLog positives;

	@Autowired
	VenueAlertLog alerts;

	@Autowired
	TestingManagement testing;

	@Autowired
	PersonManagement persons;

	@Autowired
	ApplicationEventPublisher events;

	private TestHttp api;

	@BeforeEach
	void waitForTheStartUpRecount() throws InterruptedException {
		assertThat(recount.awaitOpened(Duration.ofMinutes(2))).isTrue();
		api = TestHttp.anonymous(port);
	}

	@Test
	void checkInsCountOnTheDayTheyHappenedWhateverOrderTheyArriveIn() throws Exception {
		String grid = gridOf(1);
		String[] venue = CockpitFixtures.venue(api, json, grid);
		long id = Long.parseLong(venue[0]);
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
		LocalDate today = now.toLocalDate();
		CockpitFixtures.checkIns(api, json, venue[1], 3, now.minusMinutes(5));
		CockpitFixtures.checkIns(api, json, venue[1], 2, now.minusDays(1));
		CockpitFixtures.checkIns(api, json, venue[1], 1, now.minusMinutes(1));
		assertThat(eventually(() -> tally.perVenue(today, grid).getOrDefault(id, 0L), 4)).isEqualTo(4);
		assertThat(tally.perVenue(today.minusDays(1), grid)).containsEntry(id, 2L);
		tally.flush();
		assertThat(tally.perVenue(today, grid)).containsEntry(id, 4L);
		assertThat(tally.perDay(today.minusDays(1), today, grid).get(today)).isEqualTo(stored(today, grid));
		assertThat(tally.perDay(today.minusDays(1), today, grid).get(today.minusDays(1)))
			.isEqualTo(stored(today.minusDays(1), grid));
	}

	@Test
	void recountingADayWhileCheckInsArriveCountsEveryCheckInOnce() throws Exception {
		String grid = gridOf(2);
		String[] venue = CockpitFixtures.venue(api, json, grid);
		long id = Long.parseLong(venue[0]);
		LocalDate today = LocalDate.now(clock);
		var failure = new AtomicReference<Throwable>();
		Thread writer = new Thread(() -> {
			try {
				for (int i = 0; i < 20; i++) {
					CockpitFixtures.checkIns(TestHttp.anonymous(port), json, venue[1], 50,
							OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).minusSeconds(i));
				}
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
		});
		writer.start();
		int recounts = 0;
		while (writer.isAlive() || recounts < 3) {
			recount.recount(today);
			recounts++;
		}
		writer.join();
		assertThat(failure.get()).isNull();
		assertThat(eventually(() -> tally.perVenue(today, grid).getOrDefault(id, 0L), 1000)).isEqualTo(1000);
		tally.flush();
		assertThat(tally.count(today, grid)).isEqualTo(stored(today, grid));
	}

	@Test
	void aStartAfterACrashCountsAgainFromTheStoredCheckInsAndAStartAfterACleanStopKeepsTheCounts() throws Exception {
		String grid = gridOf(3);
		String[] venue = CockpitFixtures.venue(api, json, grid);
		long id = Long.parseLong(venue[0]);
		LocalDate today = LocalDate.now(clock);
		CockpitFixtures.checkIns(api, json, venue[1], 6, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
		eventually(() -> tally.perVenue(today, grid).getOrDefault(id, 0L), 6);
		tally.flush();
		// a crash: the counts of the last seconds never reached the table, and the stop did not mark them clean
		jdbc.sql("UPDATE cockpit_checkin_day SET checkins = 1 WHERE venue_id = ?").param(id).update();

		CheckInTally restarted = new CheckInTally(jdbc, venues, clock);
		CheckInRecount start = new CheckInRecount(restarted, venues, SILENT, jdbc, transactions, clock, venueProperties,
				properties);
		assertThat(start.open()).as("days recounted").isEqualTo(venueProperties.retentionDays());
		assertThat(restarted.perVenue(today, grid)).containsEntry(id, 6L);
		assertThat(tally.count(today, grid)).isEqualTo(stored(today, grid));

		restarted.stop();
		CheckInTally again = new CheckInTally(jdbc, venues, clock);
		CheckInRecount cleanStart = new CheckInRecount(again, venues, SILENT, jdbc, transactions, clock, venueProperties,
				properties);
		assertThat(cleanStart.open()).as("days recounted after a clean stop").isZero();
		assertThat(again.perVenue(today, grid)).containsEntry(id, 6L);
	}

	@Test
	void aPositiveCountsOnceOnTheDayItWasReceivedHoweverLateOrOftenItIsAnnounced() throws Exception {
		String grid = gridOf(4);
		Person person = persons.createResident(new NewResident("驾驶舱阳性", IdType.RESIDENT_ID, TestIds.resident(), null, grid,
				"测试路1号", null), Jurisdiction.system());
		LocalDate today = LocalDate.now(clock);
		String sampled = OffsetDateTime.now(clock).minusDays(3).truncatedTo(ChronoUnit.SECONDS).toString();
		testing.record(List.of(new TestResultInput(0, idNumber(person), person.name(), sampled, "NAT", "POSITIVE", false)),
				"cockpit-test");
		assertThat(eventually(() -> positives.count(today, grid), 1)).isEqualTo(1);
		TestResult stored = testing.latest(person.id(), 1).get(0);
		TestResult yesterdays = new TestResult(Long.MAX_VALUE - person.id(), person.id(), stored.sampledAt(), stored.kind(),
				stored.result(), false, "cockpit-test", stored.receivedAt().minus(Duration.ofDays(1)));
		var tx = new TransactionTemplate(transactions);
		// announced again (a republished event), and a result of yesterday announced only now
		tx.executeWithoutResult(s -> events.publishEvent(new TestResultsRecorded(List.of(stored))));
		tx.executeWithoutResult(s -> events.publishEvent(new TestResultsRecorded(List.of(yesterdays))));
		assertThat(eventually(() -> positives.count(today.minusDays(1), grid), 1)).isEqualTo(1);
		assertThat(positives.count(today, grid)).isEqualTo(1);
		positives.fill();
		assertThat(positives.count(today, grid)).isEqualTo(1);
		assertThat(positives.perDay(today.minusDays(1), today, grid)).containsEntry(today, 1L)
			.containsEntry(today.minusDays(1), 1L);
	}

	@Test
	void anAlertAtAVenueCountsOnceOnTheDayOfTheScan() throws Exception {
		String grid = gridOf(5);
		long venue = Long.parseLong(CockpitFixtures.venue(api, json, grid)[0]);
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		LocalDate today = LocalDate.now(clock);
		Instant yesterday = today.minusDays(1).atTime(18, 0).atZone(clock.getZone()).toInstant();
		var tx = new TransactionTemplate(transactions);
		FlaggedPersonScanned first = new FlaggedPersonScanned(42L, venue, "驾驶舱测试商店", grid, now, "RED");
		tx.executeWithoutResult(s -> events.publishEvent(first));
		tx.executeWithoutResult(s -> events.publishEvent(new FlaggedPersonScanned(43L, venue, "驾驶舱测试商店", grid, yesterday,
				"RED")));
		tx.executeWithoutResult(s -> events.publishEvent(first));
		assertThat(eventually(() -> alerts.count(today.minusDays(1), grid), 1)).isEqualTo(1);
		assertThat(eventually(() -> alerts.count(today, grid), 1)).isEqualTo(1);
		Thread.sleep(300);
		assertThat(alerts.count(today, grid)).isEqualTo(1);
		assertThat(alerts.latest(grid, 5)).extracting(VenueAlertLog.Alert::at).containsExactly(now, yesterday);
	}

	/** The first grid of the n-th town (from 0), so that each test counts in a place of its own. */
	private String gridOf(int town) {
		return jdbc.sql("""
				SELECT min(code) FROM region_node WHERE level = 'GRID' AND active
				AND left(code, 9) = (SELECT code FROM region_node WHERE level = 'TOWN' ORDER BY code OFFSET ? LIMIT 1)""")
			.param(town)
			.query(String.class)
			.single();
	}

	private String idNumber(Person person) {
		return persons.idNumberOf(person.id()).orElseThrow();
	}

	private long stored(LocalDate day, String region) {
		return jdbc.sql("""
				SELECT count(*) FROM venue_check_in c JOIN venue v ON v.id = c.venue_id
				WHERE c.at >= ? AND c.at < ? AND v.region_code LIKE ?""")
			.params(Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant()),
					Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant()), region + "%")
			.query(Long.class)
			.single();
	}

	/** Reads until the value is {@code expected} (listeners and the feed run just after the commit), at most 10 s. */
	private static long eventually(LongSupplier reading, long expected) throws InterruptedException {
		long value = reading.getAsLong();
		for (int i = 0; i < 100 && value != expected; i++) {
			Thread.sleep(100);
			value = reading.getAsLong();
		}
		return value;
	}

}
