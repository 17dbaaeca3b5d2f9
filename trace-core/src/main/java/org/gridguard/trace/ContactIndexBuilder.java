package org.gridguard.trace;

import java.util.Arrays;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Configures a {@link ContactIndex} and bulk-loads its initial check-ins (the start-up rebuild from the database).
 *
 * <p>Rows are validated and resolved (default stay, cap) as they are added; {@link #build()} sorts them into day
 * segments with all available cores. A builder builds once.
 */
public final class ContactIndexBuilder {

	int defaultStay = 1_800;
	int maxStay = 14_400;
	int shards = 1;
	int retentionDays = 21;
	long publishIntervalMillis = 500;
	long compactionThreshold = 1 << 20;
	private int buildThreads = Runtime.getRuntime().availableProcessors();
	boolean splitLookups = Runtime.getRuntime().availableProcessors() >= 2;
	/** Index person's stays from which a single-person lookup is shared with the helper thread; tests lower it. */
	int splitFromStays = ContactIndex.SPLIT_FROM_STAYS;
	/** Ranges per chunk that the two threads of a shared lookup claim; tests lower it. */
	int splitChunk = ContactSearch.SPLIT_CHUNK;

	private int[] venue = new int[1024];
	private int[] person = new int[1024];
	private int[] start = new int[1024];
	private int[] end = new int[1024];
	private int size;
	private boolean built;

	ContactIndexBuilder() {
	}

	/** Stay of a check-in without check-out, seconds; default 1,800. */
	public ContactIndexBuilder defaultStay(int seconds) {
		if (seconds < 0) {
			throw new IllegalArgumentException("default stay %d s must be >= 0".formatted(seconds));
		}
		requireNoRows();
		this.defaultStay = seconds;
		return this;
	}

	/** Cap on every stay (the automatic check-out), seconds, {@code 1..16383}; default 14,400. */
	public ContactIndexBuilder maxStay(int seconds) {
		if (seconds < 1 || seconds > DaySegment.MAX_STAY_LIMIT) {
			throw new IllegalArgumentException("max stay %d s is outside 1..%d".formatted(seconds, DaySegment.MAX_STAY_LIMIT));
		}
		requireNoRows();
		this.maxStay = seconds;
		return this;
	}

	/** Number of venue shards (venue {@code v} goes to shard {@code v % count}); default 1. */
	public ContactIndexBuilder shards(int count) {
		if (count < 1) {
			throw new IllegalArgumentException("shard count %d must be >= 1".formatted(count));
		}
		this.shards = count;
		return this;
	}

	/** Days kept by {@link ContactIndex#dropExpiredDays(int)}; default 21. */
	public ContactIndexBuilder retentionDays(int days) {
		if (days < 1) {
			throw new IllegalArgumentException("retention %d days must be >= 1".formatted(days));
		}
		this.retentionDays = days;
		return this;
	}

	/**
	 * How often a background thread publishes appended check-ins, milliseconds; default 500. 0 starts no thread:
	 * appends are then published by {@link ContactIndex#flush()} only, and compacted by
	 * {@link ContactIndex#compact()} only.
	 */
	public ContactIndexBuilder publishIntervalMillis(long millis) {
		if (millis < 0) {
			throw new IllegalArgumentException("publish interval %d ms must be >= 0".formatted(millis));
		}
		this.publishIntervalMillis = millis;
		return this;
	}

	/**
	 * Delta rows at which the background thread compacts them into the day segments; default 1,048,576. The
	 * background thread waits for at least an eighth of the compacted rows, whichever is more.
	 */
	public ContactIndexBuilder compactionThreshold(long rows) {
		if (rows < 1) {
			throw new IllegalArgumentException("compaction threshold %d must be >= 1".formatted(rows));
		}
		this.compactionThreshold = rows;
		return this;
	}

	/** Threads used by {@link #build()}; default: available processors. */
	public ContactIndexBuilder buildThreads(int threads) {
		this.buildThreads = Math.max(1, threads);
		return this;
	}

	/**
	 * Whether a large single-person lookup ({@link ContactIndex#contacts(int, ContactQuery, ContactSink)}) may share
	 * its work with a second thread that the index keeps for it; default: when there are at least 2 processors.
	 * Small lookups, and lookups while that thread serves another one, run on the caller's thread alone. The results
	 * are the same either way.
	 */
	public ContactIndexBuilder splitLookups(boolean split) {
		this.splitLookups = split;
		return this;
	}

	/** Shares lookups of index persons with at least {@code stays} stays (see {@link #splitLookups}); for tests. */
	ContactIndexBuilder splitFromStays(int stays) {
		this.splitFromStays = Math.max(0, stays);
		return this;
	}

	/** Ranges per chunk of a shared lookup, {@code >= 1}; for tests, so that small lookups are shared in pieces. */
	ContactIndexBuilder splitChunk(int ranges) {
		this.splitChunk = Math.max(1, ranges);
		return this;
	}

	private void requireNoRows() {
		if (size > 0) {
			throw new IllegalStateException("set stays before adding rows: added rows are already resolved");
		}
	}

	/**
	 * Adds one check-in, with the same meaning and validation as {@link ContactIndex#append}.
	 * @param endOrMinusOne check-out time, or -1 for none (the default stay applies)
	 */
	public ContactIndexBuilder add(int venueId, int personId, int startSecond, int endOrMinusOne) {
		if (venueId < 0 || personId < 0) {
			throw new IllegalArgumentException("venue %d and person %d must be >= 0".formatted(venueId, personId));
		}
		int resolved = ContactIndex.resolveEnd(startSecond, endOrMinusOne, defaultStay, maxStay);
		if (size == venue.length) {
			grow(size + 1);
		}
		venue[size] = venueId;
		person[size] = personId;
		start[size] = startSecond;
		end[size] = resolved;
		size++;
		return this;
	}

	/** Adds rows {@code [offset, offset + length)} of the given parallel arrays, as {@link #add} would one by one. */
	public ContactIndexBuilder addAll(int[] venues, int[] persons, int[] starts, int[] endsOrMinusOne, int offset, int length) {
		grow(size + length);
		for (int i = offset; i < offset + length; i++) {
			add(venues[i], persons[i], starts[i], endsOrMinusOne[i]);
		}
		return this;
	}

	private void grow(int capacity) {
		if (capacity > venue.length) {
			int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(capacity, venue.length + (long) (venue.length >> 1)));
			venue = Arrays.copyOf(venue, grown);
			person = Arrays.copyOf(person, grown);
			start = Arrays.copyOf(start, grown);
			end = Arrays.copyOf(end, grown);
		}
	}

	/** Builds the index over every added row. The builder is spent afterwards. */
	public ContactIndex build() {
		if (built) {
			throw new IllegalStateException("this builder has already built an index");
		}
		built = true;
		int n = size;
		PersonDictionary dictionary = internPersons(n);

		int minDay = Integer.MAX_VALUE;
		int maxDay = Integer.MIN_VALUE;
		int maxVenue = -1;
		for (int i = 0; i < n; i++) {
			int day = start[i] / DaySegment.SECONDS_PER_DAY;
			minDay = Math.min(minDay, day);
			maxDay = Math.max(maxDay, day);
			maxVenue = Math.max(maxVenue, venue[i]);
		}
		Shard[] result = new Shard[shards];
		if (n == 0) {
			Arrays.fill(result, Shard.empty());
			return new ContactIndex(this, dictionary, result);
		}
		int days = maxDay - minDay + 1;
		int groups = shards * days;
		// group (shard, day) = shard * days + day - minDay; rows are scattered group by group
		int[] groupStart = new int[groups + 1];
		for (int i = 0; i < n; i++) {
			groupStart[(venue[i] % shards) * days + start[i] / DaySegment.SECONDS_PER_DAY - minDay + 1]++;
		}
		for (int g = 0; g < groups; g++) {
			groupStart[g + 1] += groupStart[g];
		}
		int[] localVenue = new int[n];
		long[] entry = new long[n];
		int[] next = Arrays.copyOf(groupStart, groups);
		for (int i = 0; i < n; i++) {
			int day = start[i] / DaySegment.SECONDS_PER_DAY;
			int at = next[(venue[i] % shards) * days + day - minDay]++;
			localVenue[at] = venue[i] / shards;
			int packed = DaySegment.pack(start[i] - day * DaySegment.SECONDS_PER_DAY, end[i] - start[i]);
			entry[at] = (long) packed << 32 | person[i];
		}
		venue = null;
		person = null;
		start = null;
		end = null;

		int venueCount = maxVenue / shards + 1;
		int finalDays = days;
		int finalMinDay = minDay;
		DaySegment[] segments = new DaySegment[groups];
		parallel(groups, g -> {
			if (groupStart[g + 1] > groupStart[g]) {
				segments[g] = DaySegment.assemble(finalMinDay + g % finalDays, venueCount, localVenue, entry,
						groupStart[g], groupStart[g + 1]);
			}
		});
		int persons = dictionary.count();
		for (int s = 0; s < shards; s++) {
			DaySegment[] ofShard = new DaySegment[days];
			int count = 0;
			for (int d = 0; d < days; d++) {
				if (segments[s * days + d] != null) {
					ofShard[count++] = segments[s * days + d];
				}
			}
			result[s] = Shard.of(Arrays.copyOf(ofShard, count), persons, Shard.NO_RUNS, buildThreads);
		}
		return new ContactIndex(this, dictionary, result);
	}

	/**
	 * Replaces caller person ids by dense ids. Compact ids (at most half of {@code 0..max} unused) are kept as they
	 * are; others are interned, through a direct array when they are small enough.
	 */
	private PersonDictionary internPersons(int n) {
		int maxPerson = -1;
		for (int i = 0; i < n; i++) {
			maxPerson = Math.max(maxPerson, person[i]);
		}
		if (maxPerson < PersonDictionary.MAX_PERSONS) {
			BitSet seen = new BitSet(maxPerson + 1);
			for (int i = 0; i < n; i++) {
				seen.set(person[i]);
			}
			if (maxPerson + 1 <= 2L * seen.cardinality() + 1024) {
				PersonDictionary identity = new PersonDictionary(maxPerson + 1);
				for (int i = 0; i < n; i++) {
					identity.intern(person[i]);
				}
				return identity;
			}
		}
		PersonDictionary dictionary = new PersonDictionary(0);
		if (maxPerson < (1 << 27) && maxPerson <= 8L * n + 1024) {
			int[] direct = new int[maxPerson + 1];
			Arrays.fill(direct, -1);
			for (int i = 0; i < n; i++) {
				int p = person[i];
				int dense = direct[p];
				if (dense < 0) {
					dense = dictionary.intern(p);
					direct[p] = dense;
				}
				person[i] = dense;
			}
		}
		else {
			for (int i = 0; i < n; i++) {
				person[i] = dictionary.intern(person[i]);
			}
		}
		return dictionary;
	}

	private void parallel(int tasks, IntConsumer task) {
		runInParallel(buildThreads, tasks, task);
	}

	/** Runs {@code task(0..tasks-1)} on up to {@code threads} threads, the caller's included. */
	static void runInParallel(int buildThreads, int tasks, IntConsumer task) {
		AtomicInteger next = new AtomicInteger();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Runnable worker = () -> {
			try {
				for (int t = next.getAndIncrement(); t < tasks && failure.get() == null; t = next.getAndIncrement()) {
					task.accept(t);
				}
			}
			catch (Throwable e) {
				failure.compareAndSet(null, e);
			}
		};
		Thread[] threads = new Thread[Math.max(0, Math.min(buildThreads, tasks) - 1)];
		for (int i = 0; i < threads.length; i++) {
			threads[i] = new Thread(worker, "contact-index-build-" + i);
			threads[i].start();
		}
		worker.run();
		for (Thread thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("index build interrupted", e);
			}
		}
		Throwable t = failure.get();
		if (t instanceof RuntimeException) {
			throw (RuntimeException) t;
		}
		if (t instanceof Error) {
			throw (Error) t;
		}
	}
}
