package org.gridguard.venue;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The single-node check-in feed: the writer hands each committed group to the subscribed sinks on its own thread;
 * replay copies the day partitions of the table out in PostgreSQL's binary format, several days at once.
 */
@Component
class InProcessCheckInFeed implements CheckInFeed {

	private static final Logger LOG = LoggerFactory.getLogger(InProcessCheckInFeed.class);

	private final List<CheckInSink> sinks = new CopyOnWriteArrayList<>();

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final int replayThreads;

	InProcessCheckInFeed(JdbcTemplate jdbc, Clock clock,
			@Value("${gridguard.venue.replay-threads:0}") int replayThreads) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.replayThreads = replayThreads > 0 ? replayThreads
				: Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
	}

	@Override
	public void subscribe(CheckInSink sink) {
		sinks.add(sink);
	}

	@Override
	public long replay(Instant from, Instant to, CheckInSink sink) {
		List<Instant> bounds = dayBounds(from, to);
		int slices = bounds.size() - 1;
		int threads = Math.min(slices, replayThreads);
		if (threads <= 1) {
			long rows = 0;
			for (int i = 0; i < slices; i++) {
				rows += replaySlice(bounds.get(i), bounds.get(i + 1), sink);
			}
			return rows;
		}
		AtomicInteger number = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, "check-in-replay-" + number.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		try {
			var parts = new ArrayList<Future<Long>>();
			// newest days first: the ones most likely to be asked about
			for (int i = slices - 1; i >= 0; i--) {
				Instant a = bounds.get(i);
				Instant b = bounds.get(i + 1);
				parts.add(pool.submit(() -> replaySlice(a, b, sink)));
			}
			long rows = 0;
			for (Future<Long> part : parts) {
				rows += part.get();
			}
			return rows;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("check-in replay interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException("check-in replay failed", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** {@code from}, the city's midnights in between, {@code to}: one slice per day partition. */
	List<Instant> dayBounds(Instant from, Instant to) {
		var bounds = new ArrayList<Instant>();
		bounds.add(from);
		LocalDate day = LocalDate.ofInstant(from, clock.getZone()).plusDays(1);
		for (Instant midnight = day.atStartOfDay(clock.getZone()).toInstant(); midnight.isBefore(to); day = day
			.plusDays(1), midnight = day.atStartOfDay(clock.getZone()).toInstant()) {
			bounds.add(midnight);
		}
		if (to.isAfter(from)) {
			bounds.add(to);
		}
		return bounds;
	}

	/** Microseconds between 1970-01-01 and PostgreSQL's epoch 2000-01-01, both UTC. */
	private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

	/**
	 * One slice through {@code COPY ... TO STDOUT (FORMAT binary)}: the times arrive as PostgreSQL's own microseconds,
	 * so the server converts nothing and the client parses fixed-width fields without an object per row.
	 */
	private long replaySlice(Instant from, Instant to, CheckInSink sink) {
		String sql = "COPY (SELECT person_id, venue_id, at, until FROM venue_check_in WHERE at >= '" + from
				+ "'::timestamptz AND at < '" + to + "'::timestamptz) TO STDOUT (FORMAT binary)";
		Long rows = jdbc.execute((java.sql.Connection con) -> {
			try (var in = new DataInputStream(
					new BufferedInputStream(new PGCopyInputStream(con.unwrap(PGConnection.class), sql), 1 << 16))) {
				in.skipNBytes(11 + 4); // signature and flags
				in.skipNBytes(in.readInt()); // header extension
				long n = 0;
				while (in.readShort() != -1) {
					in.skipNBytes(4);
					long person = in.readLong();
					in.skipNBytes(4);
					long venue = in.readInt();
					in.skipNBytes(4);
					long at = Math.floorDiv(in.readLong() + PG_EPOCH_MICROS, 1_000_000L);
					in.skipNBytes(4);
					long until = Math.floorDiv(in.readLong() + PG_EPOCH_MICROS, 1_000_000L);
					sink.accept(person, venue, at, until);
					n++;
				}
				return n;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("reading check-ins of " + from + " .. " + to, ex);
			}
		});
		return rows == null ? 0 : rows;
	}

	/** Hands a committed batch to every sink. */
	void publish(CheckInBatch batch) {
		for (CheckInSink sink : sinks) {
			try {
				for (int i = 0; i < batch.size; i++) {
					sink.accept(batch.person[i], batch.venue[i], batch.at[i], batch.until[i]);
				}
			}
			catch (RuntimeException ex) {
				LOG.warn("Check-in sink {} failed: {}", sink, ex.toString());
			}
		}
	}

	boolean hasSinks() {
		return !sinks.isEmpty();
	}

}
