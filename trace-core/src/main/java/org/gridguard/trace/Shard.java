package org.gridguard.trace;

import java.util.Arrays;

/**
 * The immutable state of one venue shard: compacted day segments, the per-person index over them, and the delta runs
 * appended since.
 *
 * <p>Venue {@code v} lives in shard {@code v % shardCount} as local venue {@code v / shardCount}. All contacts of a
 * stay are at its venue, so a stay is answered by one shard: the seam where shards can move to other machines.
 *
 * <p>Invariants: {@code segments} ascend by day; {@code segments[k]} owns global rows
 * {@code [rowBase[k], rowBase[k + 1])}. The stays of dense person {@code p} in the segments are the global rows
 * {@code personRows[personStart[p] .. personStart[p + 1])}, ascending; persons interned after the segments were
 * built ({@code p >= personStart.length - 1}) have none there. {@code runs} are ordered oldest first.
 */
final class Shard {

	static final DeltaRun[] NO_RUNS = new DeltaRun[0];

	final DaySegment[] segments;
	final int[] rowBase;
	final int firstDay;
	final int[] segmentOfDay;
	final int[] personStart;
	final int[] personRows;
	final DeltaRun[] runs;

	private Shard(DaySegment[] segments, int[] rowBase, int[] personStart, int[] personRows, DeltaRun[] runs) {
		this.segments = segments;
		this.rowBase = rowBase;
		this.personStart = personStart;
		this.personRows = personRows;
		this.runs = runs;
		if (segments.length == 0) {
			firstDay = 0;
			segmentOfDay = new int[0];
		}
		else {
			firstDay = segments[0].day;
			segmentOfDay = new int[segments[segments.length - 1].day - firstDay + 1];
			Arrays.fill(segmentOfDay, -1);
			for (int k = 0; k < segments.length; k++) {
				segmentOfDay[segments[k].day - firstDay] = k;
			}
		}
	}

	static Shard empty() {
		return new Shard(new DaySegment[0], new int[1], new int[1], new int[0], NO_RUNS);
	}

	/** A shard over {@code segments} (ascending by day), with its person index built for {@code personCount} persons. */
	static Shard of(DaySegment[] segments, int personCount, DeltaRun[] runs) {
		return of(segments, personCount, runs, 1);
	}

	/**
	 * As {@link #of(DaySegment[], int, DeltaRun[])}, on up to {@code threads} threads. The person index is built in
	 * two cache-friendly passes: rows are first scattered into buckets of 4,096 persons (each bucket's rows land in the
	 * part of {@code personRows} the bucket will occupy), then each bucket is ordered by person within that small part.
	 */
	static Shard of(DaySegment[] segments, int personCount, DeltaRun[] runs, int threads) {
		int[] rowBase = new int[segments.length + 1];
		for (int k = 0; k < segments.length; k++) {
			long next = (long) rowBase[k] + segments[k].rows();
			if (next > Integer.MAX_VALUE) {
				throw new IllegalStateException("a shard holds at most 2^31 - 1 check-ins; use more shards");
			}
			rowBase[k + 1] = (int) next;
		}
		int rows = rowBase[segments.length];
		int buckets = (personCount >>> BUCKET_BITS) + 1;
		int[] bucketStart = new int[buckets + 1];
		for (DaySegment segment : segments) {
			for (int r = 0, n = segment.rows(); r < n; r++) {
				bucketStart[(segment.person(r) >>> BUCKET_BITS) + 1]++;
			}
		}
		for (int b = 0; b < buckets; b++) {
			bucketStart[b + 1] += bucketStart[b];
		}
		int[] personRows = new int[rows];
		int[] personOfRow = new int[rows];
		int[] next = Arrays.copyOf(bucketStart, buckets);
		for (int k = 0; k < segments.length; k++) {
			DaySegment segment = segments[k];
			int base = rowBase[k];
			for (int r = 0, n = segment.rows(); r < n; r++) {
				int p = segment.person(r);
				int at = next[p >>> BUCKET_BITS]++;
				personRows[at] = base + r;
				personOfRow[at] = p;
			}
		}
		int[] personStart = new int[personCount + 1];
		ContactIndexBuilder.runInParallel(threads, buckets, b -> orderBucket(b, personCount, bucketStart, personRows,
				personOfRow, personStart));
		personStart[personCount] = rows;
		return new Shard(segments, rowBase, personStart, personRows, runs);
	}

	private static final int BUCKET_BITS = 12;

	/** Orders one bucket's rows by person (stable, so each person's rows stay ascending) and sets its persons' starts. */
	private static void orderBucket(int bucket, int personCount, int[] bucketStart, int[] personRows, int[] personOfRow,
			int[] personStart) {
		int from = bucketStart[bucket];
		int to = bucketStart[bucket + 1];
		int firstPerson = bucket << BUCKET_BITS;
		int persons = Math.min(personCount - firstPerson, 1 << BUCKET_BITS);
		if (persons <= 0) {
			return;
		}
		int[] counts = new int[persons + 1];
		for (int i = from; i < to; i++) {
			counts[personOfRow[i] - firstPerson + 1]++;
		}
		for (int p = 0; p < persons; p++) {
			counts[p + 1] += counts[p];
		}
		for (int p = 0; p < persons; p++) {
			personStart[firstPerson + p] = from + counts[p];
		}
		int[] ordered = new int[to - from];
		for (int i = from; i < to; i++) {
			ordered[counts[personOfRow[i] - firstPerson]++] = personRows[i];
		}
		System.arraycopy(ordered, 0, personRows, from, ordered.length);
	}

	Shard withRuns(DeltaRun[] newRuns) {
		return new Shard(segments, rowBase, personStart, personRows, newRuns);
	}

	DaySegment segmentOfDay(int day) {
		int i = day - firstDay;
		if (i < 0 || i >= segmentOfDay.length) {
			return null;
		}
		int k = segmentOfDay[i];
		return k < 0 ? null : segments[k];
	}

	long segmentRows() {
		return rowBase[segments.length];
	}

	long runRows() {
		long n = 0;
		for (DeltaRun run : runs) {
			n += run.rows();
		}
		return n;
	}

	long memoryBytes() {
		long bytes = 4L * (rowBase.length + segmentOfDay.length + personStart.length + personRows.length);
		for (DaySegment segment : segments) {
			bytes += segment.memoryBytes();
		}
		for (DeltaRun run : runs) {
			bytes += run.memoryBytes();
		}
		return bytes;
	}

	/** This shard without the segments and run rows of days before {@code day}. */
	Shard withoutDaysBefore(int day, int personCount) {
		int keep = 0;
		while (keep < segments.length && segments[keep].day < day) {
			keep++;
		}
		DeltaRun[] keptRuns = new DeltaRun[runs.length];
		for (int i = 0; i < runs.length; i++) {
			keptRuns[i] = runs[i].withoutDaysBefore(day);
		}
		if (keep == 0) {
			return withRuns(keptRuns);
		}
		return of(Arrays.copyOfRange(segments, keep, segments.length), personCount, keptRuns);
	}

	/**
	 * This shard with the first {@code runCount} runs merged into the day segments; later runs stay runs.
	 * Rows before {@code horizonDay} are left out.
	 */
	Shard compacted(int runCount, int personCount, int horizonDay) {
		DeltaRun[] remaining = Arrays.copyOfRange(runs, runCount, runs.length);
		int minDay = Integer.MAX_VALUE;
		int maxDay = Integer.MIN_VALUE;
		int maxVenue = -1;
		for (int i = 0; i < runCount; i++) {
			DeltaRun run = runs[i];
			for (int r = 0; r < run.rows(); r++) {
				int d = run.start(r) / DaySegment.SECONDS_PER_DAY;
				if (d >= horizonDay) {
					minDay = Math.min(minDay, d);
					maxDay = Math.max(maxDay, d);
					maxVenue = Math.max(maxVenue, run.venue(r));
				}
			}
		}
		if (maxVenue < 0) {
			return of(segments, personCount, remaining);
		}
		int days = maxDay - minDay + 1;
		int[] dayStartRow = new int[days + 1];
		for (int d = minDay; d <= maxDay; d++) {
			DaySegment old = segmentOfDay(d);
			dayStartRow[d - minDay + 1] = old == null ? 0 : old.rows();
		}
		for (int i = 0; i < runCount; i++) {
			DeltaRun run = runs[i];
			for (int r = 0; r < run.rows(); r++) {
				int d = run.start(r) / DaySegment.SECONDS_PER_DAY;
				if (d >= horizonDay) {
					dayStartRow[d - minDay + 1]++;
				}
			}
		}
		for (int d = 0; d < days; d++) {
			dayStartRow[d + 1] += dayStartRow[d];
		}
		int total = dayStartRow[days];
		int[] venue = new int[total];
		long[] entry = new long[total];
		int[] next = Arrays.copyOf(dayStartRow, days);
		for (int d = minDay; d <= maxDay; d++) {
			DaySegment old = segmentOfDay(d);
			if (old != null) {
				next[d - minDay] = old.copyRowsTo(venue, entry, next[d - minDay]);
			}
		}
		for (int i = 0; i < runCount; i++) {
			DeltaRun run = runs[i];
			for (int r = 0; r < run.rows(); r++) {
				int start = run.start(r);
				int d = start / DaySegment.SECONDS_PER_DAY;
				if (d >= horizonDay) {
					int at = next[d - minDay]++;
					venue[at] = run.venue(r);
					int packed = DaySegment.pack(start - d * DaySegment.SECONDS_PER_DAY, run.end[r] - start);
					entry[at] = (long) packed << 32 | run.person[r];
				}
			}
		}
		DaySegment[] merged = new DaySegment[segments.length + days];
		int count = 0;
		for (DaySegment segment : segments) {
			if (segment.day < minDay) {
				merged[count++] = segment;
			}
		}
		for (int d = minDay; d <= maxDay; d++) {
			int from = dayStartRow[d - minDay];
			int to = dayStartRow[d - minDay + 1];
			if (to > from) {
				DaySegment old = segmentOfDay(d);
				int venueCount = Math.max(old == null ? 0 : old.venueCount(), maxVenue + 1);
				merged[count++] = DaySegment.assemble(d, venueCount, venue, entry, from, to);
			}
		}
		for (DaySegment segment : segments) {
			if (segment.day > maxDay) {
				merged[count++] = segment;
			}
		}
		return of(Arrays.copyOf(merged, count), personCount, remaining);
	}
}
