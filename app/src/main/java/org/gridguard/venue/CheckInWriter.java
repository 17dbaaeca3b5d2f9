package org.gridguard.venue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.gridguard.person.PersonInput;
import org.gridguard.person.PersonManagement;
import org.gridguard.status.FactKind;
import org.gridguard.status.StatusColour;
import org.gridguard.status.StatusManagement;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores check-ins with group commit. Requests put their batch on a queue and wait; a writer thread takes everything
 * queued (up to {@code maxRows}), matches or registers the persons the requests did not know yet, looks up all colours
 * in one query, decides admission, claims the idempotency keys of the batches that carry one (leaving out those whose
 * key is taken), writes the rows with one COPY, raises the alerts of flagged persons, and commits once. Only then are the requests answered and the feed told: an acknowledged check-in is durable, and one commit
 * (one WAL flush) serves many requests. With two writers one copies while the other waits for its flush.
 */
@Component
class CheckInWriter implements SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(CheckInWriter.class);

	private static final String COPY = "COPY venue_check_in (at, until, venue_id, person_id, left_at, colour, admitted, channel) "
			+ "FROM STDIN";

	private final BlockingQueue<CheckInBatch> queue = new LinkedBlockingQueue<>();

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final PersonManagement persons;

	private final StatusManagement status;

	private final VenueRegistry registry;

	private final FlagAlerts alerts;

	private final CheckInReceipts receipts;

	private final InProcessCheckInFeed feed;

	private final int writers;

	private final int maxRows;

	private final long lingerNanos;

	/** Groups smaller than this wait up to the linger time for more rows. */
	private static final int LINGER_BELOW_ROWS = 64;

	private final List<Thread> threads = new ArrayList<>();

	private final AtomicLong rowsWritten = new AtomicLong();

	private final AtomicLong groupsCommitted = new AtomicLong();

	private volatile boolean running;

	CheckInWriter(DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate tx, PersonManagement persons,
			StatusManagement status, VenueRegistry registry, FlagAlerts alerts, CheckInReceipts receipts,
			InProcessCheckInFeed feed, VenueProperties properties) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.tx = tx;
		this.persons = persons;
		this.status = status;
		this.registry = registry;
		this.alerts = alerts;
		this.receipts = receipts;
		this.feed = feed;
		this.writers = Math.max(1, properties.ingest().writers());
		this.maxRows = Math.max(1, properties.ingest().maxRows());
		this.lingerNanos = properties.ingest().linger().toNanos();
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
			registerUnknown(group);
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
			var out = new CopyBuffer(total * 96);
			int rows = 0;
			for (CheckInBatch batch : group) {
				if (batch.duplicate) {
					continue;
				}
				for (int i = 0; i < batch.size; i++) {
					out.row(batch, i);
					VenueRegistry.Ref venue = registry.venue(batch.venue[i]);
					if (venue != null && flagged(batch.colour[i], batch.person[i])) {
						alerts.flagged(venue, batch.person[i], batch.at[i], batch.colour[i]);
					}
				}
				rows += batch.size;
			}
			if (rows > 0) {
				copy(out);
			}
			rowsWritten.addAndGet(rows);
			groupsCommitted.incrementAndGet();
		});
	}

	/**
	 * Matches or registers, in one go per source, every person of the group that the requests did not find in memory:
	 * a visitor never seen before costs a share of one lookup and one insert, not a transaction and a WAL flush of its
	 * own. The registrations commit with the check-ins. Writers take turns here (a transaction-scoped advisory lock),
	 * so that two groups inserting the same new persons in different orders cannot deadlock.
	 */
	private void registerUnknown(List<CheckInBatch> group) {
		var bySource = new LinkedHashMap<String, List<PersonInput>>();
		for (CheckInBatch batch : group) {
			if (batch.unknown == null) {
				continue;
			}
			for (PersonInput input : batch.unknown) {
				if (input != null) {
					bySource.computeIfAbsent(batch.registeredBy, s -> new ArrayList<>()).add(input);
				}
			}
		}
		if (bySource.isEmpty()) {
			return;
		}
		jdbc.execute("SELECT pg_advisory_xact_lock(hashtext('venue_person_registration'))");
		for (var entry : bySource.entrySet()) {
			long[] ids = persons.resolveAll(entry.getValue(), entry.getKey());
			int k = 0;
			for (CheckInBatch batch : group) {
				if (batch.unknown == null || !batch.registeredBy.equals(entry.getKey())) {
					continue;
				}
				for (int i = 0; i < batch.size; i++) {
					if (batch.unknown[i] != null) {
						batch.person[i] = ids[k++];
					}
				}
			}
		}
	}

	/**
	 * Red persons are flagged; so are yellow ones under central or home isolation (their rule may have been changed
	 * to yellow). Green persons are not looked at: that would cost a query per check-in, and isolation is red unless
	 * the city admin disabled its rule.
	 */
	private boolean flagged(StatusColour colour, long person) {
		if (colour == StatusColour.RED) {
			return true;
		}
		if (colour == StatusColour.YELLOW) {
			for (StatusManagement.Fact fact : status.activeFacts(person)) {
				if (fact.kind() == FactKind.CENTRAL_ISOLATION || fact.kind() == FactKind.HOME_ISOLATION) {
					return true;
				}
			}
		}
		return false;
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

	/** COPY text rows, built without a String per field. */
	static final class CopyBuffer {

		byte[] bytes;

		int length;

		CopyBuffer(int capacity) {
			bytes = new byte[Math.max(256, capacity)];
		}

		void row(CheckInBatch b, int i) {
			ensure(160);
			timestamp(b.at[i]);
			put('\t');
			timestamp(b.until[i]);
			put('\t');
			number(b.venue[i]);
			put('\t');
			number(b.person[i]);
			put('\t');
			if (b.leftAt[i] == Long.MIN_VALUE) {
				put('\\');
				put('N');
			}
			else {
				timestamp(b.leftAt[i]);
			}
			put('\t');
			ascii(b.colour[i].name());
			put('\t');
			put(b.admitted(i) ? 't' : 'f');
			put('\t');
			ascii(CheckInBatch.CHANNELS[b.channel[i]]);
			put('\n');
		}

		private void timestamp(long epochSecond) {
			LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
			pad(t.getYear(), 4);
			put('-');
			pad(t.getMonthValue(), 2);
			put('-');
			pad(t.getDayOfMonth(), 2);
			put(' ');
			pad(t.getHour(), 2);
			put(':');
			pad(t.getMinute(), 2);
			put(':');
			pad(t.getSecond(), 2);
			put('+');
			put('0');
			put('0');
		}

		private void pad(int value, int digits) {
			for (int d = digits - 1; d >= 0; d--) {
				bytes[length + d] = (byte) ('0' + value % 10);
				value /= 10;
			}
			length += digits;
		}

		private void number(long value) {
			ascii(Long.toString(value));
		}

		private void ascii(String s) {
			for (int j = 0; j < s.length(); j++) {
				bytes[length++] = (byte) s.charAt(j);
			}
		}

		private void put(char c) {
			bytes[length++] = (byte) c;
		}

		private void ensure(int more) {
			if (length + more > bytes.length) {
				bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
			}
		}

		String text() {
			return new String(bytes, 0, length, StandardCharsets.US_ASCII);
		}

	}

}
