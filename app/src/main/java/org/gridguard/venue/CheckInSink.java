package org.gridguard.venue;

/**
 * Receives check-ins as primitives, without an object per check-in.
 */
@FunctionalInterface
public interface CheckInSink {

	/**
	 * One check-in.
	 * @param personId the person
	 * @param venueId the venue (below 2^31)
	 * @param start arrival, epoch seconds
	 * @param end end of the stay, epoch seconds: the declared departure, or arrival plus the default stay, capped at
	 * the maximum stay
	 */
	void accept(long personId, long venueId, long start, long end);

}
