package org.gridguard.cockpit;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gridguard.venue.CheckInFeed;
import org.gridguard.venue.VenueManagement;
import org.gridguard.venue.VenueProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts days of check-ins again from the stored check-ins, exactly, while check-ins keep arriving: at a start after a
 * crash (every retained day, today first), every night (yesterday), and on request.
 *
 * <p>How a day is recounted without counting a check-in twice or not at all: under the tally's write lock, the day's
 * counts held in memory are taken out (they were delivered, hence committed, before the recount's snapshot, so the
 * recount includes them) and the check-ins of the day delivered from then on are recorded one by one. The recount
 * reads the stored check-ins in one REPEATABLE READ snapshot and, in the same snapshot, asks which recorded check-ins
 * it already saw: those committed just before the snapshot but delivered after the take-out. They are taken off the
 * memory counts once the new rows are committed; the rest arrived after the snapshot and stay counted in memory.
 */
@Component
public class CheckInRecount {

	private static final Logger LOG = LoggerFactory.getLogger(CheckInRecount.class);

	private final CheckInTally tally;

	private final VenueManagement venues;

	private final CheckInFeed feed;

	private final JdbcClient jdbc;

	private final TransactionTemplate snapshot;

	private final Clock clock;

	private final int retentionDays;

	private final CockpitProperties properties;

	private final java.util.concurrent.CountDownLatch opened = new java.util.concurrent.CountDownLatch(1);

	CheckInRecount(CheckInTally tally, VenueManagement venues, CheckInFeed feed, JdbcClient jdbc,
			PlatformTransactionManager transactions, Clock clock, VenueProperties venueProperties,
			CockpitProperties properties) {
		this.tally = tally;
		this.venues = venues;
		this.feed = feed;
		this.jdbc = jdbc;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.clock = clock;
		this.retentionDays = venueProperties.retentionDays();
		this.properties = properties;
	}

	/**
	 * At start: the tally joins the check-in feed; when the last stop did not write every count, the retained days are
	 * recounted (in the background; figures of a day are exact again once its recount is done).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void started() {
		Thread thread = new Thread(this::open, "cockpit-check-in-recount");
		thread.setDaemon(true);
		thread.start();
	}

	/** Joins the feed and recounts what a crash may have lost; returns the number of days recounted. */
	int open() {
		try {
			return openNow();
		}
		finally {
			opened.countDown();
		}
	}

	private int openNow() {
		boolean clean = tally.takeCleanMark();
		feed.subscribe(tally);
		if (clean) {
			return 0;
		}
		long start = System.nanoTime();
		int days = recountRecent(retentionDays).size();
		LOG.info("Check-in counts of {} days recounted from the stored check-ins in {} ms", days,
				(System.nanoTime() - start) / 1_000_000);
		return days;
	}

	/** Recounts the last {@code days} days, today first; returns the days recounted. */
	public List<LocalDate> recountRecent(int days) {
		LocalDate today = LocalDate.now(clock);
		var done = new ArrayList<LocalDate>();
		for (LocalDate day = today; day.isAfter(today.minusDays(days)); day = day.minusDays(1)) {
			try {
				recount(day);
				done.add(day);
			}
			catch (RuntimeException ex) {
				LOG.error("Check-in counts of {} not recounted", day, ex);
			}
		}
		return done;
	}

	/** Waits until the start-up recount is done; whether it is. */
	public boolean awaitOpened(java.time.Duration timeout) throws InterruptedException {
		return opened.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
	}

	/** Recounts one day from the stored check-ins. */
	public void recount(LocalDate day) {
		long epochDay = day.toEpochDay();
		tally.table.writeLock().lock();
		try {
			Map<Long, Long> drained = tally.beginRecount(epochDay);
			Map<Long, Long> seenTwice;
			try {
				seenTwice = snapshot.execute(status -> {
					// the first statement fixes the snapshot
					Map<Long, Long> counts = venues.checkInsPerVenue(day);
					long[][] recorded = tally.endRecording();
					Map<Long, Long> alreadySeen = venues.storedPerVenue(recorded[0], recorded[1], recorded[2]);
					tally.replaceDay(day, counts);
					return alreadySeen;
				});
			}
			catch (RuntimeException ex) {
				tally.endRecording();
				tally.adjust(epochDay, drained, 1);
				throw ex;
			}
			if (seenTwice != null) {
				tally.adjust(epochDay, seenTwice, -1);
			}
		}
		finally {
			tally.table.writeLock().unlock();
		}
	}

	/** Every night: yesterday against the stored check-ins, and counts older than kept are deleted. */
	@Scheduled(cron = "${gridguard.cockpit.recount-cron:0 30 0 * * *}", zone = "${gridguard.zone:Asia/Shanghai}")
	void nightly() {
		LocalDate today = LocalDate.now(clock);
		recount(today.minusDays(1));
		jdbc.sql("DELETE FROM cockpit_checkin_day WHERE day < ?")
			.param(Date.valueOf(today.minusDays(properties.countsKept().toDays())))
			.update();
	}

}
