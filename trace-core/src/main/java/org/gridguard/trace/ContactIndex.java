package org.gridguard.trace;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An in-memory index of check-ins that answers co-presence (contact-tracing) queries.
 *
 * <h2>Units and ids</h2>
 * Times are int seconds since an epoch that the owner fixes when it creates the index (the index never sees a clock
 * or a time zone); they must be {@code >= 0}. Day {@code d} is {@code [d * 86400, (d + 1) * 86400)}: pick the epoch
 * at the local midnight you want days to start at. Venue and person ids are the caller's non-negative ints; venue
 * ids should be dense-ish (per-day arrays are sized by the largest venue id). A check-in is the presence
 * {@code [start, end)} of one person at one venue; a stay without check-out lasts the default stay (1,800 s unless
 * configured), and every stay is capped at the maximum stay (14,400 s unless configured) — the cap bounds every
 * lookup.
 *
 * <h2>The contact rule</h2>
 * Two different persons with presences {@code [s1, e1)} and {@code [s2, e2)} at the same venue are in contact when
 * {@code s1 < e2 + T} and {@code s2 < e1 + T} (T = tolerance, strict) and, when the minimum overlap M is above 0,
 * also {@code min(e1, e2) - max(s1, s2) >= M}. Only the index person's presences whose start lies in
 * {@code [from, to)} are looked up (see {@link ContactQuery}); the contact's presence may start anywhere. A row
 * reports {@code overlapStart = max(s1, s2)} and {@code overlapEnd = min(e1, e2)}, as computed (with a tolerance the
 * end may be at or before the start). Each (index, contact) pair is reported once, for its earliest co-presence:
 * smallest {@code overlapStart}; on a tie the smaller venue id; then the smaller {@code overlapEnd}. A person is never
 * their own contact; two index persons may be each other's contacts.
 *
 * <h2>Concurrency</h2>
 * Queries read an immutable snapshot through one volatile reference and take no lock; any number may run while
 * other threads append. {@link #append} may be called from many threads. Appended check-ins become visible when they
 * are published: by {@link #flush()}, and by a background thread every publish interval (500 ms unless configured).
 * Published check-ins first live in small delta runs; {@link #compact()} (also run in the background once the runs
 * hold enough rows) merges them into the day segments.
 *
 * <h2>Layout</h2>
 * Check-ins are kept per venue shard and per day of their start, sorted by (venue, duration class, start), seven bytes
 * each in one array, with a two-byte fence every 16 rows to start scans from, plus a four-byte reference per check-in
 * in a per-person index. See {@link #bytesPerCheckIn()}.
 */
public final class ContactIndex implements AutoCloseable {

	/** Seconds in an index day. */
	public static final int SECONDS_PER_DAY = DaySegment.SECONDS_PER_DAY;

	private static final int POOLED_SEARCHES = 16;
	/**
	 * Stays of the index person from which a single-person lookup is shared with the helper thread. Measured on the
	 * reference workload: see {@code bench/README.md}.
	 */
	static final int SPLIT_FROM_STAYS = 16;

	private final int defaultStay;
	private final int maxStay;
	private final int shardCount;
	private final int retentionDays;
	private final long compactionThreshold;

	private final PersonDictionary dictionary;
	private final IngestBuffer buffer;
	private final IngestBuffer.Rows drained = new IngestBuffer.Rows();
	private final ReentrantLock publishLock = new ReentrantLock();
	private final ReentrantLock maintenanceLock = new ReentrantLock();
	private final AtomicReferenceArray<ContactSearch> searches = new AtomicReferenceArray<>(POOLED_SEARCHES);
	private final AtomicBoolean compactionQueued = new AtomicBoolean();
	private final ScheduledExecutorService publisher;
	private final ExecutorService compactor;
	/** The second thread of large single-person lookups; null when lookups are not split. */
	private final LookupHelper helper;
	private final int splitFromStays;
	private final int splitChunk;

	private volatile Snapshot snapshot;
	private volatile int horizonDay;
	/** Guarded by {@code publishLock}: while set, flushes only append runs, so a compaction's runs stay a prefix. */
	private boolean compacting;

	ContactIndex(ContactIndexBuilder config, PersonDictionary dictionary, Shard[] shards) {
		this.defaultStay = config.defaultStay;
		this.maxStay = config.maxStay;
		this.shardCount = config.shards;
		this.retentionDays = config.retentionDays;
		this.compactionThreshold = config.compactionThreshold;
		this.dictionary = dictionary;
		this.buffer = new IngestBuffer(2 * Runtime.getRuntime().availableProcessors());
		this.snapshot = new Snapshot(dictionary.view(), shards, 0);
		this.helper = config.splitLookups ? new LookupHelper(shardCount, maxStay, "contact-index-lookup") : null;
		this.splitFromStays = config.splitFromStays;
		this.splitChunk = config.splitChunk;
		if (config.publishIntervalMillis > 0) {
			publisher = Executors.newSingleThreadScheduledExecutor(daemon("contact-index-publisher"));
			compactor = Executors.newSingleThreadExecutor(daemon("contact-index-compactor"));
			publisher.scheduleWithFixedDelay(this::publishInBackground, config.publishIntervalMillis,
					config.publishIntervalMillis, TimeUnit.MILLISECONDS);
		}
		else {
			publisher = null;
			compactor = null;
		}
	}

	/** A builder with the default configuration. */
	public static ContactIndexBuilder builder() {
		return new ContactIndexBuilder();
	}

	/** The day of a time: {@code floor(second / 86400)}. */
	public static int dayOf(int second) {
		return Math.floorDiv(second, SECONDS_PER_DAY);
	}

	// ---------------------------------------------------------------- ingest

	/**
	 * Adds one check-in; it becomes visible to queries at the next publish (at most one publish interval later, or
	 * when {@link #flush()} returns). Safe to call from many threads.
	 * @param venue venue id, {@code >= 0}
	 * @param person person id, {@code >= 0}
	 * @param start check-in time, seconds since the epoch, {@code >= 0}
	 * @param endOrMinusOne check-out time ({@code >= start}), or {@code -1} when there was none: the default stay
	 * applies. Either way the stay is capped at the maximum stay.
	 * @return {@code false} when the check-in starts before the retention horizon ({@link #dropDaysBefore}) and was
	 * therefore not kept
	 */
	public boolean append(int venue, int person, int start, int endOrMinusOne) {
		if (venue < 0 || person < 0) {
			throw new IllegalArgumentException("venue %d and person %d must be >= 0".formatted(venue, person));
		}
		int end = resolveEnd(start, endOrMinusOne, defaultStay, maxStay);
		if (dayOf(start) < horizonDay) {
			return false;
		}
		buffer.append(venue, person, start, end);
		return true;
	}

	static int resolveEnd(int start, int endOrMinusOne, int defaultStay, int maxStay) {
		if (start < 0 || start > Integer.MAX_VALUE - maxStay) {
			throw new IllegalArgumentException("start %d s is outside 0..%d".formatted(start, Integer.MAX_VALUE - maxStay));
		}
		if (endOrMinusOne == -1) {
			return start + Math.min(defaultStay, maxStay);
		}
		if (endOrMinusOne < start) {
			throw new IllegalArgumentException("end %d s is before start %d s".formatted(endOrMinusOne, start));
		}
		return (int) Math.min(endOrMinusOne, (long) start + maxStay);
	}

	/** Publishes every check-in appended before this call; they are visible to queries when it returns. */
	public void flush() {
		publishLock.lock();
		try {
			flushLocked();
		}
		finally {
			publishLock.unlock();
		}
	}

	private void flushLocked() {
		IngestBuffer.Rows rows = drained;
		buffer.drain(rows);
		int n = rows.size;
		if (n == 0) {
			return;
		}
		int horizonSecond = horizonDay * SECONDS_PER_DAY;
		int[] perShard = new int[shardCount];
		for (int i = 0; i < n; i++) {
			if (rows.start[i] >= horizonSecond) {
				perShard[rows.venue[i] % shardCount]++;
			}
		}
		Snapshot current = snapshot;
		Shard[] shards = current.shards.clone();
		for (int s = 0; s < shardCount; s++) {
			int m = perShard[s];
			if (m == 0) {
				continue;
			}
			int[] venue = new int[m];
			int[] start = new int[m];
			int[] end = new int[m];
			int[] person = new int[m];
			int k = 0;
			for (int i = 0; i < n; i++) {
				if (rows.start[i] >= horizonSecond && rows.venue[i] % shardCount == s) {
					venue[k] = rows.venue[i] / shardCount;
					start[k] = rows.start[i];
					end[k] = rows.end[i];
					person[k++] = dictionary.intern(rows.person[i]);
				}
			}
			shards[s] = shards[s].withRuns(addRun(shards[s].runs, DeltaRun.of(venue, start, end, person, m)));
		}
		snapshot = new Snapshot(dictionary.view(), shards, current.horizonDay);
	}

	/** Appends a run; outside compactions, merges the newest runs while they are not much smaller than older ones. */
	private DeltaRun[] addRun(DeltaRun[] runs, DeltaRun run) {
		DeltaRun[] out = Arrays.copyOf(runs, runs.length + 1);
		out[runs.length] = run;
		int n = out.length;
		// invariant kept: each run holds more than twice the rows of the next newer one, so there are O(log rows) runs
		while (!compacting && n >= 2 && out[n - 2].rows() <= 2L * out[n - 1].rows()) {
			out[n - 2] = DeltaRun.merge(out[n - 2], out[n - 1]);
			n--;
		}
		return n == out.length ? out : Arrays.copyOf(out, n);
	}

	/**
	 * Merges all published delta runs into the day segments and rebuilds the per-person index. Queries and appends go
	 * on meanwhile; runs published during the compaction stay runs. Publishes pending appends first.
	 */
	public void compact() {
		maintenanceLock.lock();
		try {
			Snapshot before;
			publishLock.lock();
			try {
				flushLocked();
				before = snapshot;
				if (before.runRows() == 0) {
					return;
				}
				compacting = true;
			}
			finally {
				publishLock.unlock();
			}
			try {
				Shard[] compacted = new Shard[shardCount];
				for (int s = 0; s < shardCount; s++) {
					Shard shard = before.shards[s];
					compacted[s] = shard.compacted(shard.runs.length, before.persons.count, before.horizonDay);
				}
				publishLock.lock();
				try {
					Snapshot now = snapshot;
					for (int s = 0; s < shardCount; s++) {
						DeltaRun[] runs = now.shards[s].runs;
						compacted[s] = compacted[s].withRuns(Arrays.copyOfRange(runs, before.shards[s].runs.length, runs.length));
					}
					snapshot = new Snapshot(now.persons, compacted, now.horizonDay);
				}
				finally {
					publishLock.unlock();
				}
			}
			finally {
				publishLock.lock();
				compacting = false;
				publishLock.unlock();
			}
		}
		finally {
			maintenanceLock.unlock();
		}
	}

	/**
	 * Forgets every check-in that starts before day {@code day}, and refuses later appends of such check-ins. The
	 * retention horizon only moves forward.
	 */
	public void dropDaysBefore(int day) {
		maintenanceLock.lock();
		try {
			Snapshot before;
			publishLock.lock();
			try {
				if (day <= horizonDay) {
					return;
				}
				horizonDay = day;
				before = snapshot;
			}
			finally {
				publishLock.unlock();
			}
			Shard[] kept = new Shard[shardCount];
			for (int s = 0; s < shardCount; s++) {
				kept[s] = before.shards[s].withRuns(Shard.NO_RUNS).withoutDaysBefore(day, before.persons.count);
			}
			publishLock.lock();
			try {
				Snapshot now = snapshot;
				for (int s = 0; s < shardCount; s++) {
					DeltaRun[] runs = now.shards[s].runs.clone();
					for (int i = 0; i < runs.length; i++) {
						runs[i] = runs[i].withoutDaysBefore(day);
					}
					kept[s] = kept[s].withRuns(runs);
				}
				snapshot = new Snapshot(now.persons, kept, day);
			}
			finally {
				publishLock.unlock();
			}
		}
		finally {
			maintenanceLock.unlock();
		}
	}

	/** Keeps the configured number of retention days up to and including {@code today}. */
	public void dropExpiredDays(int today) {
		dropDaysBefore(today - retentionDays + 1);
	}

	private void publishInBackground() {
		flush();
		Snapshot snap = snapshot;
		long segmentRows = snap.checkIns() - snap.runRows();
		// at least an eighth of the segments, so that a burst of appends costs O(1) amortised compaction per row
		if (snap.runRows() >= Math.max(compactionThreshold, segmentRows / 8) && compactionQueued.compareAndSet(false, true)) {
			compactor.execute(() -> {
				try {
					compact();
				}
				finally {
					compactionQueued.set(false);
				}
			});
		}
	}

	/**
	 * Stops the background publisher and the lookups' helper thread; the index stays usable, with {@link #flush()}
	 * and {@link #compact()} by hand, and single-threaded lookups.
	 */
	@Override
	public void close() {
		if (helper != null) {
			helper.close();
		}
		if (publisher != null) {
			publisher.shutdown();
			compactor.shutdown();
			try {
				publisher.awaitTermination(10, TimeUnit.SECONDS);
				compactor.awaitTermination(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	// ---------------------------------------------------------------- queries

	/**
	 * The contacts of one index person (Q1), each delivered once to {@code sink} as described in the class comment,
	 * in no particular order.
	 * @return the number of contacts delivered; 0 for a person the index has never seen
	 */
	public int contacts(int indexPerson, ContactQuery query, ContactSink sink) {
		Snapshot snap = snapshot;
		int dense = snap.persons.denseOf(indexPerson);
		if (dense < 0) {
			return 0;
		}
		ContactSearch search = acquire();
		try {
			int found = search.find(snap, dense, query.from(), query.to(), query.tolerance(), query.minOverlap(), -1,
					helper, splitFromStays, splitChunk);
			search.emit(snap.persons, indexPerson, sink);
			return found;
		}
		finally {
			search.releaseHelper();
			release(search);
		}
	}

	/**
	 * The contacts of many index persons (Q2): for each distinct index person, exactly the rows
	 * {@link #contacts(int, ContactQuery, ContactSink)} would deliver. All of them read the same snapshot.
	 * Work is spread over {@code threads} threads (the caller's included); the sink is never called concurrently, the
	 * rows of one index person arrive together, and index persons arrive in no particular order.
	 * @return the number of rows delivered
	 */
	public long contacts(int[] indexPersons, ContactQuery query, int threads, ContactSink sink) {
		int[] persons = indexPersons.clone();
		Arrays.sort(persons);
		int distinct = 0;
		for (int i = 0; i < persons.length; i++) {
			if (i == 0 || persons[i] != persons[i - 1]) {
				persons[distinct++] = persons[i];
			}
		}
		ManyQuery job = new ManyQuery(snapshot, Arrays.copyOf(persons, distinct), query, sink);
		int workers = Math.max(1, Math.min(threads, distinct));
		Thread[] started = new Thread[workers - 1];
		for (int i = 0; i < started.length; i++) {
			started[i] = new Thread(job, "contact-query-" + i);
			started[i].setDaemon(true);
			started[i].start();
		}
		job.run();
		boolean interrupted = false;
		for (Thread thread : started) {
			while (true) {
				try {
					thread.join();
					break;
				}
				catch (InterruptedException e) {
					interrupted = true;
					job.failure.compareAndSet(null, e);
				}
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		Throwable failure = job.failure.get();
		if (failure instanceof RuntimeException) {
			throw (RuntimeException) failure;
		}
		if (failure instanceof Error) {
			throw (Error) failure;
		}
		if (failure != null) {
			throw new IllegalStateException("contact query interrupted", failure);
		}
		return job.rows.get();
	}

	/**
	 * Contacts and contacts of contacts (2-hop) of one index person.
	 *
	 * <p>First the index person's contacts are delivered exactly as by {@link #contacts(int, ContactQuery, ContactSink)}
	 * (rows with {@code indexPerson} = the index person). Then, for each such first-degree contact {@code c} whose
	 * earliest co-presence with the index person starts at {@code o}, the contacts of {@code c} under the same
	 * tolerance and minimum overlap, looking up {@code c}'s presences that start in {@code [o, secondaryTo)} (the
	 * window opens at the first exposure), without the index person; they are delivered with
	 * {@code indexPerson} = {@code c}, once per ({@code c}, contact) pair with its earliest co-presence. A
	 * second-degree contact reached through several first-degree contacts appears once per such contact, and may also
	 * be a first-degree contact.
	 * @param secondaryTo end (exclusive) of the window of the first-degree contacts' presences, seconds since the epoch
	 * @return the number of rows delivered, both degrees
	 */
	public long secondDegree(int indexPerson, ContactQuery query, int secondaryTo, ContactSink sink) {
		Snapshot snap = snapshot;
		int dense = snap.persons.denseOf(indexPerson);
		if (dense < 0) {
			return 0;
		}
		ContactSearch search = acquire();
		try {
			int first = search.find(snap, dense, query.from(), query.to(), query.tolerance(), query.minOverlap(), -1);
			search.emit(snap.persons, indexPerson, sink);
			int[] contacts = new int[first];
			int[] exposed = new int[first];
			search.emit(PersonDictionary.DENSE, indexPerson, new ContactSink() {
				private int k;

				@Override
				public void accept(int index, int contact, int venue, int overlapStart, int overlapEnd) {
					contacts[k] = contact;
					exposed[k++] = overlapStart;
				}
			});
			long rows = first;
			for (int k = 0; k < first; k++) {
				rows += search.find(snap, contacts[k], exposed[k], secondaryTo, query.tolerance(), query.minOverlap(), dense);
				search.emit(snap.persons, snap.persons.externalOf(contacts[k]), sink);
			}
			return rows;
		}
		finally {
			release(search);
		}
	}

	private ContactSearch acquire() {
		for (int i = 0; i < POOLED_SEARCHES; i++) {
			ContactSearch search = searches.getAndSet(i, null);
			if (search != null) {
				return search;
			}
		}
		return new ContactSearch(shardCount, maxStay);
	}

	private void release(ContactSearch search) {
		for (int i = 0; i < POOLED_SEARCHES; i++) {
			if (searches.compareAndSet(i, null, search)) {
				return;
			}
		}
	}

	/** One multi-person query shared by its worker threads. */
	private final class ManyQuery implements Runnable {
		private final Snapshot snap;
		private final int[] persons;
		private final ContactQuery query;
		private final ContactSink sink;
		private final AtomicInteger next = new AtomicInteger();
		private final AtomicLong rows = new AtomicLong();
		private final AtomicReference<Throwable> failure = new AtomicReference<>();

		ManyQuery(Snapshot snap, int[] persons, ContactQuery query, ContactSink sink) {
			this.snap = snap;
			this.persons = persons;
			this.query = query;
			this.sink = sink;
		}

		@Override
		public void run() {
			ContactSearch search = acquire();
			try {
				for (int i = next.getAndIncrement(); i < persons.length && failure.get() == null; i = next.getAndIncrement()) {
					int dense = snap.persons.denseOf(persons[i]);
					if (dense < 0) {
						continue;
					}
					int found = search.find(snap, dense, query.from(), query.to(), query.tolerance(), query.minOverlap(), -1);
					if (found > 0) {
						synchronized (this) {
							search.emit(snap.persons, persons[i], sink);
						}
						rows.addAndGet(found);
					}
				}
			}
			catch (Throwable t) {
				failure.compareAndSet(null, t);
			}
			finally {
				release(search);
			}
		}
	}

	// ---------------------------------------------------------------- figures

	/** Check-ins visible to queries (published ones). */
	public long checkIns() {
		return snapshot.checkIns();
	}

	/** Distinct persons visible to queries. */
	public int persons() {
		return snapshot.persons.distinct;
	}

	/** Bytes held by the visible data: day segments, per-person index, delta runs and the person dictionary. */
	public long memoryBytes() {
		return snapshot.memoryBytes();
	}

	/** {@link #memoryBytes()} per visible check-in. */
	public double bytesPerCheckIn() {
		Snapshot snap = snapshot;
		long n = snap.checkIns();
		return n == 0 ? 0 : (double) snap.memoryBytes() / n;
	}

	/** The first day still kept: check-ins starting before it were dropped or refused. */
	public int horizonDay() {
		return horizonDay;
	}

	/** The longest stay kept, seconds. */
	public int maxStay() {
		return maxStay;
	}

	/** The stay of a check-in without check-out, seconds. */
	public int defaultStay() {
		return defaultStay;
	}

	private static ThreadFactory daemon(String name) {
		return runnable -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		};
	}
}
