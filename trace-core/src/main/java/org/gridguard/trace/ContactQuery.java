package org.gridguard.trace;

/**
 * The parameters of a co-presence query, all in seconds.
 *
 * <p>An index person's presence {@code [s1, e1)} is looked up when {@code from <= s1 < to}. Another person's presence
 * {@code [s2, e2)} at the same venue is a contact when {@code s1 < e2 + tolerance} and {@code s2 < e1 + tolerance}
 * (strict: stays that touch are not contacts at tolerance 0) and, when {@code minOverlap > 0}, also
 * {@code min(e1, e2) - max(s1, s2) >= minOverlap}.
 *
 * @param from first start time of the index person's presences to consider (inclusive), seconds since the index epoch
 * @param to end of that window (exclusive), seconds since the index epoch
 * @param tolerance distance in time still counted as contact, seconds, {@code 0..MAX_TOLERANCE}
 * @param minOverlap minimum overlap, seconds, {@code 0} for none; at most {@code MAX_TOLERANCE}
 */
public record ContactQuery(int from, int to, int tolerance, int minOverlap) {

	/** Largest tolerance (and minimum overlap) accepted: seven days. */
	public static final int MAX_TOLERANCE = 7 * 86_400;

	public ContactQuery {
		if (from > to) {
			throw new IllegalArgumentException("from %d is after to %d".formatted(from, to));
		}
		if (tolerance < 0 || tolerance > MAX_TOLERANCE) {
			throw new IllegalArgumentException("tolerance %d s is outside 0..%d".formatted(tolerance, MAX_TOLERANCE));
		}
		if (minOverlap < 0 || minOverlap > MAX_TOLERANCE) {
			throw new IllegalArgumentException("minOverlap %d s is outside 0..%d".formatted(minOverlap, MAX_TOLERANCE));
		}
	}

	/** All presences of the index person, at tolerance 0 and without a minimum overlap. */
	public static ContactQuery allTime() {
		return new ContactQuery(0, Integer.MAX_VALUE, 0, 0);
	}

	/** The same window with another tolerance. */
	public ContactQuery withTolerance(int seconds) {
		return new ContactQuery(from, to, seconds, minOverlap);
	}

	/** The same window with another minimum overlap. */
	public ContactQuery withMinOverlap(int seconds) {
		return new ContactQuery(from, to, tolerance, seconds);
	}
}
