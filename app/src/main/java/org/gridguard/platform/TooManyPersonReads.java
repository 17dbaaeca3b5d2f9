package org.gridguard.platform;

/**
 * An account asked for more person records within a minute than {@code gridguard.personal-data.reads-per-minute}
 * allows: pages answer 429 with an explanation, the API 429 with {@code {"errors":[…]}} and {@code Retry-After}.
 */
public class TooManyPersonReads extends RuntimeException {

	private final int limit;

	private final long retryAfterSeconds;

	TooManyPersonReads(String username, int limit, long retryAfterSeconds) {
		super(username + " read more than " + limit + " person records within a minute");
		this.limit = limit;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/** The configured person records per minute. */
	public int limit() {
		return limit;
	}

	/** Seconds until the request could be served. */
	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

}
