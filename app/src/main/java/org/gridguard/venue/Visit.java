package org.gridguard.venue;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of a venue's visitor log: who (masked), when, their colour at the door and whether they were admitted.
 *
 * @param channel SCAN, COMPANION, DESK or API
 */
public record Visit(Instant at, Instant until, @Nullable Instant leftAt, long personId, String name, String idMasked,
		String colour, boolean admitted, String channel) {

	/** A part of a visitor log: the check-ins refused at the door, or those of persons red at the time. */
	public enum Only {

		REFUSED, RED

	}

}
