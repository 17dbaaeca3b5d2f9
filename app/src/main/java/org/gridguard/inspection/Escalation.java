package org.gridguard.inspection;

import java.time.Duration;
import java.time.Instant;

/**
 * How far an open order without evidence is escalated at a moment: not at all until its deadline; to the department
 * of its sector and the town once past it (level 1); to the city command as well once it is {@code cityAfter} past
 * it (level 2).
 */
record Escalation(Duration cityAfter) {

	static final int DEPARTMENT_AND_TOWN = 1;

	static final int CITY = 2;

	/** The level an order due at {@code dueAt} has reached at {@code now}. */
	int levelAt(Instant dueAt, Instant now) {
		if (dueAt.isBefore(dueBefore(CITY, now))) {
			return CITY;
		}
		return dueAt.isBefore(dueBefore(DEPARTMENT_AND_TOWN, now)) ? DEPARTMENT_AND_TOWN : 0;
	}

	/** Orders due before this moment have reached {@code level} at {@code now}. */
	Instant dueBefore(int level, Instant now) {
		return level >= CITY ? now.minus(cityAfter) : now;
	}

}
