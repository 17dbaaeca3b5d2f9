package org.gridguard.response;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A follow-up action of a drill, owned by a party, due on a day, tracked until it is closed with what was done.
 *
 * @param dueOn the last day it may be done on; from the next day on it is overdue
 * @param escalation 0 not overdue yet, 1 the owner was told it is overdue, 2 the city command was told too
 */
public record FollowUp(long id, long drillId, String action, Owner owner, LocalDate dueOn, State state, int escalation,
		Instant createdAt, String createdBy, @Nullable Instant closedAt, @Nullable String closedBy,
		@Nullable String closingNote) {

	public enum State {

		OPEN, DONE

	}

	/** Whole days past its day at {@code today} (0 when not overdue). */
	public long daysOverdue(LocalDate today) {
		return overdue(today) ? java.time.temporal.ChronoUnit.DAYS.between(dueOn, today) : 0;
	}

	/** Whether it is open past its day at {@code today}. */
	public boolean overdue(LocalDate today) {
		return state == State.OPEN && dueOn.isBefore(today);
	}

}
