package org.gridguard.gathering;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A filed meeting or event. Message keys: {@code gathering.state.<STATE>}, {@code gathering.tier.<TIER>}.
 *
 * @param organizerId the registered organizer unit it was filed for, if any
 * @param organizer the organizer's name as filed
 * @param sector the department that answers for events of its kind (部门 of the four parties)
 * @param tier the tier the profile in force gave it ({@link EventRules.Tier})
 * @param responseLevel the response level whose profile decided
 * @param venueId the venue that carries its code once approved
 * @param code the code attendees check in with (the venue's code) once approved
 */
public record Gathering(long id, String name, @Nullable Long organizerId, String organizer, String responsiblePerson,
		String responsiblePhone, String townCode, String address, String sector, Instant startsAt, Instant endsAt,
		int expectedHeadcount, boolean indoor, String whyNotOnline, State state, String tier, String responseLevel,
		@Nullable Instant decidedAt, @Nullable Long venueId, @Nullable String code, @Nullable String planFilename,
		Instant filedAt, String filedBy) {

	public enum State {

		/** Waiting for its approval steps. */
		PENDING,
		/** May be held (every step approved, or none needed). */
		APPROVED,
		/** Not held under the rules in force when filed, with the reasons. */
		REFUSED,
		/** An approver decided against it, with the reason. */
		REJECTED,
		/** Withdrawn by the organizer or the command. */
		CANCELLED;

		public String messageKey() {
			return "gathering.state." + name();
		}

	}

	/** Whether it is approved and takes place at {@code now}. */
	public boolean running(Instant now) {
		return state == State.APPROVED && !now.isBefore(startsAt) && now.isBefore(endsAt);
	}

	public boolean ended(Instant now) {
		return !now.isBefore(endsAt);
	}

	public String tierKey() {
		return "gathering.tier." + tier;
	}

}
