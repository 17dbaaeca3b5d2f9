package org.gridguard.trace;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scratch state of one co-presence lookup, reused across lookups by one thread at a time.
 *
 * <p>A lookup meets thousands of persons, almost every one exactly once (about 2 % of the co-presences are with a
 * person already met), and its cost is per contact. So the hot path does as little per contact as it can:
 * <ul>
 * <li><b>Ranges first.</b> The rows a lookup reads are spread over hundreds of (venue, duration class) ranges that are
 * rarely in cache, and memory latency, not arithmetic, is most of a cold lookup's time. So no step waits for one
 * miss before issuing the next: the lookup reads its stays' rows and venues in passes ({@link #searchShard}), lists
 * the ranges of all its stays ({@link #plan}), finds where each range's scan starts with binary searches over the
 * segment's fences run in lock step over a group of ranges, and touches the rows each range will scan
 * ({@link #locate}); only then does it scan.</li>
 * <li><b>A filter, not a table.</b> A small bitmap, {@code filter}, hashes persons to bits. A clear bit proves the
 * person was not met yet: the co-presence takes a new slot. A set bit means "maybe met": the co-presence goes to a
 * side table that keeps the earliest such co-presence per person (repeat meetings, and the few persons whose bit
 * another person set). After the scan, {@link #settle()} folds the side table into the slots of the persons met and
 * gives the others new slots. The filter's size does not depend on the number of persons, so it stays in cache.</li>
 * <li><b>One store per contact.</b> A slot is one long: the contact's dense id and the row's packed time (start in
 * day, duration), exactly as the segment stores it. Everything else a row reports (venue, overlap start and end)
 * is the same for all rows of a range, or follows from the packed time and the range's stay; it is computed while
 * the rows are delivered. Slots of range {@code r} are {@code [rangeSlot[r], rangeSlot[r + 1])}. Keeping the scan
 * loop this small keeps its working values in registers, which halves its cost.</li>
 * </ul>
 * A slot whose packed time is negative, {@code -1 - e}, is explicit: its venue, overlap start and overlap end are
 * {@code explicitVenue[e]}, {@code explicitStart[e]}, {@code explicitEnd[e]} (seconds since the index epoch), or, when
 * {@code explicitRowTime[e] >= 0}, the earlier of that and the co-presence of its range's stay with the row of that
 * packed time (the fold leaves this comparison to the delivery walk, which knows the slot's range). Rows of delta
 * runs, slots created by the fold, and slots the fold found repeat meetings for are explicit.
 *
 * <p>Invariants: between lookups every bit of {@code filter} and of {@code sideFilter} is 0 and the side table is
 * empty. During a lookup, every person with a slot, the index person and the excluded person have their filter bit set
 * (the last two so that they always take the side path, which drops them); each person has at most one slot.
 */
final class ContactSearch {

	private static final int INITIAL_SLOTS = 4096;
	private static final int INITIAL_SIDE_BITS = 8;
	private static final int INITIAL_RANGES = 256;
	/** Ranges whose binary searches run in lock step: enough independent loads in flight to hide memory latency. */
	private static final int SEARCH_GROUP = 16;
	/** Fences past a range's start that {@link #touch} looks at: up to 128 rows, 14 cache lines. */
	private static final int TOUCH_FENCES = 8;
	/**
	 * Bits of the first-meeting filter: 2^20 bits, 128 KiB, well inside a core's second-level cache. Measured on the
	 * reference workload: as fast as 32 KiB for a typical lookup, and faster for lookups with tens of thousands of
	 * contacts, where a smaller filter sends many first meetings down the side path.
	 */
	private static final int FILTER_BITS = 20;
	/**
	 * Multiplier of the filter's hash (odd, well mixed in the high bits that the hash keeps). Plain low bits of the
	 * dense id measured slower on the reference workload.
	 */
	private static final int FILTER_MIX = 0x9E3779B9;
	/** Multiplier of the side filter's hash, unrelated to the others so that their collisions differ. */
	private static final int SIDE_FILTER_MIX = 0x2545F491;
	/** A side-table key whose entry was folded into a slot: never {@code person + 1} for a person id {@code >= 0}. */
	private static final int FOLDED = Integer.MIN_VALUE;
	/** Rows per delivery to the sink: the batch arrays take 8 KiB. */
	private static final int BATCH = 512;
	/** A range bound past every slot. */
	private static final int NO_MORE = Integer.MAX_VALUE;

	private final int shardCount;
	private final int maxStay;

	private final long[] filter = new long[1 << (FILTER_BITS - 6)];

	/** Slots {@code 0..count-1}: {@code (long) densePerson << 32 | packedTime}, see the class comment. */
	private long[] slot = new long[INITIAL_SLOTS];
	private int count;

	private final int[] batchContact = new int[BATCH];
	private final int[] batchVenue = new int[BATCH];
	private final int[] batchStart = new int[BATCH];
	private final int[] batchEnd = new int[BATCH];

	private int[] explicitVenue = new int[64];
	private int[] explicitStart = new int[64];
	private int[] explicitEnd = new int[64];
	private int[] explicitRowTime = new int[64];
	private int explicitCount;

	/**
	 * The side table of co-presences with persons maybe met: open addressing, {@code sideKey[h] = person + 1}
	 * (0 = empty), at most half full; {@code sideVenue}, {@code sideStart}, {@code sideEnd} hold the earliest such
	 * co-presence for that person; {@code sideUsed[0..sideCount-1]} lists the used positions so the table is emptied
	 * in {@code O(sideCount)}. While the side table is folded, {@code sideFilter} has bit {@code hash(p)} set for every
	 * person {@code p} in it: a small bitmap that spares most slots a lookup.
	 */
	private int[] sideKey = new int[1 << INITIAL_SIDE_BITS];
	private int[] sideVenue = new int[1 << INITIAL_SIDE_BITS];
	private int[] sideStart = new int[1 << INITIAL_SIDE_BITS];
	private int[] sideEnd = new int[1 << INITIAL_SIDE_BITS];
	private int[] sideUsed = new int[1 << (INITIAL_SIDE_BITS - 1)];
	private int sideShift = 32 - INITIAL_SIDE_BITS;
	private int sideCount;
	private long[] sideFilter = new long[64];
	/** Slots whose person passes {@code sideFilter}, while the side table is folded. */
	private int[] foldCandidate = new int[INITIAL_SLOTS + 1];

	/**
	 * The planned segment ranges: rows {@code [rangeFrom[r], rangeTo[r])} of {@code rangeSegment[r]} (one venue and
	 * duration class) may hold contacts of the stay {@code [rangeS1[r], rangeE1[r])} (seconds since the segment's day
	 * start {@code rangeDayStart[r]}) at global venue {@code rangeVenue[r]}; the scan starts at the first row whose
	 * packed time is {@code >= rangeKey[r]} (-1: at {@code rangeFrom[r]}) and stops at the first one
	 * {@code >= rangeHiKey[r]}. {@link #locate} replaces {@code rangeFrom[r]} by a row at most one fence block before
	 * that first row; the scan sets {@code rangeSlot[r]}.
	 */
	private DaySegment[] rangeSegment = new DaySegment[INITIAL_RANGES];
	private int[] rangeFrom = new int[INITIAL_RANGES];
	private int[] rangeTo = new int[INITIAL_RANGES];
	private int[] rangeKey = new int[INITIAL_RANGES];
	private int[] rangeHiKey = new int[INITIAL_RANGES];
	private int[] rangeVenue = new int[INITIAL_RANGES];
	private int[] rangeDayStart = new int[INITIAL_RANGES];
	private int[] rangeS1 = new int[INITIAL_RANGES];
	private int[] rangeE1 = new int[INITIAL_RANGES];
	private int[] rangeSlot = new int[INITIAL_RANGES];
	private int ranges;
	private final int[] searchBase = new int[SEARCH_GROUP];
	private final int[] searchLength = new int[SEARCH_GROUP];
	private final int[] searchKey = new int[SEARCH_GROUP];
	/** Sum of early loads, kept so that the loads are not optimised away; its value means nothing. */
	private int touched;

	/** The index person's stays in the shard being planned: segment index, row, packed time, (venue, class) key. */
	private int[] staySegment = new int[64];
	private int[] stayRow = new int[64];
	private int[] stayTime = new int[64];
	private int[] stayKey = new int[64];

	/** Ranges per chunk that the two threads of a shared lookup claim: one lock-step group of {@link #locate}. */
	static final int SPLIT_CHUNK = SEARCH_GROUP;
	/** {@code ownedChunk[c]}: this thread scanned chunk {@code c} of the shared lookup (all false between lookups). */
	private boolean[] ownedChunk = new boolean[64];
	/** Whether {@link #plan} scans the delta runs (the helper of a shared lookup leaves them to the lookup's thread). */
	private boolean scanRuns = true;
	/** The helper taken by the last {@link #find}, until {@link #releaseHelper()}. */
	private LookupHelper assistant;
	/** The helper's contacts that {@link #emit} delivers: its slots but {@code dup[0..dupCount-1]} (ascending). */
	private int helperRows;
	private int[] dup = new int[64];
	private int dupCount;

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
	 * @return the number of contacts found; {@link #emit} delivers them
	 */
	int find(Snapshot snapshot, int dense, int from, int to, int tolerance, int minOverlap, int excludedPerson) {
		helperRows = 0;
		begin(dense, tolerance, minOverlap, excludedPerson, true);
		boolean clean = false;
		try {
			if (from < to) {
				planAll(snapshot, dense, from, to);
				locate(0, ranges);
				scanRanges(0, ranges);
			}
			settle();
			clean = true;
		}
		finally {
			if (!clean) {
				resetScratch();
			}
		}
		return count;
	}

	/**
	 * As {@link #find(Snapshot, int, int, int, int, int, int)}, shared with {@code helper} when the index person has
	 * at least {@code splitFrom} stays and the helper is free: both threads plan the same ranges, then locate and scan
	 * chunks of {@code chunk} ranges that they claim in turn ({@link #scanClaimed}), each with its own filter and
	 * slots. Afterwards this thread takes the helper's contacts ({@link #mergeHelper}): persons it met too go through
	 * its side table, which keeps the earlier co-presence; {@link #emit} delivers the others from the helper's slots.
	 * The caller must call {@link #releaseHelper()} after {@link #emit}, also when either throws.
	 */
	int find(Snapshot snapshot, int dense, int from, int to, int tolerance, int minOverlap, int excludedPerson,
			LookupHelper helper, int splitFrom, int chunk) {
		if (helper == null || from >= to || staysOf(snapshot, dense) < splitFrom || !helper.tryAcquire()) {
			return find(snapshot, dense, from, to, tolerance, minOverlap, excludedPerson);
		}
		assistant = helper;
		helperRows = 0;
		AtomicInteger next = helper.post(snapshot, dense, from, to, tolerance, minOverlap, excludedPerson, chunk);
		begin(dense, tolerance, minOverlap, excludedPerson, true);
		boolean clean = false;
		try {
			planAll(snapshot, dense, from, to);
			scanClaimed(next, chunk);
			helper.allClaimed();
			// this thread's own repeat meetings are folded while the helper folds its own
			if (sideCount > 0) {
				foldSideTable();
			}
			if (helper.finish()) {
				helper.rethrowFailure();
				mergeHelper(helper.search);
			}
			settle();
			clean = true;
		}
		finally {
			if (!clean) {
				resetScratch();
			}
		}
		return count + helperRows;
	}

	/**
	 * The helper's side of a shared lookup (see {@link #find(Snapshot, int, int, int, int, int, int, LookupHelper,
	 * int, int)}): plans the same ranges (without the delta runs, which the lookup's own thread scans), scans the
	 * chunks it claims and settles its slots, which the lookup's thread reads until it releases the helper.
	 * @param skip whether every chunk is claimed already: then nothing is planned
	 */
	void findShared(Snapshot snapshot, int dense, int from, int to, int tolerance, int minOverlap, int excludedPerson,
			AtomicInteger next, int chunk, boolean skip) {
		begin(dense, tolerance, minOverlap, excludedPerson, false);
		boolean clean = false;
		try {
			if (!skip) {
				planAll(snapshot, dense, from, to);
				scanClaimed(next, chunk);
			}
			settle();
			clean = true;
		}
		finally {
			if (!clean) {
				resetScratch();
			}
		}
	}

	private void begin(int dense, int tolerance, int minOverlap, int excludedPerson, boolean withRuns) {
		this.count = 0;
		this.explicitCount = 0;
		this.ranges = 0;
		this.self = dense;
		this.excluded = excludedPerson;
		this.tolerance = tolerance;
		this.minOverlap = minOverlap;
		this.scanRuns = withRuns;
		mark(dense);
		if (excludedPerson >= 0) {
			mark(excludedPerson);
		}
	}

	private void planAll(Snapshot snapshot, int dense, int from, int to) {
		Shard[] shards = snapshot.shards;
		for (int s = 0; s < shards.length; s++) {
			searchShard(shards[s], s, dense, from, to);
		}
	}

	/** After a failure half-way: every mark is cleared, so that the scratch can be used again. */
	private void resetScratch() {
		Arrays.fill(filter, 0);
		Arrays.fill(sideKey, 0);
		Arrays.fill(sideFilter, 0);
		Arrays.fill(ownedChunk, false);
		sideCount = 0;
		count = 0;
		helperRows = 0;
		dupCount = 0;
		// planned ranges hold segments of this snapshot: a pooled search must not keep them alive
		Arrays.fill(rangeSegment, 0, ranges, null);
		ranges = 0;
	}

	/** The index person's stays in the day segments, all shards: what decides whether a lookup is shared. */
	private static int staysOf(Snapshot snapshot, int dense) {
		int stays = 0;
		for (Shard shard : snapshot.shards) {
			if (dense < shard.personStart.length - 1) {
				stays += shard.personStart[dense + 1] - shard.personStart[dense];
			}
		}
		return stays;
	}

	/** Lets the helper of the last {@link #find}, if any, go on to other lookups; its rows are no longer delivered. */
	void releaseHelper() {
		LookupHelper helper = assistant;
		if (helper != null) {
			assistant = null;
			helperRows = 0;
			dupCount = 0;
			// a lookup that failed while the helper ran must not hand it on before it is done
			helper.finish();
			helper.release();
		}
	}

	/**
	 * Locates and scans the planned ranges in chunks of {@code chunk} ranges claimed from {@code next}, which the
	 * other thread of a shared lookup claims from too: each takes what it gets to, and a helper that starts late or
	 * not at all only leaves more chunks to the lookup's thread. Afterwards the ranges this thread did not scan get
	 * empty slot intervals, so that walks over its slots see its own ranges only.
	 */
	private void scanClaimed(AtomicInteger next, int chunk) {
		int chunks = (ranges + chunk - 1) / chunk;
		if (ownedChunk.length < chunks) {
			ownedChunk = new boolean[Math.max(chunks, 2 * ownedChunk.length)];
		}
		boolean[] owned = ownedChunk;
		// one chunk located ahead of the one scanned, so that the rows the scan reads are on their way
		int c = next.getAndIncrement();
		if (c < chunks) {
			locate(c * chunk, Math.min(ranges, c * chunk + chunk));
		}
		while (c < chunks) {
			owned[c] = true;
			int ahead = next.getAndIncrement();
			if (ahead < chunks) {
				locate(ahead * chunk, Math.min(ranges, ahead * chunk + chunk));
			}
			scanRanges(c * chunk, Math.min(ranges, c * chunk + chunk));
			c = ahead;
		}
		int slotAfter = count;
		for (int g = chunks - 1; g >= 0; g--) {
			int a = g * chunk;
			if (owned[g]) {
				owned[g] = false;
				slotAfter = rangeSlot[a];
			}
			else {
				int b = Math.min(ranges, a + chunk);
				Arrays.fill(rangeSlot, a, b, slotAfter);
				Arrays.fill(rangeSegment, a, b, null);
			}
		}
	}

	/**
	 * Takes the helper's settled contacts: a person whose filter bit is set here (met by this thread too, or sharing
	 * a bit with one) goes to the side table with the helper's co-presence, and is left out when {@link #emit}
	 * delivers the helper's slots; {@link #settle} then keeps the earlier co-presence. Reads the helper's slots with
	 * this thread's ranges, which are the same.
	 */
	private void mergeHelper(ContactSearch helper) {
		long[] bits = filter;
		long[] hs = helper.slot;
		int n = helper.count;
		int[] dups = dup;
		int d = 0;
		for (int k = 0; k < n; k++) {
			int f = filterBit((int) (hs[k] >>> 32));
			if ((bits[f >>> 6] & 1L << f) != 0) {
				if (d == dups.length) {
					dups = dup = Arrays.copyOf(dups, 2 * d);
				}
				dups[d++] = k;
			}
		}
		dupCount = d;
		helperRows = n - d;
		int[] rangeStart = helper.rangeSlot;
		int r = -1;
		int nextStart = ranges > 0 ? rangeStart[0] : NO_MORE;
		for (int i = 0; i < d; i++) {
			int k = dups[i];
			while (k >= nextStart) {
				r++;
				nextStart = r + 1 < ranges ? rangeStart[r + 1] : NO_MORE;
			}
			rowOf(helper, hs[k], r, 0, PersonDictionary.DENSE, batchContact, batchVenue, batchStart, batchEnd);
			offerAgainAt((int) (hs[k] >>> 32), batchVenue[0], batchStart[0], batchEnd[0]);
		}
	}

	/** A person's filter bit. Persons that share a bit only take the side path: results never depend on the hash. */
	static int filterBit(int person) {
		return (person * FILTER_MIX) >>> (32 - FILTER_BITS);
	}

	private void mark(int person) {
		int f = filterBit(person);
		filter[f >>> 6] |= 1L << f;
	}

	/**
	 * Plans the lookups of the index person's stays in one shard. Each stay's own row, and then its venue, are rarely
	 * in cache, and one stay's loads do not depend on another's: the stays are read in passes (rows, then the packed
	 * time and block key of every stay, then every stay's venue, then the plans), so that the cache misses of one pass
	 * overlap instead of each stay waiting for its own in turn.
	 */
	private void searchShard(Shard shard, int shardIndex, int dense, int from, int to) {
		if (dense < shard.personStart.length - 1) {
			int first = shard.personStart[dense];
			int stays = shard.personStart[dense + 1] - first;
			if (stayRow.length < stays) {
				int capacity = Math.max(stays, 2 * stayRow.length);
				stayRow = new int[capacity];
				staySegment = new int[capacity];
				stayTime = new int[capacity];
				stayKey = new int[capacity];
			}
			int[] rows = shard.personRows;
			int[] rowBase = shard.rowBase;
			DaySegment[] segments = shard.segments;
			int seg = 0;
			for (int k = 0; k < stays; k++) {
				int ref = rows[first + k];
				// the person's rows ascend, and so do the segments' row bases
				while (ref >= rowBase[seg + 1]) {
					seg++;
				}
				int row = ref - rowBase[seg];
				DaySegment segment = segments[seg];
				staySegment[k] = seg;
				stayRow[k] = row;
				stayTime[k] = segment.time(row);
				stayKey[k] = segment.blockKey[row >>> DaySegment.BLOCK_BITS];
			}
			for (int k = 0; k < stays; k++) {
				stayKey[k] = segments[staySegment[k]].keyOf(stayRow[k], stayKey[k]);
			}
			for (int k = 0; k < stays; k++) {
				DaySegment segment = segments[staySegment[k]];
				int t = stayTime[k];
				int s1 = segment.dayStart + (t >>> DaySegment.DURATION_BITS);
				if (s1 >= from && s1 < to) {
					int local = stayKey[k] / DaySegment.CLASSES;
					plan(shard, local, local * shardCount + shardIndex, s1, s1 + (t & DaySegment.DURATION_MASK));
				}
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
				plan(shard, local, local * shardCount + shardIndex, s1, run.end[row]);
			}
		}
	}

	/**
	 * Lists the segment ranges that may hold presences at local venue {@code local} in contact with the stay
	 * {@code [s1, e1)}, and scans the shard's delta runs (small, recent, usually in cache) right away.
	 */
	private void plan(Shard shard, int local, int globalVenue, int s1, int e1) {
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
				planSegment(segment, local, globalVenue, s1, e1, lo, hi);
			}
		}
		if (scanRuns) {
			for (DeltaRun run : shard.runs) {
				scanRun(run, local, globalVenue, s1, e1, lo, hi);
			}
		}
	}

	private void planSegment(DaySegment segment, int local, int globalVenue, int s1, int e1, long lo, long hi) {
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
			if (loIn >= DaySegment.SECONDS_PER_DAY) {
				continue;
			}
			int r = ranges;
			if (r == rangeFrom.length) {
				growRanges();
			}
			rangeSegment[r] = segment;
			rangeFrom[r] = a;
			rangeTo[r] = b;
			rangeKey[r] = loIn > 0 ? (int) loIn << DaySegment.DURATION_BITS : -1;
			rangeHiKey[r] = hiKey;
			rangeVenue[r] = globalVenue;
			rangeDayStart[r] = ds;
			rangeS1[r] = s1 - ds;
			rangeE1[r] = e1 - ds;
			ranges = r + 1;
		}
	}

	/**
	 * Moves every planned range's start to a row at or before its first row with packed time {@code >= rangeKey}, at
	 * most one fence early (see {@link DaySegment#fence}). The binary searches over the fences of
	 * {@link #SEARCH_GROUP} ranges advance one step at a time together: each step issues independent loads, so the
	 * memory system serves them in parallel. The step moves {@code base} by a conditional add rather than a branch,
	 * which keeps the loads of the whole group in flight instead of waiting on mispredicted branches. Then the first
	 * row of every range is loaded early too, for the same reason.
	 */
	private void locate(int fromRange, int toRange) {
		int[] base = searchBase;
		int[] length = searchLength;
		int[] keys = searchKey;
		int sum = 0;
		for (int g = fromRange; g < toRange; g += SEARCH_GROUP) {
			int n = Math.min(SEARCH_GROUP, toRange - g);
			int longest = 0;
			for (int j = 0; j < n; j++) {
				int r = g + j;
				int key = rangeKey[r];
				// fences of rows [a, b): the blocks starting inside the range, [ceil(a / 16), ceil(b / 16))
				int first = (rangeFrom[r] + (1 << DaySegment.FENCE_BITS) - 1) >>> DaySegment.FENCE_BITS;
				int len = key < 0 ? 0 : Math.max(0, ((rangeTo[r] + (1 << DaySegment.FENCE_BITS) - 1) >>> DaySegment.FENCE_BITS) - first);
				base[j] = first;
				length[j] = len;
				// half the key's start in day, as fences hold it; a fence >= it may still be one second early, which only
				// makes the scan start earlier
				keys[j] = key >>> (DaySegment.DURATION_BITS + 1);
				longest = Math.max(longest, len);
			}
			// invariant: the first fence >= keys[j] of range g + j lies in [base, base + length]
			while (longest > 1) {
				longest -= longest >>> 1;
				for (int j = 0; j < n; j++) {
					int len = length[j];
					if (len > 1) {
						int half = len >>> 1;
						int b = base[j];
						// 1 when the probed fence is before the key (both are >= 0: no overflow)
						int before = (rangeSegment[g + j].fence[b + half] - keys[j]) >>> 31;
						base[j] = b + (half & -before);
						length[j] = len - half;
					}
				}
			}
			for (int j = 0; j < n; j++) {
				int r = g + j;
				DaySegment segment = rangeSegment[r];
				int a = rangeFrom[r];
				int fenceIndex = base[j];
				if (length[j] == 1 && segment.fence[fenceIndex] < keys[j]) {
					fenceIndex++;
				}
				// every row before the block preceding the first fence >= key is before the key
				int first = (a + (1 << DaySegment.FENCE_BITS) - 1) >>> DaySegment.FENCE_BITS;
				int start = rangeKey[r] < 0 || fenceIndex == first ? a : (fenceIndex - 1) << DaySegment.FENCE_BITS;
				rangeFrom[r] = start;
				sum += touch(segment, start, rangeTo[r], rangeHiKey[r]);
			}
		}
		touched += sum;
	}

	/**
	 * Loads one byte per cache line of the rows a range's scan will probably read, from {@code start} to about the
	 * first fence past the end key (at most {@link #TOUCH_FENCES} fences): the loads of all ranges are independent, so
	 * their cache misses overlap here instead of stalling the scan one range after another. Only a hint: any rows may
	 * be touched without changing a result.
	 */
	private static int touch(DaySegment segment, int start, int to, int hiKey) {
		if (start >= to) {
			return 0;
		}
		char[] fence = segment.fence;
		int hiHalf = hiKey >>> (DaySegment.DURATION_BITS + 1);
		int f = (start >>> DaySegment.FENCE_BITS) + 1;
		int limit = Math.min(f + TOUCH_FENCES, (to + (1 << DaySegment.FENCE_BITS) - 1) >>> DaySegment.FENCE_BITS);
		while (f < limit && fence[f] <= hiHalf) {
			f++;
		}
		byte[] rows = segment.rows;
		int last = DaySegment.ROW_BYTES * Math.min(to, f << DaySegment.FENCE_BITS);
		int sum = rows[last];
		for (int o = DaySegment.ROW_BYTES * start; o < last; o += 64) {
			sum += rows[o];
		}
		return sum;
	}

	private void scanRanges(int fromRange, int toRange) {
		for (int r = fromRange; r < toRange; r++) {
			DaySegment segment = rangeSegment[r];
			rangeSegment[r] = null;
			rangeSlot[r] = count;
			int endAbove = rangeS1[r] - tolerance;
			if (minOverlap > 0) {
				scanRowsWithMinOverlap(segment, rangeFrom[r], rangeTo[r], rangeHiKey[r], endAbove, rangeS1[r], rangeE1[r], r);
			}
			else {
				scanRows(segment, rangeFrom[r], rangeTo[r], rangeHiKey[r], endAbove, r);
			}
		}
	}

	/**
	 * Takes rows {@code [i, b)} of a segment up to the first with packed time {@code >= hiKey} whose stay ends after
	 * {@code endAbove}. Every row before the planned start is one whose stay ends at or before {@code endAbove}, so
	 * starting earlier is never wrong, only slower. The hot loop: few live values, one store per new contact.
	 */
	private void scanRows(DaySegment segment, int i, int b, int hiKey, int endAbove, int range) {
		byte[] rows = segment.rows;
		long[] bits = filter;
		long[] out = slot;
		int n = count;
		for (; i < b; i++) {
			long row = DaySegment.row(rows, i);
			int t = (int) row;
			if (t >= hiKey) {
				break;
			}
			if ((t >>> DaySegment.DURATION_BITS) + (t & DaySegment.DURATION_MASK) <= endAbove) {
				continue;
			}
			int q = (int) (row >>> 32 & DaySegment.PERSON_MASK);
			int f = filterBit(q);
			long bit = 1L << f;
			long word = bits[f >>> 6];
			if ((word & bit) != 0) {
				offerAgain(q, range, t);
				continue;
			}
			bits[f >>> 6] = word | bit;
			if (n == out.length) {
				out = slot = Arrays.copyOf(out, n * 2);
			}
			out[n++] = (long) q << 32 | t;
		}
		count = n;
	}

	private void scanRowsWithMinOverlap(DaySegment segment, int i, int b, int hiKey, int endAbove, int s1In, int e1In,
			int range) {
		int minOv = minOverlap;
		for (; i < b; i++) {
			int t = segment.time(i);
			if (t >= hiKey) {
				break;
			}
			int s2 = t >>> DaySegment.DURATION_BITS;
			int e2 = s2 + (t & DaySegment.DURATION_MASK);
			if (e2 <= endAbove || Math.min(e1In, e2) - Math.max(s1In, s2) < minOv) {
				continue;
			}
			int q = segment.person(i);
			int f = filterBit(q);
			long bit = 1L << f;
			if ((filter[f >>> 6] & bit) != 0) {
				offerAgain(q, range, t);
				continue;
			}
			filter[f >>> 6] |= bit;
			append((long) q << 32 | t);
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
			int f = filterBit(q);
			long bit = 1L << f;
			if ((filter[f >>> 6] & bit) != 0) {
				offerAgainAt(q, globalVenue, overlapStart, overlapEnd);
				continue;
			}
			filter[f >>> 6] |= bit;
			append((long) q << 32 | (-1 - explicit(globalVenue, overlapStart, overlapEnd)) & 0xFFFF_FFFFL);
		}
	}

	private void append(long value) {
		if (count == slot.length) {
			slot = Arrays.copyOf(slot, count * 2);
		}
		slot[count++] = value;
	}

	/** A new explicit entry; returns its index. */
	private int explicit(int atVenue, int overlapStart, int overlapEnd) {
		int e = explicitCount;
		if (e == explicitVenue.length) {
			explicitVenue = Arrays.copyOf(explicitVenue, e * 2);
			explicitStart = Arrays.copyOf(explicitStart, e * 2);
			explicitEnd = Arrays.copyOf(explicitEnd, e * 2);
			explicitRowTime = Arrays.copyOf(explicitRowTime, e * 2);
		}
		explicitVenue[e] = atVenue;
		explicitStart[e] = overlapStart;
		explicitEnd[e] = overlapEnd;
		explicitRowTime[e] = -1;
		explicitCount = e + 1;
		return e;
	}

	/** The rare path for a segment row of range {@code range} with packed time {@code t}. */
	private void offerAgain(int person, int range, int t) {
		int ds = rangeDayStart[range];
		int s2 = t >>> DaySegment.DURATION_BITS;
		int e2 = s2 + (t & DaySegment.DURATION_MASK);
		offerAgainAt(person, rangeVenue[range], ds + Math.max(rangeS1[range], s2), ds + Math.min(rangeE1[range], e2));
	}

	/** The rare path: a person maybe met already (or the index or excluded person, dropped here). */
	private void offerAgainAt(int person, int atVenue, int overlapStart, int overlapEnd) {
		if (person == self || person == excluded) {
			return;
		}
		int[] keys = sideKey;
		int mask = keys.length - 1;
		int key = person + 1;
		int at = (person * 0x9E3779B9) >>> sideShift;
		for (int k = keys[at]; k != 0; k = keys[at]) {
			if (k == key) {
				if (earlier(overlapStart, atVenue, overlapEnd, sideStart[at], sideVenue[at], sideEnd[at])) {
					sideStart[at] = overlapStart;
					sideVenue[at] = atVenue;
					sideEnd[at] = overlapEnd;
				}
				return;
			}
			at = (at + 1) & mask;
		}
		if (2 * (sideCount + 1) > keys.length) {
			growSide();
			keys = sideKey;
			mask = keys.length - 1;
			at = (person * 0x9E3779B9) >>> sideShift;
			while (keys[at] != 0) {
				at = (at + 1) & mask;
			}
		}
		keys[at] = key;
		sideVenue[at] = atVenue;
		sideStart[at] = overlapStart;
		sideEnd[at] = overlapEnd;
		sideUsed[sideCount++] = at;
	}

	/**
	 * Folds the side table into the slots and clears every mark: afterwards each person met has exactly one slot with
	 * its earliest co-presence, and {@code filter}, {@code sideFilter} and the side table are empty again.
	 */
	private void settle() {
		if (sideCount > 0) {
			foldSideTable();
		}
		long[] bits = filter;
		int n = count;
		// clearing the whole filter is sequential: cheaper than one scattered store per slot once slots are many
		if (n > bits.length >>> 2) {
			Arrays.fill(bits, 0);
		}
		else {
			long[] s = slot;
			for (int k = 0; k < n; k++) {
				bits[filterBit((int) (s[k] >>> 32)) >>> 6] = 0;
			}
			bits[filterBit(self) >>> 6] = 0;
			if (excluded >= 0) {
				bits[filterBit(excluded) >>> 6] = 0;
			}
		}
	}

	/**
	 * Side entries of persons with a slot are folded into it; the others (persons whose filter bit another person
	 * had set) become new slots. Their filter bits are already set, so the filter still covers every slot.
	 */
	private void foldSideTable() {
		// at least 32 bits per entry: about 1 slot in 32 is a candidate in vain
		int bits = Math.max(12, 32 - Integer.numberOfLeadingZeros(sideCount * 32 - 1));
		int shift = 32 - bits;
		int filterWords = 1 << (bits - 6);
		if (sideFilter.length < filterWords) {
			sideFilter = new long[filterWords];
		}
		long[] small = sideFilter;
		int[] keys = sideKey;
		for (int k = 0; k < sideCount; k++) {
			int f = ((keys[sideUsed[k]] - 1) * SIDE_FILTER_MIX) >>> shift;
			small[f >>> 6] |= 1L << f;
		}
		long[] s = slot;
		int n = count;
		if (foldCandidate.length <= n) {
			foldCandidate = new int[s.length + 1];
		}
		// a small loop without calls or branches over every slot; the few candidates are looked up after it
		int[] candidate = foldCandidate;
		int candidates = 0;
		for (int k = 0; k < n; k++) {
			int f = ((int) (s[k] >>> 32) * SIDE_FILTER_MIX) >>> shift;
			candidate[candidates] = k;
			candidates += (int) (small[f >>> 6] >>> f) & 1;
		}
		for (int c = 0; c < candidates; c++) {
			int k = candidate[c];
			foldSide(k, (int) (s[k] >>> 32));
		}
		Arrays.fill(small, 0, filterWords, 0);
		for (int k = 0; k < sideCount; k++) {
			int at = sideUsed[k];
			int key = keys[at];
			if (key != FOLDED) {
				append((long) (key - 1) << 32 | (-1 - explicit(sideVenue[at], sideStart[at], sideEnd[at])) & 0xFFFF_FFFFL);
			}
			keys[at] = 0;
		}
		sideCount = 0;
	}

	/**
	 * Folds the side table's entry for {@code person}, if any (the small filter may pass persons without one), into
	 * slot {@code k}, and marks it {@link #FOLDED}: still occupied for later probes, no longer a person without a slot.
	 */
	private void foldSide(int k, int person) {
		int[] keys = sideKey;
		int mask = keys.length - 1;
		int key = person + 1;
		int at = (person * 0x9E3779B9) >>> sideShift;
		for (int probe = keys[at]; probe != key; probe = keys[at]) {
			if (probe == 0) {
				return;
			}
			at = (at + 1) & mask;
		}
		keys[at] = FOLDED;
		int t = (int) slot[k];
		if (t < 0) {
			int e = -1 - t;
			if (earlier(sideStart[at], sideVenue[at], sideEnd[at], explicitStart[e], explicitVenue[e], explicitEnd[e])) {
				explicitVenue[e] = sideVenue[at];
				explicitStart[e] = sideStart[at];
				explicitEnd[e] = sideEnd[at];
			}
		}
		else {
			// the slot's own co-presence needs its range, which the delivery walk has at hand: it compares there
			int e = explicit(sideVenue[at], sideStart[at], sideEnd[at]);
			explicitRowTime[e] = t;
			slot[k] = (long) person << 32 | (-1 - e) & 0xFFFF_FFFFL;
		}
	}

	/** The earliest co-presence: smallest overlap start, then venue, then overlap end. */
	private static boolean earlier(int start1, int venue1, int end1, int start2, int venue2, int end2) {
		return start1 < start2 || start1 == start2 && (venue1 < venue2 || venue1 == venue2 && end1 < end2);
	}

	private void growSide() {
		int[] oldKey = sideKey;
		int[] oldVenue = sideVenue;
		int[] oldStart = sideStart;
		int[] oldEnd = sideEnd;
		int capacity = oldKey.length * 2;
		sideKey = new int[capacity];
		sideVenue = new int[capacity];
		sideStart = new int[capacity];
		sideEnd = new int[capacity];
		sideUsed = Arrays.copyOf(sideUsed, capacity / 2);
		sideShift--;
		int mask = capacity - 1;
		for (int k = 0; k < sideCount; k++) {
			int from = sideUsed[k];
			int person = oldKey[from] - 1;
			int at = (person * 0x9E3779B9) >>> sideShift;
			while (sideKey[at] != 0) {
				at = (at + 1) & mask;
			}
			sideKey[at] = oldKey[from];
			sideVenue[at] = oldVenue[from];
			sideStart[at] = oldStart[from];
			sideEnd[at] = oldEnd[from];
			sideUsed[k] = at;
		}
	}

	private void growRanges() {
		int capacity = rangeFrom.length * 2;
		rangeSegment = Arrays.copyOf(rangeSegment, capacity);
		rangeFrom = Arrays.copyOf(rangeFrom, capacity);
		rangeTo = Arrays.copyOf(rangeTo, capacity);
		rangeKey = Arrays.copyOf(rangeKey, capacity);
		rangeHiKey = Arrays.copyOf(rangeHiKey, capacity);
		rangeVenue = Arrays.copyOf(rangeVenue, capacity);
		rangeDayStart = Arrays.copyOf(rangeDayStart, capacity);
		rangeS1 = Arrays.copyOf(rangeS1, capacity);
		rangeE1 = Arrays.copyOf(rangeE1, capacity);
		rangeSlot = Arrays.copyOf(rangeSlot, capacity);
	}

	/**
	 * Delivers the contacts found by the last {@link #find} to {@code sink}, with {@code indexPerson} (caller's id) as
	 * the index person and contacts translated by {@code persons}, in batches of {@link #BATCH} rows. Walks the slots
	 * in order with the range that made them, so a slot's venue and overlap come from its range's stay and its
	 * packed time.
	 */
	void emit(PersonDictionary.View persons, int indexPerson, ContactSink sink) {
		emitSlots(this, persons, indexPerson, sink);
		if (helperRows > 0) {
			ContactSearch helper = assistant.search;
			helper.dropSlots(dup, dupCount, ranges);
			emitSlots(helper, persons, indexPerson, sink);
		}
	}

	/**
	 * Delivers the slots of {@code src}, this search or the helper of its shared lookup (whose ranges are this
	 * search's), in batches: walks them in order with the range that made them, so a slot's venue and overlap come
	 * from its range's stay and its packed time. The loop's shape is measured: a variant that skips the helper's
	 * merged slots on the way, instead of {@link #dropSlots} first, made the median Q1 20 % slower.
	 */
	private void emitSlots(ContactSearch src, PersonDictionary.View persons, int indexPerson, ContactSink sink) {
		int n = src.count;
		int[] contacts = batchContact;
		int[] venues = batchVenue;
		int[] starts = batchStart;
		int[] ends = batchEnd;
		long[] s = src.slot;
		int[] rangeStart = src.rangeSlot;
		int[] rowTimes = src.explicitRowTime;
		int[] otherStart = src.explicitStart;
		int[] otherVenue = src.explicitVenue;
		int[] otherEnd = src.explicitEnd;
		int r = -1;
		int venue = 0;
		int s1 = 0;
		int e1 = 0;
		int ds = 0;
		int nextStart = ranges > 0 ? rangeStart[0] : NO_MORE;
		for (int k = 0; k < n;) {
			int m = Math.min(BATCH, n - k);
			for (int j = 0; j < m; j++, k++) {
				while (k >= nextStart) {
					r++;
					venue = rangeVenue[r];
					ds = rangeDayStart[r];
					s1 = ds + rangeS1[r];
					e1 = ds + rangeE1[r];
					nextStart = r + 1 < ranges ? rangeStart[r + 1] : NO_MORE;
				}
				long x = s[k];
				int t = (int) x;
				contacts[j] = persons.externalOf((int) (x >>> 32));
				if (t >= 0) {
					int s2 = ds + (t >>> DaySegment.DURATION_BITS);
					venues[j] = venue;
					starts[j] = Math.max(s1, s2);
					ends[j] = Math.min(e1, s2 + (t & DaySegment.DURATION_MASK));
				}
				else {
					int e = -1 - t;
					int rowTime = rowTimes[e];
					int s2 = ds + (rowTime >>> DaySegment.DURATION_BITS);
					int ownStart = Math.max(s1, s2);
					int ownEnd = Math.min(e1, s2 + (rowTime & DaySegment.DURATION_MASK));
					if (rowTime >= 0 && earlier(ownStart, venue, ownEnd, otherStart[e], otherVenue[e], otherEnd[e])) {
						venues[j] = venue;
						starts[j] = ownStart;
						ends[j] = ownEnd;
					}
					else {
						venues[j] = otherVenue[e];
						starts[j] = otherStart[e];
						ends[j] = otherEnd[e];
					}
				}
			}
			sink.acceptAll(indexPerson, contacts, venues, starts, ends, m);
		}
	}

	/**
	 * Removes slots {@code drop[0..n-1]} (ascending) of the last lookup, so that {@link #emitSlots} does not deliver
	 * them: the helper's contacts that the lookup's own thread took over ({@link #mergeHelper}).
	 */
	private void dropSlots(int[] drop, int n, int rangeCount) {
		if (n == 0) {
			return;
		}
		long[] s = slot;
		int to = drop[0];
		for (int d = 0; d < n; d++) {
			int end = d + 1 < n ? drop[d + 1] : count;
			int from = drop[d] + 1;
			System.arraycopy(s, from, s, to, end - from);
			to += end - from;
		}
		int[] start = rangeSlot;
		int d = 0;
		for (int r = 0; r < rangeCount; r++) {
			while (d < n && drop[d] < start[r]) {
				d++;
			}
			start[r] -= d;
		}
		count -= n;
	}

	/**
	 * The row of slot value {@code x} of {@code src} (this search or its helper) made by range {@code r} of this
	 * search's plan, into position {@code j} of the arrays; as {@link #emit} computes it.
	 */
	private void rowOf(ContactSearch src, long x, int r, int j, PersonDictionary.View persons, int[] contacts,
			int[] venues, int[] starts, int[] ends) {
		int t = (int) x;
		contacts[j] = persons.externalOf((int) (x >>> 32));
		int rowTime = t;
		int e = -1;
		if (t < 0) {
			e = -1 - t;
			rowTime = src.explicitRowTime[e];
		}
		if (rowTime >= 0) {
			int venue = rangeVenue[r];
			int ds = rangeDayStart[r];
			int s2 = ds + (rowTime >>> DaySegment.DURATION_BITS);
			int ownStart = Math.max(ds + rangeS1[r], s2);
			int ownEnd = Math.min(ds + rangeE1[r], s2 + (rowTime & DaySegment.DURATION_MASK));
			if (e < 0 || earlier(ownStart, venue, ownEnd, src.explicitStart[e], src.explicitVenue[e], src.explicitEnd[e])) {
				venues[j] = venue;
				starts[j] = ownStart;
				ends[j] = ownEnd;
				return;
			}
		}
		venues[j] = src.explicitVenue[e];
		starts[j] = src.explicitStart[e];
		ends[j] = src.explicitEnd[e];
	}
}
