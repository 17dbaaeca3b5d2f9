package org.gridguard.trace;

/**
 * The scratch state of one co-presence lookup, reused across lookups by one thread at a time.
 *
 * <p>Found contacts live in slots {@code 0..count-1} ({@code contact}, {@code venue}, {@code start}, {@code end}).
 * {@code mark[p] - base} is the slot of dense person {@code p} when it lies in {@code [0, count)}: every lookup
 * takes a {@code base} above all values written before, so the array never needs clearing (until {@code base}
 * nears overflow).
 */
final class ContactSearch {

	private final int shardCount;
	private final int maxStay;

	private int[] mark = new int[0];
	private int nextBase = 1;

	int count;
	int[] contact = new int[4096];
	int[] venue = new int[4096];
	int[] start = new int[4096];
	int[] end = new int[4096];

	private int base;
	private int self;
	private int excluded;
	private int tolerance;
	private int minOverlap;

	ContactSearch(int shardCount, int maxStay) {
		this.shardCount = shardCount;
		this.maxStay = maxStay;
	}

	/**
	 * Finds the contacts of dense person {@code dense} for its stays starting in {@code [from, to)}, each contact
	 * once with its earliest co-presence. {@code excludedPerson} (dense, or -1) is never reported.
	 * @return the number of contacts found, in slots {@code 0..count-1}
	 */
	int find(Snapshot snapshot, int dense, int from, int to, int tolerance, int minOverlap, int excludedPerson) {
		int persons = snapshot.persons.count;
		if (mark.length < persons) {
			mark = new int[Math.max(persons, mark.length + (mark.length >> 1))];
			nextBase = 1;
		}
		if (nextBase > Integer.MAX_VALUE - persons - 1) {
			java.util.Arrays.fill(mark, 0);
			nextBase = 1;
		}
		this.base = nextBase;
		this.count = 0;
		this.self = dense;
		this.excluded = excludedPerson;
		this.tolerance = tolerance;
		this.minOverlap = minOverlap;
		if (from < to) {
			Shard[] shards = snapshot.shards;
			for (int s = 0; s < shards.length; s++) {
				searchShard(shards[s], s, dense, from, to);
			}
		}
		nextBase = base + count;
		return count;
	}

	private void searchShard(Shard shard, int shardIndex, int dense, int from, int to) {
		if (dense < shard.personStart.length - 1) {
			int[] rows = shard.personRows;
			int[] rowBase = shard.rowBase;
			DaySegment[] segments = shard.segments;
			int k = shard.personStart[dense];
			int last = shard.personStart[dense + 1];
			int seg = 0;
			for (; k < last; k++) {
				int ref = rows[k];
				while (ref >= rowBase[seg + 1]) {
					seg++;
				}
				DaySegment segment = segments[seg];
				int row = ref - rowBase[seg];
				int t = segment.time[row];
				int s1 = segment.dayStart + (t >>> DaySegment.DURATION_BITS);
				if (s1 < from || s1 >= to) {
					continue;
				}
				int e1 = s1 + (t & DaySegment.DURATION_MASK);
				int local = segment.venueOf(row);
				scan(shard, local, local * shardCount + shardIndex, s1, e1);
			}
		}
		for (DeltaRun run : shard.runs) {
			int[] ids = run.byPersonId;
			for (int k = run.firstOfPerson(dense); k < ids.length && ids[k] == dense; k++) {
				int row = run.byPerson[k];
				int s1 = run.start(row);
				if (s1 < from || s1 >= to) {
					continue;
				}
				int local = run.venue(row);
				scan(shard, local, local * shardCount + shardIndex, s1, run.end[row]);
			}
		}
	}

	/** Offers every presence at local venue {@code local} that is in contact with the stay {@code [s1, e1)}. */
	private void scan(Shard shard, int local, int globalVenue, int s1, int e1) {
		int tol = tolerance;
		int minOv = minOverlap;
		// contact needs s2 < e1 + tol and e2 > s1 - tol; e2 <= s2 + maxStay bounds s2 from below
		long lo = (long) s1 - tol - maxStay + 1;
		long hi = (long) e1 + tol;
		if (minOv > 0) {
			lo = Math.max(lo, (long) s1 + minOv - maxStay);
			hi = Math.min(hi, (long) e1 - minOv + 1);
		}
		lo = Math.max(lo, 0);
		if (lo >= hi) {
			return;
		}
		int lastDay = (int) ((hi - 1) / DaySegment.SECONDS_PER_DAY);
		for (int day = (int) (lo / DaySegment.SECONDS_PER_DAY); day <= lastDay; day++) {
			DaySegment segment = shard.segmentOfDay(day);
			if (segment != null && local < segment.venueCount()) {
				scanSegment(segment, local, globalVenue, s1, e1, lo, hi);
			}
		}
		for (DeltaRun run : shard.runs) {
			scanRun(run, local, globalVenue, s1, e1, lo, hi);
		}
	}

	private void scanSegment(DaySegment segment, int local, int globalVenue, int s1, int e1, long lo, long hi) {
		int a = segment.venueStart[local];
		int b = segment.venueStart[local + 1];
		if (a == b) {
			return;
		}
		int ds = segment.dayStart;
		long loIn = lo - ds;
		long hiIn = hi - ds;
		int[] time = segment.time;
		int i = loIn > 0 ? DaySegment.lowerBound(time, a, b, (int) loIn << DaySegment.DURATION_BITS) : a;
		int hiKey = hiIn >= DaySegment.SECONDS_PER_DAY ? Integer.MAX_VALUE : (int) hiIn << DaySegment.DURATION_BITS;
		int s1In = s1 - ds;
		int e1In = e1 - ds;
		int endAbove = s1In - tolerance;
		int minOv = minOverlap;
		short[] low = segment.personLow;
		byte[] high = segment.personHigh;
		for (; i < b; i++) {
			int t = time[i];
			if (t >= hiKey) {
				break;
			}
			int s2 = t >>> DaySegment.DURATION_BITS;
			int e2 = s2 + (t & DaySegment.DURATION_MASK);
			if (e2 <= endAbove) {
				continue;
			}
			int overlapStart = Math.max(s1In, s2);
			int overlapEnd = Math.min(e1In, e2);
			if (minOv > 0 && overlapEnd - overlapStart < minOv) {
				continue;
			}
			int q = (high[i] & 0xFF) << 16 | (low[i] & 0xFFFF);
			if (q != self && q != excluded) {
				offer(q, globalVenue, ds + overlapStart, ds + overlapEnd);
			}
		}
	}

	private void scanRun(DeltaRun run, int local, int globalVenue, int s1, int e1, long lo, long hi) {
		long[] key = run.key;
		long last = DeltaRun.key(local, (int) Math.min(hi, Integer.MAX_VALUE));
		int endAbove = s1 - tolerance;
		for (int i = run.lowerBound(DeltaRun.key(local, (int) lo)); i < key.length && key[i] < last; i++) {
			int s2 = (int) key[i];
			int e2 = run.end[i];
			if (e2 <= endAbove) {
				continue;
			}
			int overlapStart = Math.max(s1, s2);
			int overlapEnd = Math.min(e1, e2);
			if (minOverlap > 0 && overlapEnd - overlapStart < minOverlap) {
				continue;
			}
			int q = run.person[i];
			if (q != self && q != excluded) {
				offer(q, globalVenue, overlapStart, overlapEnd);
			}
		}
	}

	/** Keeps the earliest co-presence per contact: smallest overlap start, then venue, then overlap end. */
	private void offer(int person, int atVenue, int overlapStart, int overlapEnd) {
		int slot = mark[person] - base;
		if (Integer.compareUnsigned(slot, count) < 0) {
			int best = start[slot];
			if (overlapStart < best || overlapStart == best
					&& (atVenue < venue[slot] || atVenue == venue[slot] && overlapEnd < end[slot])) {
				start[slot] = overlapStart;
				venue[slot] = atVenue;
				end[slot] = overlapEnd;
			}
			return;
		}
		if (count == contact.length) {
			grow();
		}
		slot = count++;
		mark[person] = base + slot;
		contact[slot] = person;
		venue[slot] = atVenue;
		start[slot] = overlapStart;
		end[slot] = overlapEnd;
	}

	private void grow() {
		int capacity = contact.length * 2;
		contact = java.util.Arrays.copyOf(contact, capacity);
		venue = java.util.Arrays.copyOf(venue, capacity);
		start = java.util.Arrays.copyOf(start, capacity);
		end = java.util.Arrays.copyOf(end, capacity);
	}

	/** Delivers the found contacts of {@code indexPerson} (caller's id) to {@code sink}. */
	void emit(PersonDictionary.View persons, int indexPerson, ContactSink sink) {
		int[] externalIds = persons.externalIds();
		for (int k = 0; k < count; k++) {
			sink.accept(indexPerson, externalIds[contact[k]], venue[k], start[k], end[k]);
		}
	}
}
