package org.gridguard.trace;

import java.util.Arrays;

/**
 * Check-ins of one shard appended since the day segments were last compacted: small, immutable, unpacked.
 *
 * <p>Invariants: rows are sorted by {@code key = localVenue << 32 | start}; {@code start} and
 * {@code end} are seconds since the index epoch with {@code start <= end <= start + maxStay}. {@code byPerson}
 * lists row indices ordered by (dense person, row), and {@code byPersonId[k]} is the person of row
 * {@code byPerson[k]}, so one person's rows are a range found by binary search.
 */
final class DeltaRun {

	final long[] key;
	final int[] end;
	final int[] person;
	final int[] byPerson;
	final int[] byPersonId;

	private DeltaRun(long[] key, int[] end, int[] person, int[] byPerson, int[] byPersonId) {
		this.key = key;
		this.end = end;
		this.person = person;
		this.byPerson = byPerson;
		this.byPersonId = byPersonId;
	}

	private static DeltaRun indexed(long[] key, int[] end, int[] person) {
		int n = key.length;
		long[] order = new long[n];
		for (int i = 0; i < n; i++) {
			order[i] = (long) person[i] << 32 | i;
		}
		Arrays.sort(order);
		int[] byPerson = new int[n];
		int[] byPersonId = new int[n];
		for (int k = 0; k < n; k++) {
			byPerson[k] = (int) order[k];
			byPersonId[k] = (int) (order[k] >>> 32);
		}
		return new DeltaRun(key, end, person, byPerson, byPersonId);
	}

	static long key(int localVenue, int start) {
		return (long) localVenue << 32 | start;
	}

	int rows() {
		return key.length;
	}

	int start(int row) {
		return (int) key[row];
	}

	int venue(int row) {
		return (int) (key[row] >>> 32);
	}

	long memoryBytes() {
		return 24L * key.length;
	}

	/** A run of rows {@code [0, n)} of the given arrays, sorted here: by venue (counting), then by start. */
	static DeltaRun of(int[] venue, int[] start, int[] end, int[] person, int n) {
		int venues = 0;
		for (int i = 0; i < n; i++) {
			venues = Math.max(venues, venue[i] + 1);
		}
		int[] venueStart = new int[venues + 1];
		for (int i = 0; i < n; i++) {
			venueStart[venue[i] + 1]++;
		}
		for (int v = 0; v < venues; v++) {
			venueStart[v + 1] += venueStart[v];
		}
		// start << 32 | original row: sorting these orders a venue's rows by start, ties in append order
		long[] order = new long[n];
		int[] next = Arrays.copyOf(venueStart, venues);
		for (int i = 0; i < n; i++) {
			order[next[venue[i]]++] = (long) start[i] << 32 | i;
		}
		long[] k = new long[n];
		int[] e = new int[n];
		int[] p = new int[n];
		for (int v = 0; v < venues; v++) {
			Arrays.sort(order, venueStart[v], venueStart[v + 1]);
			for (int at = venueStart[v]; at < venueStart[v + 1]; at++) {
				int r = (int) order[at];
				k[at] = key(v, start[r]);
				e[at] = end[r];
				p[at] = person[r];
			}
		}
		return indexed(k, e, p);
	}

	/** The rows of both runs, older run first among equal keys; both orders are merged in linear time. */
	static DeltaRun merge(DeltaRun older, DeltaRun newer) {
		int na = older.rows();
		int nb = newer.rows();
		int n = na + nb;
		long[] k = new long[n];
		int[] e = new int[n];
		int[] p = new int[n];
		int[] newRowOfA = new int[na];
		int[] newRowOfB = new int[nb];
		int a = 0;
		int b = 0;
		for (int out = 0; out < n; out++) {
			if (b >= nb || (a < na && older.key[a] <= newer.key[b])) {
				k[out] = older.key[a];
				e[out] = older.end[a];
				p[out] = older.person[a];
				newRowOfA[a++] = out;
			}
			else {
				k[out] = newer.key[b];
				e[out] = newer.end[b];
				p[out] = newer.person[b];
				newRowOfB[b++] = out;
			}
		}
		// each run's byPerson is ordered by (person, row) and row renumbering is monotone within a run
		int[] byPerson = new int[n];
		int[] byPersonId = new int[n];
		a = 0;
		b = 0;
		for (int out = 0; out < n; out++) {
			boolean takeA;
			if (b >= nb) {
				takeA = true;
			}
			else if (a >= na) {
				takeA = false;
			}
			else {
				int pa = older.byPersonId[a];
				int pb = newer.byPersonId[b];
				takeA = pa < pb || pa == pb && newRowOfA[older.byPerson[a]] < newRowOfB[newer.byPerson[b]];
			}
			if (takeA) {
				byPersonId[out] = older.byPersonId[a];
				byPerson[out] = newRowOfA[older.byPerson[a++]];
			}
			else {
				byPersonId[out] = newer.byPersonId[b];
				byPerson[out] = newRowOfB[newer.byPerson[b++]];
			}
		}
		return new DeltaRun(k, e, p, byPerson, byPersonId);
	}

	/** This run without rows that start before {@code day}, or this run itself if none does. */
	DeltaRun withoutDaysBefore(int day) {
		long horizon = (long) day * DaySegment.SECONDS_PER_DAY;
		int kept = 0;
		for (int i = 0; i < key.length; i++) {
			if (start(i) >= horizon) {
				kept++;
			}
		}
		if (kept == key.length) {
			return this;
		}
		long[] k = new long[kept];
		int[] e = new int[kept];
		int[] p = new int[kept];
		int out = 0;
		for (int i = 0; i < key.length; i++) {
			if (start(i) >= horizon) {
				k[out] = key[i];
				e[out] = end[i];
				p[out++] = person[i];
			}
		}
		return indexed(k, e, p);
	}

	/** First row with {@code key >= k}. */
	int lowerBound(long k) {
		int lo = 0;
		int hi = key.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (key[mid] < k) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	/** First position in {@code byPersonId} holding {@code dense}, or where it would be. */
	int firstOfPerson(int dense) {
		int lo = 0;
		int hi = byPersonId.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (byPersonId[mid] < dense) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}
}
