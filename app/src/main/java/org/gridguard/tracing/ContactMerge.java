package org.gridguard.tracing;

import java.util.Arrays;

import org.gridguard.trace.ContactSink;

/**
 * Gathers the rows of several nodes into one answer: per (index, contact) pair the earliest co-presence, ties to the
 * smaller venue, then the earlier end, exactly the row the single-node index picks among the same stays. Each node's
 * row is already the earliest among its venues, so the earliest of theirs is the earliest overall; a pair answered by
 * two nodes (a partition held by both during a rebalance) keeps one row. Rows live in parallel arrays with an
 * open-addressing table from pair to row, no object per row. Not thread-safe: callers serialise {@link #accept}.
 */
final class ContactMerge implements ContactSink {

	private int[] index = new int[1024];

	private int[] contact = new int[1024];

	private int[] venue = new int[1024];

	private int[] start = new int[1024];

	private int[] end = new int[1024];

	private int size;

	/** Row number + 1 per slot, 0 when empty. */
	private int[] slots = new int[4096];

	@Override
	public void accept(int indexPerson, int contactPerson, int venueId, int overlapStart, int overlapEnd) {
		int mask = slots.length - 1;
		for (int slot = hash(indexPerson, contactPerson) & mask;; slot = (slot + 1) & mask) {
			int row = slots[slot] - 1;
			if (row < 0) {
				add(slot, indexPerson, contactPerson, venueId, overlapStart, overlapEnd);
				return;
			}
			if (index[row] == indexPerson && contact[row] == contactPerson) {
				if (earlier(overlapStart, venueId, overlapEnd, start[row], venue[row], end[row])) {
					venue[row] = venueId;
					start[row] = overlapStart;
					end[row] = overlapEnd;
				}
				return;
			}
		}
	}

	static boolean earlier(int s1, int v1, int e1, int s2, int v2, int e2) {
		if (s1 != s2) {
			return s1 < s2;
		}
		if (v1 != v2) {
			return v1 < v2;
		}
		return e1 < e2;
	}

	private void add(int slot, int i, int c, int v, int s, int e) {
		if (size == index.length) {
			int n = size * 2;
			index = Arrays.copyOf(index, n);
			contact = Arrays.copyOf(contact, n);
			venue = Arrays.copyOf(venue, n);
			start = Arrays.copyOf(start, n);
			end = Arrays.copyOf(end, n);
		}
		index[size] = i;
		contact[size] = c;
		venue[size] = v;
		start[size] = s;
		end[size] = e;
		size++;
		slots[slot] = size;
		if (size * 2 > slots.length) {
			rehash();
		}
	}

	private void rehash() {
		slots = new int[slots.length * 2];
		int mask = slots.length - 1;
		for (int row = 0; row < size; row++) {
			int slot = hash(index[row], contact[row]) & mask;
			while (slots[slot] != 0) {
				slot = (slot + 1) & mask;
			}
			slots[slot] = row + 1;
		}
	}

	private static int hash(int a, int b) {
		long h = ((long) a << 32 | (b & 0xFFFFFFFFL)) * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 29));
	}

	int size() {
		return size;
	}

	/** Hands every gathered row to {@code sink}, the rows of one index person together. */
	long emit(ContactSink sink) {
		// group by index person: row numbers sorted by index person (ids are never negative)
		long[] keyed = new long[size];
		for (int r = 0; r < size; r++) {
			keyed[r] = (long) index[r] << 32 | r;
		}
		Arrays.sort(keyed);
		for (long k : keyed) {
			int r = (int) k;
			sink.accept(index[r], contact[r], venue[r], start[r], end[r]);
		}
		return size;
	}

}
