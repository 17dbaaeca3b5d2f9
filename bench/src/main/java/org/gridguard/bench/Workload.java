package org.gridguard.bench;

import java.util.SplittableRandom;

/**
 * The reference tracing workload of {@code BENCH.md}, reproduced draw for draw.
 *
 * <p>Order of draws from {@code SplittableRandom(20240301)}: the only one of the plausible orders tried that yields
 * exactly 41,967,041 check-ins and exactly 8,255,031 Q2 pairs at full scale. The count alone fixes steps 1 and 2
 * (counts drawn per check-in, a cached second Gaussian, or no permutation first all miss it); the Q2 pair count then
 * fixes step 3 (venue first, or the stay's Gaussian drawn before the "no check-out" test, miss it).
 * <ol>
 * <li>the rank-to-venue permutation: Fisher–Yates over ids {@code 0..venues-1}, for {@code i} from {@code venues-1}
 * down to 1 swap {@code i} with {@code nextInt(i + 1)}; rank {@code r} (1-based) is venue {@code ids[r - 1]};</li>
 * <li>every person's number of check-ins, persons in id order, each from its own Box–Muller pair
 * ({@code u1 = nextDouble()}, {@code u2 = nextDouble()}, {@code Z = sqrt(-2 ln u1) cos(2 pi u2)}, StrictMath, no
 * second Gaussian kept): {@code round(exp(ln 30 + 0.82 Z))} clamped to [1, 500];</li>
 * <li>then the check-ins, persons in id order: day {@code nextInt(14)}, hour (one {@code nextDouble()} against the
 * cumulative hour weights), second {@code nextInt(3600)}, venue (Zipf by inverting the cumulative rank weights with
 * one {@code nextDouble()}), then {@code nextDouble() < 0.2} for "no check-out", else a stay of
 * {@code round(exp(ln 1800 + 0.8 Z))} s clamped to [120, 14400] from a fresh Box–Muller pair.</li>
 * </ol>
 * Index persons come from {@code SplittableRandom(20240302)}: {@code nextInt(persons)} until 1,400 distinct, the first
 * 200 for Q1 timing, the next 200 for warm-up, the last 1,000 for Q2. Times are seconds since T0 =
 * 2024-03-01T00:00Z; a check-in without check-out has {@code end = -1}.
 */
final class Workload {

	static final long FULL_CHECK_INS = 41_967_041L;
	static final long FULL_Q2_PAIRS = 8_255_031L;
	static final int FULL_PERSONS = 1_000_000;
	static final int FULL_VENUES = 20_000;
	static final int DAYS = 14;
	/** 2024-03-01T00:00Z, the epoch of all times here. */
	static final long T0_EPOCH_SECOND = 1_709_251_200L;
	static final int DEFAULT_STAY = 1_800;

	private static final double[] HOUR_WEIGHTS = { 0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 1, 3, 5, 5, 6, 7, 9, 8, 6, 6, 7, 9, 10, 9, 6,
			4, 2, 1 };

	final int persons;
	final int venues;
	final int size;
	final int[] venue;
	final int[] person;
	final int[] start;
	/** Check-out second, or -1 when there was none. */
	final int[] end;
	final int[] q1Persons;
	final int[] warmUpPersons;
	final int[] q2Persons;

	private Workload(int persons, int venues, int size, int[] venue, int[] person, int[] start, int[] end, int[] drawn) {
		this.persons = persons;
		this.venues = venues;
		this.size = size;
		this.venue = venue;
		this.person = person;
		this.start = start;
		this.end = end;
		this.q1Persons = java.util.Arrays.copyOfRange(drawn, 0, 200);
		this.warmUpPersons = java.util.Arrays.copyOfRange(drawn, 200, 400);
		this.q2Persons = java.util.Arrays.copyOfRange(drawn, 400, 1_400);
	}

	static Workload generate(int persons, int venues) {
		SplittableRandom rng = new SplittableRandom(20240301L);
		int[] ids = new int[venues];
		for (int i = 0; i < venues; i++) {
			ids[i] = i;
		}
		for (int i = venues - 1; i >= 1; i--) {
			int j = rng.nextInt(i + 1);
			int t = ids[i];
			ids[i] = ids[j];
			ids[j] = t;
		}
		double[] venueCdf = new double[venues];
		double sum = 0;
		for (int rank = 1; rank <= venues; rank++) {
			sum += 1.0 / StrictMath.pow(rank, 0.7);
			venueCdf[rank - 1] = sum;
		}
		double[] hourCdf = new double[24];
		double hours = 0;
		for (int h = 0; h < 24; h++) {
			hours += HOUR_WEIGHTS[h];
			hourCdf[h] = hours;
		}
		int[] counts = new int[persons];
		long total = 0;
		double ln30 = StrictMath.log(30);
		for (int p = 0; p < persons; p++) {
			long n = Math.round(StrictMath.exp(ln30 + 0.82 * gaussian(rng)));
			counts[p] = (int) Math.max(1, Math.min(500, n));
			total += counts[p];
		}
		int size = Math.toIntExact(total);
		int[] venue = new int[size];
		int[] person = new int[size];
		int[] start = new int[size];
		int[] end = new int[size];
		double ln1800 = StrictMath.log(1800);
		int row = 0;
		for (int p = 0; p < persons; p++) {
			for (int k = 0; k < counts[p]; k++) {
				int day = rng.nextInt(DAYS);
				int hour = firstAbove(hourCdf, rng.nextDouble() * hours);
				int second = rng.nextInt(3_600);
				int v = ids[firstAbove(venueCdf, rng.nextDouble() * sum)];
				int s = day * 86_400 + hour * 3_600 + second;
				int e;
				if (rng.nextDouble() < 0.2) {
					e = -1;
				}
				else {
					long stay = Math.round(StrictMath.exp(ln1800 + 0.8 * gaussian(rng)));
					e = s + (int) Math.max(120, Math.min(14_400, stay));
				}
				venue[row] = v;
				person[row] = p;
				start[row] = s;
				end[row] = e;
				row++;
			}
		}
		SplittableRandom second = new SplittableRandom(20240302L);
		boolean[] taken = new boolean[persons];
		int[] drawn = new int[1_400];
		for (int i = 0; i < drawn.length;) {
			int p = second.nextInt(persons);
			if (!taken[p]) {
				taken[p] = true;
				drawn[i++] = p;
			}
		}
		return new Workload(persons, venues, size, venue, person, start, end, drawn);
	}

	private static double gaussian(SplittableRandom rng) {
		double u1 = rng.nextDouble();
		double u2 = rng.nextDouble();
		return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
	}

	/** First index whose cumulative weight exceeds {@code u}. */
	private static int firstAbove(double[] cdf, double u) {
		int lo = 0;
		int hi = cdf.length - 1;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (cdf[mid] > u) {
				hi = mid;
			}
			else {
				lo = mid + 1;
			}
		}
		return lo;
	}

	/** Check-out second with the default stay applied to check-ins without one. */
	int resolvedEnd(int row) {
		return end[row] < 0 ? start[row] + DEFAULT_STAY : end[row];
	}
}
