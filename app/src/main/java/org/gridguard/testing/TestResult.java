package org.gridguard.testing;

import java.time.Instant;

/**
 * A stored test result.
 */
public record TestResult(long id, long personId, Instant sampledAt, Kind kind, Outcome result, boolean pooled,
		String source, Instant receivedAt) {

	/** 核酸 (NAT) or antigen. */
	public enum Kind {

		NAT, ANTIGEN

	}

	/** The result. */
	public enum Outcome {

		POSITIVE, NEGATIVE

	}

	public boolean positive() {
		return result == Outcome.POSITIVE;
	}

}
