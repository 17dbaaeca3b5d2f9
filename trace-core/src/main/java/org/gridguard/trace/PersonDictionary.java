package org.gridguard.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.BitSet;

/**
 * Maps the caller's person ids to dense internal ids and back.
 *
 * <p>Ids below {@code identityBelow} are their own dense ids (chosen at build time when the caller's ids are compact,
 * as database sequences are: then contacts are reported without any lookup). Every other id is interned in a hash
 * table and gets the next dense id from {@code identityBelow} on. Dense ids are never reassigned, and they stay below
 * {@link #MAX_PERSONS} because check-ins store them in three bytes.
 *
 * <p>One writer at a time (the builder, then the flushing thread under the publish lock) interns ids; any number of
 * readers look them up through a {@link View}, which fixes the dense-id count published with a snapshot.
 * Invariants: a table slot is {@code 0} (empty) or {@code (external + 1) << 32 | dense}, written with release
 * semantics and read opaquely, so a reader sees an empty slot or a whole entry; entries with {@code dense >= count} of
 * a view were interned after it and count as absent. {@code externalOf[d - identityBelow]} is written before the view
 * that counts {@code d} is published, and never again.
 */
final class PersonDictionary {

	/** Dense ids are stored in three bytes per check-in. */
	static final int MAX_PERSONS = 1 << 24;

	private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

	private final int identityBelow;
	private final BitSet seenIdentity = new BitSet();
	private long[] table = new long[16];
	private int[] externalOf = new int[16];
	private int hashed;
	private int distinct;

	PersonDictionary(int identityBelow) {
		if (identityBelow < 0 || identityBelow > MAX_PERSONS) {
			throw new IllegalArgumentException("identity range " + identityBelow);
		}
		this.identityBelow = identityBelow;
	}

	static int hash(int key) {
		int h = key * 0x9E3779B9;
		return h ^ (h >>> 16);
	}

	/** The dense id of {@code external}, assigned now if it is new. Writer only. */
	int intern(int external) {
		if (external < identityBelow) {
			if (!seenIdentity.get(external)) {
				seenIdentity.set(external);
				distinct++;
			}
			return external;
		}
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
		if (identityBelow + hashed == MAX_PERSONS) {
			throw new IllegalStateException("the index holds at most %d distinct persons".formatted(MAX_PERSONS));
		}
		int dense = identityBelow + hashed;
		if (hashed == externalOf.length) {
			int[] grown = new int[externalOf.length * 2];
			System.arraycopy(externalOf, 0, grown, 0, hashed);
			externalOf = grown;
		}
		externalOf[hashed] = external;
		if ((hashed + 1) * 2L > t.length) {
			t = rehash(t.length * 2);
			mask = t.length - 1;
		}
		int i = hash(external) & mask;
		while (t[i] != 0) {
			i = (i + 1) & mask;
		}
		SLOT.setRelease(t, i, tag | dense);
		hashed++;
		distinct++;
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

	/** Size of the dense id space: every dense id is below it. */
	int count() {
		return identityBelow + hashed;
	}

	/** A consistent read-only view of everything interned so far. Writer only; publish it with a snapshot. */
	View view() {
		return new View(identityBelow, table, externalOf, identityBelow + hashed, distinct);
	}

	/** A view that maps every dense id to itself: for reading dense ids through code written for caller ids. */
	static final View DENSE = new View(Integer.MAX_VALUE, new long[1], new int[0], MAX_PERSONS, 0);

	/** The dictionary as of one snapshot. Safe for any number of threads. */
	static final class View {
		final int identityBelow;
		private final long[] table;
		private final int[] externalOf;
		/** Size of the dense id space. */
		final int count;
		/** Distinct persons with a check-in. */
		final int distinct;

		View(int identityBelow, long[] table, int[] externalOf, int count, int distinct) {
			this.identityBelow = identityBelow;
			this.table = table;
			this.externalOf = externalOf;
			this.count = count;
			this.distinct = distinct;
		}

		/** The dense id of {@code external}, or -1 if the person has no check-in in this view. */
		int denseOf(int external) {
			if (external < identityBelow) {
				return external;
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
			return dense < identityBelow ? dense : externalOf[dense - identityBelow];
		}

		long memoryBytes() {
			return 8L * table.length + 4L * externalOf.length;
		}
	}
}
