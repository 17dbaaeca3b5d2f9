package org.gridguard.gathering;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One person on an event's attendee list and the result of their check. Message keys:
 * {@code gathering.attendee.verdict.<VERDICT>}.
 *
 * @param travel the recent stays the person declared (近14天旅居地), as written
 * @param colour the status colour when last checked
 */
public record Attendee(long id, long eventId, long personId, @Nullable String travel, Verdict verdict, String colour,
		Instant checkedAt) {

	public enum Verdict {

		ADMIT, EXCLUDE;

		public String messageKey() {
			return "gathering.attendee.verdict." + name();
		}

	}

}
