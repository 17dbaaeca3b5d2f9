package org.gridguard.control;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Work for the grid: verify a pushed person on site (VERIFY), confirm a release (RELEASE), or receive a person coming
 * home from a quarantine site for the plan's next stage (HANDOVER). The SLA clock runs from creation: acknowledge by
 * {@code ackDueAt}, finish by {@code dueAt}.
 */
public record VerificationTask(long id, long riskPersonId, Kind kind, String regionCode, State state,
		Instant createdAt, Instant ackDueAt, Instant dueAt, @Nullable Instant acceptedAt, @Nullable String acceptedBy,
		@Nullable Instant completedAt, @Nullable String completedBy, @Nullable String outcome, int escalationLevel) {

	/** Kinds of task. */
	public enum Kind {

		VERIFY, RELEASE, HANDOVER

	}

	/** Task states. Message keys: {@code control.task.state.<NAME>}. */
	public enum State {

		OPEN, ACCEPTED, DONE, CANCELLED;

		public boolean open() {
			return this == OPEN || this == ACCEPTED;
		}

	}

	public boolean overdue(Instant now) {
		return state.open() && now.isAfter(dueAt);
	}

	public boolean ackOverdue(Instant now) {
		return state == State.OPEN && now.isAfter(ackDueAt);
	}

}
