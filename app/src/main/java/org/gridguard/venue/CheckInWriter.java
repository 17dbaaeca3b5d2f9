package org.gridguard.venue;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.gridguard.status.StatusColour;
import org.gridguard.status.StatusManagement;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores check-ins with group commit. Requests put their batch on a queue and wait; a writer thread takes everything
 * queued (up to {@code maxRows}), matches or registers the persons the requests did not know yet, looks up all colours
 * in one query, decides admission, claims the idempotency keys of the batches that carry one (leaving out those whose
 * key is taken), writes the rows with one COPY, raises the alerts of flagged persons, and commits once. Only then are the requests answered and the feed told: an acknowledged check-in is durable, and one commit
 * (one WAL flush) serves many requests. With two writers one copies while the other waits for its flush. In
 * distributed mode the rows go to Kafka instead of the COPY ({@link KafkaCheckInPublisher}), and the transaction
 * commits once Kafka acknowledged them.
 */
@Component
class CheckInWriter implements SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(CheckInWriter.class);

	private static final String COPY = "COPY venue_check_in (at, until, venue_id, person_id, left_at, colour, admitted, channel) "
			+ "FROM STDIN";

	private final BlockingQueue<CheckInBatch> queue = new LinkedBlockingQueue<>();

	private final DataSource dataSource;

	private final TransactionTemplate tx;

	private final PersonIds personIds;

	private final StatusManagement status;

	private final VenueRegistry registry;

	private final FlagAlerts alerts;

	private final CheckInReceipts receipts;

	private final InProcessCheckInFeed feed;

	/** Distributed mode: check-ins go to Kafka instead of the local COPY. */
	private final @Nullable KafkaCheckInPublisher kafka;

	private final int writers;

	private final int maxRows;

	private final long lingerNanos;

	private final long timeoutMillis;

	/** Groups smaller than this wait up to the linger time for more rows. */
	private static final int LINGER_BELOW_ROWS = 64;

	private final List<Thread> threads = new ArrayList<>();

	private final AtomicLong rowsWritten = new AtomicLong();

	private final AtomicLong groupsCommitted = new AtomicLong();

	private volatile boolean running;

	CheckInWriter(DataSource dataSource, TransactionTemplate tx, PersonIds personIds,
			StatusManagement status, VenueRegistry registry, FlagAlerts alerts, CheckInReceipts receipts,
			InProcessCheckInFeed feed, VenueProperties properties, ObjectProvider<KafkaCheckInPublisher> kafka) {
		this.dataSource = dataSource;
		this.tx = tx;
		this.personIds = personIds;
		this.status = status;
		this.registry = registry;
		this.alerts = alerts;
		this.receipts = receipts;
		this.feed = feed;
		this.kafka = kafka.getIfAvailable();
		this.writers = Math.max(1, properties.ingest().writers());
		this.maxRows = Math.max(1, properties.ingest().maxRows());
		this.lingerNanos = properties.ingest().linger().toNanos();
		this.timeoutMillis = properties.ingest().timeout().toMillis();
	}

	/** Queues a batch; its {@code done} future completes after the commit that makes it durable. */
	CheckInBatch submit(CheckInBatch batch) {
		if (!running) {
			batch.done.completeExceptionally(new IllegalStateException("check-in writer is not running"));
			return batch;
		}
		if (batch.size == 0 && batch.claim == null) {
			batch.done.complete(batch);
			return batch;
		}
		queue.add(batch);
		return batch;
	}

	/**
	 * Queues a batch and waits until it is durable, up to {@code ingest.timeout}.
	 *
	 * @throws CheckIns.NotStored when it could not be stored in time; nothing of it was acknowledged
	 */
	void store(CheckInBatch batch) {
		submit(batch);
		try {
			batch.done.get(timeoutMillis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CheckIns.NotStored(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new CheckIns.NotStored(ex);
		}
	}

	/** Rows written and groups committed since start. */
	long[] stats() {
		return new long[] { rowsWritten.get(), groupsCommitted.get() };
	}

	@Override
	public void start() {
		running = true;
		for (int i = 0; i < writers; i++) {
			Thread thread = new Thread(this::loop, "check-in-writer-" + i);
			thread.setDaemon(true);
			thread.start();
			threads.add(thread);
		}
	}

	@Override
	public void stop() {
		running = false;
		for (Thread thread : threads) {
			try {
				thread.join(30_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		threads.clear();
		CheckInBatch left;
		while ((left = queue.poll()) != null) {
			left.done.completeExceptionally(new IllegalStateException("shutting down"));
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops before the data source closes and after the web server stopped taking requests. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

	private void loop() {
		var group = new ArrayList<CheckInBatch>();
		while (running || !queue.isEmpty()) {
			try {
				CheckInBatch first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				int rows = first.size;
				CheckInBatch next;
				while (rows < maxRows && (next = queue.poll()) != null) {
					group.add(next);
					rows += next.size;
				}
				// a small group under steady load: wait a moment for more, so that one commit serves more scans
				if (lingerNanos > 0 && rows < LINGER_BELOW_ROWS) {
					long until = System.nanoTime() + lingerNanos;
					while (rows < LINGER_BELOW_ROWS && (next = queue.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
						group.add(next);
						rows += next.size;
					}
				}
				write(group);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				LOG.error("Check-in writer failed", ex);
			}
			finally {
				group.clear();
			}
		}
	}

	private void write(List<CheckInBatch> group) {
		try {
			commit(group);
		}
		catch (RuntimeException ex) {
			if (group.size() == 1) {
				LOG.warn("Storing {} check-ins failed: {}", group.get(0).size, ex.toString());
				group.get(0).done.completeExceptionally(ex);
				return;
			}
			// one bad batch must not fail the others of its group: store each on its own
			for (CheckInBatch batch : group) {
				write(List.of(batch));
			}
			return;
		}
		for (CheckInBatch batch : group) {
			if (feed.hasSinks() && !batch.duplicate) {
				feed.publish(batch);
			}
			batch.done.complete(batch);
		}
	}

	private void commit(List<CheckInBatch> group) {
		tx.executeWithoutResult(state -> {
			int total = 0;
			for (CheckInBatch batch : group) {
				total += batch.size;
				batch.duplicate = false; // from a failed attempt of a larger group
			}
			personIds.registerUnknown(group);
			long[] persons = new long[total];
			int k = 0;
			for (CheckInBatch batch : group) {
				System.arraycopy(batch.person, 0, persons, k, batch.size);
				k += batch.size;
			}
			StatusColour[] colours = status.colours(persons);
			k = 0;
			for (CheckInBatch batch : group) {
				for (int i = 0; i < batch.size; i++, k++) {
					batch.colour[i] = colours[k];
					batch.refusal[i] = decide(registry.venue(batch.venue[i]), colours[k], batch.person[i]);
				}
			}
			// the answers are complete now: batches whose idempotency key is taken are left out
			receipts.claim(group);
			var out = new CopyBuffer(kafka != null ? 0 : total * 96);
			int rows = 0;
			for (CheckInBatch batch : group) {
				if (batch.duplicate) {
					continue;
				}
				for (int i = 0; i < batch.size; i++) {
					if (kafka == null) {
						out.row(batch, i);
					}
					VenueRegistry.Ref venue = registry.venue(batch.venue[i]);
					if (venue != null && alerts.flags(batch.colour[i], batch.person[i])) {
						alerts.flagged(venue, batch.person[i], batch.at[i], batch.colour[i], batch.smsAlerts);
					}
				}
				rows += batch.size;
			}
			if (rows > 0 && kafka != null) {
				// distributed mode: durable once every in-sync replica has them; the history consumer stores the rows
				kafka.send(group, java.time.Duration.ofMillis(timeoutMillis));
			}
			else if (rows > 0) {
				copy(out);
			}
			rowsWritten.addAndGet(rows);
			groupsCommitted.incrementAndGet();
		});
	}

	static byte decide(VenueRegistry.@Nullable Ref venue, StatusColour colour, long person) {
		if (!colour.admitted()) {
			return CheckInBatch.REFUSED_COLOUR;
		}
		if (venue == null) {
			return CheckInBatch.ADMITTED;
		}
		if (venue.closure() == Closure.EXIT_ONLY) {
			return CheckInBatch.REFUSED_EXIT_ONLY;
		}
		if (venue.closure() == Closure.CLOSED && !venue.onShift(person)) {
			return CheckInBatch.REFUSED_CLOSED;
		}
		return CheckInBatch.ADMITTED;
	}

	private void copy(CopyBuffer out) {
		Connection con = DataSourceUtils.getConnection(dataSource);
		try {
			con.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new ByteArrayInputStream(out.bytes, 0, out.length));
		}
		catch (SQLException | java.io.IOException ex) {
			throw new IllegalStateException("COPY of check-ins failed: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(con, dataSource);
		}
	}

}
