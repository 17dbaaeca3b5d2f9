package org.gridguard.response;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One decision of the city admin on the response level: the level, from when it holds, why, and who took it when.
 * The level in force at a time is the one of the latest change (by {@code since}) that is not cancelled and has
 * begun.
 *
 * @param reason the admin's words; {@code null} only for the level the city started with
 * @param cancelledAt when a change scheduled for later was called off, else {@code null}
 */
public record LevelChange(long id, ResponseLevel level, Instant since, @Nullable String reason, Instant changedAt,
		String changedBy, @Nullable Instant cancelledAt) {

	/** Whether this change has begun at {@code now} (and was not cancelled). */
	public boolean inForceFrom(Instant now) {
		return cancelledAt == null && !since.isAfter(now);
	}

}
