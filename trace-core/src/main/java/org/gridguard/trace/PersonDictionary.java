package org.gridguard.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Maps the caller's person ids to dense internal ids {@code 0..count-1} and back.
 *
 * <p>One writer at a time (the builder, then the flushing thread under the publish lock) interns ids; any number of
 * readers look them up through a {@link View}, which fixes the count published with a snapshot. Dense ids are never
 * reassigned, so a view stays valid for ever.
 *
 * <p>Invariants: a table slot is {@code 0} (empty) or {@code (external + 1) << 32 | dense}, written with release
 * semantics and read opaquely, so a reader sees an empty slot or a whole entry; entries with {@code dense >= count} of
 * a view were interned after it and are treated as absent. {@code externalOf[d]} is written before the view that
 * counts {@code d} is published, and never again.
 */
final class PersonDictionary {

	/** Dense ids are stored in three bytes per check-in. */
	static final int MAX_PERSONS = 1 << 24;

	private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

	private long[] table;
	private int[] externalOf;
	private int count;

	PersonDictionary(int expectedPersons) {
		table = new long[tableCapacityFor(expectedPersons)];
		externalOf = new int[Math.max(16, expectedPersons)];
	}

	private static int tableCapacityFor(int persons) {
		int capacity = 16;
		while (capacity < persons * 2L) {
			capacity <<= 1;
		}
		return capacity;
	}

	static int hash(int key) {
		int h = key * 0x9E3779B9;
		return h ^ (h >>> 16);
	}

	/** The dense id of {@code external}, assigned now if it is new. Writer only. */
	int intern(int external) {
		long[] t = table;
		int mask = t.length - 1;
		long tag = (external + 1L) << 32;
		for (int i = hash(external) & mask;; i = (i + 1) & mask) {
			long slot = t[i];
			if (slot == 0) {
				break;
			}
			if ((slot & 0xFFFF_FFFF_0000_0000L) == tag) {
				return (int) slot;
			}
		}
		if (count == MAX_PERSONS) {
			throw new IllegalStateException("the index holds at most %d distinct persons".formatted(MAX_PERSONS));
		}
		int dense = count;
		if (dense == externalOf.length) {
			int[] grown = new int[externalOf.length * 2];
			System.arraycopy(externalOf, 0, grown, 0, dense);
			externalOf = grown;
		}
		externalOf[dense] = external;
		if ((dense + 1) * 2L > t.length) {
			t = rehash(t.length * 2);
			mask = t.length - 1;
		}
		int i = hash(external) & mask;
		while (t[i] != 0) {
			i = (i + 1) & mask;
		}
		SLOT.setRelease(t, i, tag | dense);
		count = dense + 1;
		return dense;
	}

	private long[] rehash(int capacity) {
		long[] grown = new long[capacity];
		int mask = capacity - 1;
		for (long slot : table) {
			if (slot != 0) {
				int i = hash((int) ((slot >>> 32) - 1)) & mask;
				while (grown[i] != 0) {
					i = (i + 1) & mask;
				}
				grown[i] = slot;
			}
		}
		table = grown;
		return grown;
	}

	int count() {
		return count;
	}

	/** A consistent read-only view of everything interned so far. Writer only; publish it with a snapshot. */
	View view() {
		return new View(table, externalOf, count);
	}

	/** The dictionary as of one snapshot. Safe for any number of threads. */
	static final class View {
		private final long[] table;
		private final int[] externalOf;
		final int count;

		View(long[] table, int[] externalOf, int count) {
			this.table = table;
			this.externalOf = externalOf;
			this.count = count;
		}

		/** The dense id of {@code external}, or -1 if the person has no check-in in this view. */
		int denseOf(int external) {
			if (external < 0) {
				return -1;
			}
			long[] t = table;
			int mask = t.length - 1;
			long tag = (external + 1L) << 32;
			for (int i = hash(external) & mask;; i = (i + 1) & mask) {
				long slot = (long) SLOT.getOpaque(t, i);
				if (slot == 0) {
					return -1;
				}
				if ((slot & 0xFFFF_FFFF_0000_0000L) == tag) {
					int dense = (int) slot;
					return dense < count ? dense : -1;
				}
			}
		}

		int externalOf(int dense) {
			return externalOf[dense];
		}

		int[] externalIds() {
			return externalOf;
		}

		long memoryBytes() {
			return 8L * table.length + 4L * externalOf.length;
		}
	}
}
