package org.gridguard.tracing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.gridguard.trace.ContactIndex;
import org.gridguard.trace.ContactQuery;
import org.gridguard.trace.ContactSink;
import org.gridguard.venue.CheckInFeed;
import org.gridguard.venue.StreamProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The contact index of the last {@code gridguard.tracing.retention-days} days of check-ins, held in memory. It is
 * rebuilt from the database when the application starts (queries wait until it is ready), then fed by every durable
 * check-in through the venue module's feed, and trimmed daily. Index time is seconds since 2020-01-01 00:00 in the
 * city's time zone, so that index days are the city's days; ids are the database ids of persons and venues. In
 * distributed mode ({@code gridguard.stream.mode=kafka}) a {@link TracingNode} feeds it the partitions of the check-in
 * stream this node owns, and {@link #contacts} is answered by every node together ({@link ScatterGather}).
 */
@Component
public class TracingIndex implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(TracingIndex.class);

	private final CheckInFeed feed;

	private final Clock clock;

	private final int retentionDays;

	private final long epochSecond;

	private final ContactIndex index;

	private final CountDownLatch ready = new CountDownLatch(1);

	private final AtomicLong rebuildMillis = new AtomicLong(-1);

	/** Distributed mode: the check-in stream feeds a {@link TracingNode}, and queries go to every node. */
	private final boolean distributed;

	private volatile @Nullable ScatterGather cluster;

	TracingIndex(CheckInFeed feed, Clock clock, @Value("${gridguard.tracing.retention-days:21}") int retentionDays,
			@Value("${gridguard.venue.default-stay:30m}") Duration defaultStay,
			@Value("${gridguard.venue.max-stay:4h}") Duration maxStay,
			@Value("${gridguard.tracing.shards:1}") int shards, StreamProperties stream) {
		this.feed = feed;
		this.distributed = stream.kafka();
		this.clock = clock;
		this.retentionDays = retentionDays;
		this.epochSecond = LocalDate.of(2020, 1, 1).atStartOfDay(clock.getZone()).toEpochSecond();
		this.index = ContactIndex.builder()
			.defaultStay((int) defaultStay.toSeconds())
			.maxStay((int) maxStay.toSeconds())
			.retentionDays(retentionDays)
			.shards(shards)
			.build();
	}

	/** Rebuilds from the database in the background; live check-ins are taken from the moment the rebuild starts. */
	@EventListener(ApplicationReadyEvent.class)
	void rebuild() {
		if (distributed) {
			// the tracing node loads the partitions Kafka assigns it; queries wait for them through the offsets
			ready.countDown();
			return;
		}
		Thread thread = new Thread(() -> {
			long start = System.nanoTime();
			Instant now = clock.instant();
			Instant from = LocalDate.now(clock).minusDays(retentionDays).atStartOfDay(clock.getZone()).toInstant();
			// subscribe first: a check-in committed during the replay may arrive twice, which the index tolerates
			// (the same stay twice does not change any contact)
			feed.subscribe(this::append);
			try {
				long rows = feed.replay(from, now.plusSeconds(1), this::append);
				index.flush();
				index.compact();
				rebuildMillis.set((System.nanoTime() - start) / 1_000_000);
				LOG.info("Contact index rebuilt: {} check-ins since {} in {} ms, {} bytes per check-in", rows, from,
						rebuildMillis.get(), "%.1f".formatted(index.bytesPerCheckIn()));
			}
			catch (RuntimeException ex) {
				LOG.error("Contact index rebuild failed; tracing queries see only live check-ins", ex);
			}
			finally {
				ready.countDown();
			}
		}, "contact-index-rebuild");
		thread.setDaemon(true);
		thread.start();
	}

	/** Appends one check-in (epoch seconds); check-ins outside the index's range of ids and times are left out. */
	void append(long personId, long venueId, long start, long end) {
		long s = start - epochSecond;
		long e = end - epochSecond;
		if (s < 0 || s > Integer.MAX_VALUE - 86_400L || personId > Integer.MAX_VALUE || venueId > Integer.MAX_VALUE) {
			return;
		}
		index.append((int) venueId, (int) personId, (int) s, e < s ? -1 : (int) Math.min(e, Integer.MAX_VALUE));
	}

	/** Waits (up to three minutes) for the start-up rebuild; queries before it would miss history. */
	public boolean awaitReady() {
		try {
			return ready.await(3, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Makes everything appended so far visible to queries (normally at most half a second later anyway). */
	public void flush() {
		index.flush();
	}

	/** One co-presence row, with instants. */
	public interface Sink {

		void accept(long indexPerson, long contactPerson, long venue, Instant overlapStart, Instant overlapEnd);

	}

	/**
	 * Contacts of index persons (API.md semantics): presences of the index persons starting in {@code [from, to)},
	 * tolerance and minimum overlap in seconds; one row per (index, contact) pair, its earliest co-presence. Reads its
	 * writes: every check-in acknowledged before the call is seen (the feed appends before acknowledging, and the
	 * query publishes what is appended before it looks).
	 */
	public long contacts(long[] indexPersons, Instant from, Instant to, int toleranceSeconds, int minOverlapSeconds,
			Sink sink) {
		awaitReady();
		ContactQuery query = new ContactQuery(seconds(from), Math.max(seconds(from), seconds(to)), toleranceSeconds,
				minOverlapSeconds);
		int[] persons = new int[indexPersons.length];
		int n = 0;
		for (long p : indexPersons) {
			if (p >= 0 && p <= Integer.MAX_VALUE) {
				persons[n++] = (int) p;
			}
		}
		int[] valid = java.util.Arrays.copyOf(persons, n);
		ContactSink rows = (index, contact, venue, start, end) -> sink.accept(index, contact, venue, instant(start), instant(end));
		ScatterGather scatter = cluster;
		if (scatter != null) {
			return scatter.contacts(valid, query, rows);
		}
		return local(valid, query, rows);
	}

	/** The contacts this index holds, ids and times as the index keeps them; reads its writes like {@link #contacts}. */
	long local(int[] persons, ContactQuery query, ContactSink rows) {
		index.flush();
		if (persons.length == 1) {
			return index.contacts(persons[0], query, rows);
		}
		return index.contacts(persons, query, 2, rows);
	}

	/** From now on queries are scattered to every tracing node. */
	void useCluster(ScatterGather scatter) {
		this.cluster = scatter;
	}

	/** The first instant the index keeps: history before it is not loaded. */
	Instant retentionStart() {
		return LocalDate.now(clock).minusDays(retentionDays).atStartOfDay(clock.getZone()).toInstant();
	}

	/**
	 * Second-degree contacts: the contacts of {@code contact} from their first co-presence with {@code indexPerson}
	 * on (see {@link ContactIndex#secondDegree}).
	 */
	public long secondDegree(long indexPerson, Instant from, Instant to, Sink sink) {
		awaitReady();
		index.flush();
		ContactQuery query = new ContactQuery(seconds(from), Math.max(seconds(from), seconds(to)), 0, 0);
		return index.secondDegree((int) indexPerson, query, Integer.MAX_VALUE,
				(index, contact, venue, start, end) -> sink.accept(index, contact, venue, instant(start), instant(end)));
	}

	/** Drops the days that passed the retention period: check-ins are personal data. */
	@Scheduled(cron = "${gridguard.tracing.trim-cron:0 5 0 * * *}", zone = "${gridguard.zone:Asia/Shanghai}")
	void trim() {
		int today = (int) ((LocalDate.now(clock).atStartOfDay(clock.getZone()).toEpochSecond() - epochSecond) / 86_400);
		index.dropExpiredDays(today);
	}

	public long checkIns() {
		return index.checkIns();
	}

	public double bytesPerCheckIn() {
		return index.bytesPerCheckIn();
	}

	public long rebuildMillis() {
		return rebuildMillis.get();
	}

	int seconds(Instant at) {
		long s = at.getEpochSecond() - epochSecond;
		return (int) Math.max(0, Math.min(Integer.MAX_VALUE - 86_400L, s));
	}

	Instant instant(int seconds) {
		return Instant.ofEpochSecond(epochSecond + seconds);
	}

	ZoneId zone() {
		return clock.getZone();
	}

	@Override
	public void destroy() {
		index.close();
	}


}
