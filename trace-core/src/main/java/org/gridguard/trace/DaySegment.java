package org.gridguard.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The check-ins of one shard that start on one day, sorted by (local venue, start), packed to seven bytes each.
 *
 * <p>Day {@code d} covers seconds {@code [d * 86400, (d + 1) * 86400)} since the index epoch. A stay belongs to the day
 * of its start even when it ends after midnight; lookups reach back into the previous day's segment by at most the
 * longest stay plus the tolerance.
 *
 * <p>Within a venue, rows are split by duration class ({@link #CLASS_MAX}) so that a lookup scans each class only
 * back to its own longest stay, not to the 4 h cap: most stays are far shorter than the cap.
 *
 * <p>Row {@code i} is the seven bytes {@code rows[7i .. 7i + 6]}: read as a little-endian long at {@code 7i} (one
 * unaligned load, see {@link #row}), its low 32 bits are the packed time and the next 24 bits the dense person id
 * (the top byte belongs to the next row; one byte of padding ends the array). One array rather than one per field,
 * so that a scan of a few dozen rows touches a few consecutive cache lines instead of three separate groups.
 *
 * <p>Invariants: rows of local venue {@code v} and duration class {@code c} are
 * {@code [venueStart[k], venueStart[k + 1])} with {@code k = v * CLASSES + c}; within them the packed time is
 * ascending. {@code time(i) = startInDay << DURATION_BITS | duration} with {@code 0 <= startInDay < 86400} and
 * {@code 0 <= duration <= MAX_STAY_LIMIT}, so a packed value is non-negative and orders rows by start.
 */
final class DaySegment {

	static final int SECONDS_PER_DAY = 86_400;
	static final int DURATION_BITS = 14;
	static final int DURATION_MASK = (1 << DURATION_BITS) - 1;
	/** Longest stay the packing holds: 4 h 33 min. */
	static final int MAX_STAY_LIMIT = DURATION_MASK;

	/** Longest duration (inclusive, seconds) of each duration class; the last class is bounded by the stay cap. */
	static final int[] CLASS_MAX = { 900, 1_800, 3_600, 7_200, MAX_STAY_LIMIT };
	static final int CLASSES = CLASS_MAX.length;

	final int day;
	final int dayStart;
	final int[] venueStart;
	/** Seven bytes per row and one of padding, see the class comment. */
	final byte[] rows;
	/** {@code blockKey[j]} is the (venue, class) key of row {@code j << BLOCK_BITS}: finds a row's venue in a step or two. */
	final int[] blockKey;
	private final int rowCount;

	static final int ROW_BYTES = 7;
	static final long PERSON_MASK = (1L << 24) - 1;
	private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	static final int BLOCK_BITS = 6;

	/**
	 * {@code fence[j]} is half the start in day of row {@code j << FENCE_BITS} (rounded down: 86,399 / 2 fits a char).
	 * A lookup binary-searches these small, mostly cached fences instead of the rows, and starts scanning at a fence:
	 * at most {@code 2^FENCE_BITS - 1} rows early, about two cache lines of rows.
	 */
	final char[] fence;

	static final int FENCE_BITS = 4;

	private DaySegment(int day, int[] venueStart, byte[] rows, int n) {
		this.day = day;
		this.dayStart = day * SECONDS_PER_DAY;
		this.venueStart = venueStart;
		this.rows = rows;
		this.rowCount = n;
		this.blockKey = new int[(n + (1 << BLOCK_BITS) - 1) >>> BLOCK_BITS];
		int k = 0;
		for (int j = 0; j < blockKey.length; j++) {
			int row = j << BLOCK_BITS;
			while (venueStart[k + 1] <= row) {
				k++;
			}
			blockKey[j] = k;
		}
		this.fence = new char[(n + (1 << FENCE_BITS) - 1) >>> FENCE_BITS];
		for (int j = 0; j < fence.length; j++) {
			fence[j] = (char) (time(j << FENCE_BITS) >>> (DURATION_BITS + 1));
		}
	}

	static int pack(int startInDay, int duration) {
		return startInDay << DURATION_BITS | duration;
	}

	int rows() {
		return rowCount;
	}

	/** Row {@code i} as a long: packed time in the low 32 bits, person in the next 24, garbage in the top 8. */
	static long row(byte[] rows, int i) {
		return (long) LONG.get(rows, ROW_BYTES * i);
	}

	/** The packed time of row {@code i}. */
	int time(int i) {
		return (int) row(rows, i);
	}

	int venueCount() {
		return (venueStart.length - 1) / CLASSES;
	}

	static int durationClass(int duration) {
		int c = 0;
		while (duration > CLASS_MAX[c]) {
			c++;
		}
		return c;
	}

	int person(int row) {
		return (int) (row(rows, row) >>> 32 & PERSON_MASK);
	}

	/** The local venue of a row. */
	int venueOf(int row) {
		return keyOf(row) / CLASSES;
	}

	/** The (venue, class) key of a row: the {@code k} with {@code venueStart[k] <= row < venueStart[k + 1]}. */
	int keyOf(int row) {
		return keyOf(row, blockKey[row >>> BLOCK_BITS]);
	}

	/** {@link #keyOf(int)} given the row's block key {@code blockKey[row >>> BLOCK_BITS]}, already loaded. */
	int keyOf(int row, int fromKey) {
		int[] vs = venueStart;
		int k = fromKey;
		while (vs[k + 1] <= row) {
			k++;
		}
		return k;
	}

	long memoryBytes() {
		return 4L * (venueStart.length + blockKey.length) + 2L * fence.length + rows.length;
	}

	/**
	 * Builds a segment from unsorted rows {@code [from, to)}: {@code venue[i]} is the local venue,
	 * {@code entry[i] = packedTime << 32 | person}. Neither array is kept.
	 */
	static DaySegment assemble(int day, int venueCount, int[] venue, long[] entry, int from, int to) {
		int keys = venueCount * CLASSES;
		int[] venueStart = new int[keys + 1];
		for (int i = from; i < to; i++) {
			venueStart[key(venue[i], entry[i]) + 1]++;
		}
		for (int k = 0; k < keys; k++) {
			venueStart[k + 1] += venueStart[k];
		}
		long[] sorted = new long[to - from];
		int[] next = Arrays.copyOf(venueStart, keys);
		for (int i = from; i < to; i++) {
			sorted[next[key(venue[i], entry[i])]++] = entry[i];
		}
		return fromVenueBuckets(day, venueStart, sorted);
	}

	private static int key(int venue, long entry) {
		return venue * CLASSES + durationClass((int) (entry >>> 32) & DURATION_MASK);
	}

	/** {@code sorted} is grouped by (venue, class) per {@code venueStart}; each group is sorted here, then packed. */
	static DaySegment fromVenueBuckets(int day, int[] venueStart, long[] sorted) {
		int n = sorted.length;
		for (int v = 0; v + 1 < venueStart.length; v++) {
			if (venueStart[v + 1] - venueStart[v] > 1) {
				Arrays.sort(sorted, venueStart[v], venueStart[v + 1]);
			}
		}
		byte[] rows = new byte[ROW_BYTES * n + 1];
		// ascending: each long store also writes the next row's first byte (0 here), which the next store overwrites
		for (int i = 0; i < n; i++) {
			long e = sorted[i];
			// entry = packedTime << 32 | person; a row = person << 32 | packedTime
			LONG.set(rows, ROW_BYTES * i, Long.rotateLeft(e, 32));
		}
		return new DaySegment(day, venueStart, rows, n);
	}

	/** Appends this segment's rows as ({@code venue}, {@code entry}) pairs at {@code offset}; returns the new offset. */
	int copyRowsTo(int[] venue, long[] entry, int offset) {
		int out = offset;
		for (int k = 0; k + 1 < venueStart.length; k++) {
			for (int i = venueStart[k]; i < venueStart[k + 1]; i++) {
				venue[out] = k / CLASSES;
				entry[out++] = (long) time(i) << 32 | person(i);
			}
		}
		return out;
	}
}
