package org.gridguard.trace;

/**
 * The scratch state of one co-presence lookup, reused across lookups by one thread at a time.
 *
 * <p>Found contacts live in slots {@code 0..count-1} ({@code contact}, {@code venue}, {@code start}, {@code end}).
 * A small open-addressing table maps a contact's dense id to its slot: {@code table[2h] = person + 1} (0 = empty),
 * {@code table[2h + 1] = slot}, at most half full. It is sized by the number of contacts of one lookup, not by the
 * number of persons, so it stays in the core's private cache; {@code position[slot]} remembers where each contact
 * went so that the table is emptied in {@code O(count)} after every lookup.
 */
final class ContactSearch {

	private static final int INITIAL_BITS = 14;

	private final int shardCount;
	private final int maxStay;

	private int[] table = new int[2 << INITIAL_BITS];
	private int tableShift = 32 - INITIAL_BITS;
	private int[] position = new int[4096];

	int count;
	int[] contact = new int[4096];
	int[] venue = new int[4096];
	int[] start = new int[4096];
	int[] end = new int[4096];

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
		int[] t = table;
		for (int k = 0; k < count; k++) {
			t[position[k]] = 0;
		}
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
		int ds = segment.dayStart;
		int[] venueStart = segment.venueStart;
		int firstKey = local * DaySegment.CLASSES;
		long hiIn = hi - ds;
		int hiKey = hiIn >= DaySegment.SECONDS_PER_DAY ? Integer.MAX_VALUE : (int) hiIn << DaySegment.DURATION_BITS;
		for (int c = 0; c < DaySegment.CLASSES; c++) {
			int a = venueStart[firstKey + c];
			int b = venueStart[firstKey + c + 1];
			if (a == b) {
				continue;
			}
			// a stay of this class ends at most classMax after it starts: the scan starts later than for the cap
			int classMax = Math.min(DaySegment.CLASS_MAX[c], maxStay);
			long from = Math.max(lo, (long) s1 - tolerance - classMax + 1);
			if (minOverlap > 0) {
				from = Math.max(from, (long) s1 + minOverlap - classMax);
			}
			long loIn = from - ds;
			int i = loIn > 0 ? DaySegment.lowerBound(segment.time, a, b, (int) Math.min(loIn, DaySegment.SECONDS_PER_DAY)
					<< DaySegment.DURATION_BITS) : a;
			scanRows(segment, i, b, hiKey, globalVenue, s1 - ds, e1 - ds, ds);
		}
	}

	private void scanRows(DaySegment segment, int i, int b, int hiKey, int globalVenue, int s1In, int e1In, int ds) {
		int[] time = segment.time;
		short[] low = segment.personLow;
		byte[] high = segment.personHigh;
		int endAbove = s1In - tolerance;
		int minOv = minOverlap;
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
		int[] t = table;
		int key = person + 1;
		int mask = t.length - 2;
		int at = ((person * 0x9E3779B9) >>> tableShift) << 1;
		for (int k = t[at]; k != 0; k = t[at]) {
			if (k == key) {
				int slot = t[at + 1];
				int best = start[slot];
				if (overlapStart < best || overlapStart == best
						&& (atVenue < venue[slot] || atVenue == venue[slot] && overlapEnd < end[slot])) {
					start[slot] = overlapStart;
					venue[slot] = atVenue;
					end[slot] = overlapEnd;
				}
				return;
			}
			at = (at + 2) & mask;
		}
		int slot = count;
		if (slot == contact.length) {
			grow();
		}
		if ((slot + 1) * 4L > t.length) {
			rehash();
			t = table;
			mask = t.length - 2;
			at = ((person * 0x9E3779B9) >>> tableShift) << 1;
			while (t[at] != 0) {
				at = (at + 2) & mask;
			}
		}
		t[at] = key;
		t[at + 1] = slot;
		position[slot] = at;
		contact[slot] = person;
		venue[slot] = atVenue;
		start[slot] = overlapStart;
		end[slot] = overlapEnd;
		count = slot + 1;
	}

	private void rehash() {
		int[] grown = new int[table.length * 2];
		tableShift--;
		int mask = grown.length - 2;
		for (int slot = 0; slot < count; slot++) {
			int at = ((contact[slot] * 0x9E3779B9) >>> tableShift) << 1;
			while (grown[at] != 0) {
				at = (at + 2) & mask;
			}
			grown[at] = contact[slot] + 1;
			grown[at + 1] = slot;
			position[slot] = at;
		}
		table = grown;
	}

	private void grow() {
		int capacity = contact.length * 2;
		contact = java.util.Arrays.copyOf(contact, capacity);
		venue = java.util.Arrays.copyOf(venue, capacity);
		start = java.util.Arrays.copyOf(start, capacity);
		end = java.util.Arrays.copyOf(end, capacity);
		position = java.util.Arrays.copyOf(position, capacity);
	}

	/** Delivers the found contacts of {@code indexPerson} (caller's id) to {@code sink}. */
	void emit(PersonDictionary.View persons, int indexPerson, ContactSink sink) {
		for (int k = 0; k < count; k++) {
			sink.accept(indexPerson, persons.externalOf(contact[k]), venue[k], start[k], end[k]);
		}
	}
}
