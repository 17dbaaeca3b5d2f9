package org.gridguard.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import org.gridguard.trace.ContactSink;

/**
 * Contact rows collected from one engine, in primitive arrays, with an order-independent digest so that result sets
 * of millions of rows compare cheaply; a mismatch is explained row by row.
 */
final class ContactRows implements ContactSink {

	int size;
	int[] index;
	int[] contact;
	int[] venue;
	int[] start;
	int[] end;

	ContactRows() {
		this(1 << 16);
	}

	ContactRows(int capacity) {
		index = new int[capacity];
		contact = new int[capacity];
		venue = new int[capacity];
		start = new int[capacity];
		end = new int[capacity];
	}

	@Override
	public void accept(int indexPerson, int contactPerson, int atVenue, int overlapStart, int overlapEnd) {
		if (size == index.length) {
			grow(size + 1);
		}
		index[size] = indexPerson;
		contact[size] = contactPerson;
		venue[size] = atVenue;
		start[size] = overlapStart;
		end[size] = overlapEnd;
		size++;
	}

	/** The index's bulk delivery: the rows are copied, as {@link #accept} would store them one by one. */
	@Override
	public void acceptAll(int indexPerson, int[] contactPerson, int[] atVenue, int[] overlapStart, int[] overlapEnd,
			int count) {
		if (size + count > index.length) {
			grow(size + count);
		}
		Arrays.fill(index, size, size + count, indexPerson);
		System.arraycopy(contactPerson, 0, contact, size, count);
		System.arraycopy(atVenue, 0, venue, size, count);
		System.arraycopy(overlapStart, 0, start, size, count);
		System.arraycopy(overlapEnd, 0, end, size, count);
		size += count;
	}

	private void grow(int capacity) {
		int grown = Math.max(capacity, size * 2);
		index = Arrays.copyOf(index, grown);
		contact = Arrays.copyOf(contact, grown);
		venue = Arrays.copyOf(venue, grown);
		start = Arrays.copyOf(start, grown);
		end = Arrays.copyOf(end, grown);
	}

	void clear() {
		size = 0;
	}

	/** Sum and xor of a strong mix of every row: equal multisets give equal digests. */
	long[] digest() {
		long sum = 0;
		long xor = 0;
		for (int i = 0; i < size; i++) {
			long a = mix((long) index[i] << 32 | (contact[i] & 0xFFFF_FFFFL));
			long b = mix(a ^ ((long) venue[i] << 32 | (start[i] & 0xFFFF_FFFFL)));
			long h = mix(b ^ end[i]);
			sum += h;
			xor ^= mix(h + 0x9E37_79B9_7F4A_7C15L);
		}
		return new long[] { size, sum, xor };
	}

	boolean sameAs(ContactRows other) {
		return Arrays.equals(digest(), other.digest());
	}

	/** Up to {@code limit} differences between two result sets, for a loud failure. */
	String differences(ContactRows other, String mine, String theirs, int limit) {
		Map<Long, String> a = byPair();
		Map<Long, String> b = other.byPair();
		StringBuilder out = new StringBuilder();
		out.append("%s: %d rows (%d distinct pairs), %s: %d rows (%d distinct pairs)%n".formatted(mine, size, a.size(), theirs,
				other.size, b.size()));
		TreeSet<Long> keys = new TreeSet<>(a.keySet());
		keys.addAll(b.keySet());
		int shown = 0;
		for (long key : keys) {
			String x = a.get(key);
			String y = b.get(key);
			if (x == null || !x.equals(y)) {
				out.append("  index %d contact %d: %s=%s %s=%s%n".formatted(key >> 32, (int) key, mine, x, theirs, y));
				if (++shown == limit) {
					break;
				}
			}
		}
		return out.toString();
	}

	private Map<Long, String> byPair() {
		Map<Long, String> map = new HashMap<>();
		for (int i = 0; i < size; i++) {
			map.merge((long) index[i] << 32 | (contact[i] & 0xFFFF_FFFFL),
					"venue %d [%d, %d)".formatted(venue[i], start[i], end[i]), (x, y) -> x + " AND " + y);
		}
		return map;
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
		return z ^ (z >>> 31);
	}
}
