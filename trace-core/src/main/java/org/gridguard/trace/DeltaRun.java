package org.gridguard.trace;

import java.util.Arrays;

/**
 * Check-ins of one shard appended since the day segments were last compacted: small, immutable, unpacked.
 *
 * <p>Invariants: rows are sorted by {@code key = localVenue << 32 | start}, ties in append order; {@code start} and
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

	private DeltaRun(long[] key, int[] end, int[] person) {
		this.key = key;
		this.end = end;
		this.person = person;
		int n = key.length;
		long[] order = new long[n];
		for (int i = 0; i < n; i++) {
			order[i] = (long) person[i] << 32 | i;
		}
		Arrays.sort(order);
		this.byPerson = new int[n];
		this.byPersonId = new int[n];
		for (int k = 0; k < n; k++) {
			byPerson[k] = (int) order[k];
			byPersonId[k] = (int) (order[k] >>> 32);
		}
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

	/** A run of rows {@code [0, n)} of the given arrays, sorted here. */
	static DeltaRun of(int[] venue, int[] start, int[] end, int[] person, int n) {
		long[] keys = new long[n];
		for (int i = 0; i < n; i++) {
			keys[i] = key(venue[i], start[i]);
		}
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		sortByKey(order, keys, new int[n], 0, n);
		long[] k = new long[n];
		int[] e = new int[n];
		int[] p = new int[n];
		for (int i = 0; i < n; i++) {
			int r = order[i];
			k[i] = keys[r];
			e[i] = end[r];
			p[i] = person[r];
		}
		return new DeltaRun(k, e, p);
	}

	/** Stable merge sort of row indices by key. */
	private static void sortByKey(int[] order, long[] keys, int[] scratch, int from, int to) {
		if (to - from < 2) {
			return;
		}
		int mid = (from + to) >>> 1;
		sortByKey(order, keys, scratch, from, mid);
		sortByKey(order, keys, scratch, mid, to);
		if (keys[order[mid - 1]] <= keys[order[mid]]) {
			return;
		}
		System.arraycopy(order, from, scratch, from, to - from);
		int a = from;
		int b = mid;
		for (int out = from; out < to; out++) {
			if (b >= to || (a < mid && keys[scratch[a]] <= keys[scratch[b]])) {
				order[out] = scratch[a++];
			}
			else {
				order[out] = scratch[b++];
			}
		}
	}

	/** The rows of both runs, older run first among equal keys. */
	static DeltaRun merge(DeltaRun older, DeltaRun newer) {
		int n = older.rows() + newer.rows();
		long[] k = new long[n];
		int[] e = new int[n];
		int[] p = new int[n];
		int a = 0;
		int b = 0;
		for (int out = 0; out < n; out++) {
			if (b >= newer.rows() || (a < older.rows() && older.key[a] <= newer.key[b])) {
				k[out] = older.key[a];
				e[out] = older.end[a];
				p[out] = older.person[a++];
			}
			else {
				k[out] = newer.key[b];
				e[out] = newer.end[b];
				p[out] = newer.person[b++];
			}
		}
		return new DeltaRun(k, e, p);
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
		return new DeltaRun(k, e, p);
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
