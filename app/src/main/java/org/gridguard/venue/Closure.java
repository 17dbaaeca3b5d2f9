package org.gridguard.venue;

/**
 * Closed management of a venue (封闭管理). Message keys: {@code venue.closure.<NAME>}.
 */
public enum Closure {

	/** Normal entry verification: green enters, yellow is restricted, red is refused. */
	OPEN,
	/** 全封闭: visitors are refused; only staff on a current closed-loop shift enter. */
	CLOSED,
	/** 只出不进: nobody enters, residents and staff alike; leaving is allowed. */
	EXIT_ONLY;

	/** Whether a person may enter under this closure, given whether they are staff on a current closed-loop shift. */
	public boolean admits(boolean staffOnShift) {
		return this == OPEN || (this == CLOSED && staffOnShift);
	}

}
