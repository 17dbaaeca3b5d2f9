package org.gridguard.trace;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The second thread of large single-person lookups, owned by one index: a lookup shares its ranges with it (see
 * {@link ContactSearch#find(Snapshot, int, int, int, int, int, int, LookupHelper, int, int)}).
 *
 * <p>A lookup takes about a tenth of a millisecond, so the hand-off must cost well under a microsecond: after each
 * lookup the thread spins for {@link #SPIN_NANOS} (lookups tend to come in runs) and only then parks. A lookup that
 * finds it parked wakes it and starts alone; the thread joins when it is up, or not at all if the lookup is done by
 * then. It serves one lookup at a time: a lookup that finds it taken by another runs alone rather than wait. After
 * {@link #EXIT_NANOS} without lookups, and on {@link #close()}, the thread ends; the next large lookup starts a new
 * one, unless the helper is closed.
 *
 * <p>States: {@code STOPPED} (no thread) or {@code IDLE} (the thread waits) → {@code TAKEN} by a lookup
 * ({@link #tryAcquire}) → {@code POSTED} ({@link #post}) → {@code RUNNING} (the thread took the job) → {@code DONE}
 * → {@code IDLE} by {@link #release}, once the lookup has delivered the helper's rows. A lookup that is through its
 * ranges before the thread took the job withdraws it ({@code POSTED} → {@code TAKEN}). Only the thread goes from
 * {@code IDLE} to {@code STOPPED}. The job's fields are written before {@code POSTED} and read after it; the
 * helper's results are written before {@code DONE} and read after it, until {@code IDLE}.
 */
final class LookupHelper implements Runnable {

	private static final int STOPPED = 0;
	private static final int IDLE = 1;
	private static final int TAKEN = 2;
	private static final int POSTED = 3;
	private static final int RUNNING = 4;
	private static final int DONE = 5;

	/** Spinning after a lookup: long next to the gaps between a program's lookups, short next to a person's. */
	static final long SPIN_NANOS = 1_000_000;
	private static final long PARK_NANOS = 100_000_000;
	private static final long EXIT_NANOS = 10_000_000_000L;
	/** A lookup waiting for the helper yields its core after this long (the helper's thread may be descheduled). */
	private static final long WAIT_SPIN_NANOS = 50_000;

	/** The helper's scratch: written by its thread while {@code RUNNING}, read by the lookup's until {@code IDLE}. */
	final ContactSearch search;
	private final AtomicInteger state = new AtomicInteger(STOPPED);
	private final String threadName;
	private volatile Thread thread;
	private volatile boolean parked;
	private volatile boolean closed;

	/** Chunks of the shared lookup's ranges claimed so far, by either thread. */
	private final AtomicInteger nextChunk = new AtomicInteger();
	/** Set by the lookup's thread when it found no chunk left: a helper that starts then plans nothing. */
	private volatile boolean claimed;
	private Snapshot snapshot;
	private int person;
	private int from;
	private int to;
	private int tolerance;
	private int minOverlap;
	private int excluded;
	private int chunk;
	private Throwable failure;

	LookupHelper(int shardCount, int maxStay, String threadName) {
		this.search = new ContactSearch(shardCount, maxStay);
		this.threadName = threadName;
	}

	/** Takes the helper for one lookup when it is free (starting its thread if there is none); never waits. */
	boolean tryAcquire() {
		int s = state.get();
		if (s == IDLE) {
			return state.compareAndSet(IDLE, TAKEN);
		}
		if (s == STOPPED && !closed && state.compareAndSet(STOPPED, TAKEN)) {
			Thread t = new Thread(this, threadName);
			t.setDaemon(true);
			thread = t;
			t.start();
			return true;
		}
		return false;
	}

	/** Hands the taken helper a shared lookup; returns the counter of chunks that both threads claim from. */
	AtomicInteger post(Snapshot snap, int dense, int fromSecond, int toSecond, int toleranceSeconds, int minOverlapSeconds,
			int excludedPerson, int rangesPerChunk) {
		snapshot = snap;
		person = dense;
		from = fromSecond;
		to = toSecond;
		tolerance = toleranceSeconds;
		minOverlap = minOverlapSeconds;
		excluded = excludedPerson;
		chunk = rangesPerChunk;
		failure = null;
		claimed = false;
		nextChunk.set(0);
		state.set(POSTED);
		if (parked) {
			LockSupport.unpark(thread);
		}
		return nextChunk;
	}

	/** The lookup's thread found every chunk claimed. */
	void allClaimed() {
		claimed = true;
	}

	/**
	 * Waits until the thread is done with the posted job, or withdraws the job if the thread has not taken it yet;
	 * returns at once when there is no job (withdrawn, or not posted).
	 * @return whether the thread ran the job: its results, or its failure, are then to be taken
	 */
	boolean finish() {
		int s = state.get();
		if (s == TAKEN || s == POSTED && state.compareAndSet(POSTED, TAKEN)) {
			return false;
		}
		long since = 0;
		for (int spins = 0; state.get() != DONE; spins++) {
			if ((spins & 255) == 255) {
				long now = System.nanoTime();
				if (since == 0) {
					since = now;
				}
				else if (now - since > WAIT_SPIN_NANOS) {
					Thread.yield();
					continue;
				}
			}
			Thread.onSpinWait();
		}
		return true;
	}

	/** Throws what the helper's part of the job threw, if anything: the lookup cannot be answered without it. */
	void rethrowFailure() {
		Throwable t = failure;
		if (t instanceof RuntimeException e) {
			throw e;
		}
		if (t instanceof Error e) {
			throw e;
		}
		if (t != null) {
			throw new IllegalStateException("the helper's part of a lookup failed", t);
		}
	}

	/** Frees the helper for the next lookup (after {@link #finish()}). */
	void release() {
		snapshot = null;
		failure = null;
		state.set(IDLE);
		if (closed && parked) {
			LockSupport.unpark(thread);
		}
	}

	@Override
	public void run() {
		long idleSince = System.nanoTime();
		while (true) {
			int s = state.get();
			if (s == POSTED) {
				if (state.compareAndSet(POSTED, RUNNING)) {
					try {
						search.findShared(snapshot, person, from, to, tolerance, minOverlap, excluded, nextChunk, chunk, claimed);
					}
					catch (Throwable t) {
						failure = t;
					}
					state.set(DONE);
					idleSince = System.nanoTime();
				}
				continue;
			}
			long idle = System.nanoTime() - idleSince;
			if (s == IDLE && (closed || idle > EXIT_NANOS)) {
				if (state.compareAndSet(IDLE, STOPPED)) {
					return;
				}
				continue;
			}
			if (idle < SPIN_NANOS) {
				Thread.onSpinWait();
				continue;
			}
			parked = true;
			// a post after this read sees parked and unparks; one before it is seen here
			int now = state.get();
			if (now != POSTED && !(closed && now == IDLE)) {
				long parkedAt = System.nanoTime();
				LockSupport.parkNanos(this, PARK_NANOS);
				if (System.nanoTime() - parkedAt < PARK_NANOS) {
					// woken by a lookup (maybe one that then did without): more are likely, spin again
					idleSince = System.nanoTime();
				}
			}
			parked = false;
		}
	}

	/** Ends the thread once it is idle (a lookup in progress completes first); later lookups run alone. */
	void close() {
		closed = true;
		Thread t = thread;
		if (t != null) {
			LockSupport.unpark(t);
			try {
				t.join(10_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
