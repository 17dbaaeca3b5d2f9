package org.gridguard.trace;

import java.util.Arrays;

/**
 * The mutable head of the index: check-ins appended since the last flush, not yet visible to queries.
 *
 * <p>Appending threads spread over striped buffers by thread id, so they rarely contend; each stripe is guarded by
 * its own monitor. {@link #drain} takes every row appended before it reached that row's stripe.
 */
final class IngestBuffer {

	private final Stripe[] stripes;

	IngestBuffer(int stripeCount) {
		int n = Integer.highestOneBit(Math.max(1, stripeCount - 1)) << 1;
		stripes = new Stripe[n];
		for (int i = 0; i < n; i++) {
			stripes[i] = new Stripe();
		}
	}

	void append(int venue, int person, int start, int end) {
		Stripe stripe = stripes[(int) Thread.currentThread().getId() & (stripes.length - 1)];
		synchronized (stripe) {
			stripe.add(venue, person, start, end);
		}
	}

	/** Moves every buffered row into {@code into}, which is reset first. */
	void drain(Rows into) {
		into.size = 0;
		for (Stripe stripe : stripes) {
			synchronized (stripe) {
				into.addAll(stripe);
				stripe.size = 0;
			}
		}
	}

	/** Growable parallel arrays of rows: venue, person, start, end (all caller's values, end already resolved). */
	static class Rows {
		int[] venue = new int[64];
		int[] person = new int[64];
		int[] start = new int[64];
		int[] end = new int[64];
		int size;

		final void add(int v, int p, int s, int e) {
			if (size == venue.length) {
				ensureCapacity(size + 1);
			}
			venue[size] = v;
			person[size] = p;
			start[size] = s;
			end[size] = e;
			size++;
		}

		final void addAll(Rows other) {
			ensureCapacity(size + other.size);
			System.arraycopy(other.venue, 0, venue, size, other.size);
			System.arraycopy(other.person, 0, person, size, other.size);
			System.arraycopy(other.start, 0, start, size, other.size);
			System.arraycopy(other.end, 0, end, size, other.size);
			size += other.size;
		}

		final void ensureCapacity(int capacity) {
			if (capacity > venue.length) {
				int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(capacity, venue.length + (long) (venue.length >> 1)));
				venue = Arrays.copyOf(venue, grown);
				person = Arrays.copyOf(person, grown);
				start = Arrays.copyOf(start, grown);
				end = Arrays.copyOf(end, grown);
			}
		}
	}

	private static final class Stripe extends Rows {
	}
}
