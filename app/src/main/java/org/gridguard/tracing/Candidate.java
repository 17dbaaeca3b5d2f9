package org.gridguard.tracing;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A proposed contact of a case, with where the proposal came from and how it was classified.
 *
 * @param venueId where the earliest co-presence was (VENUE and SECOND_DEGREE)
 * @param overlapStart start of that co-presence; {@code overlapEnd} its end
 * @param viaPersonId for second-degree contacts: the close contact through whom
 * @param regionCode where the person lives (grid), if known
 * @param rule why the classification: the rule, or "by hand"
 */
public record Candidate(long id, long investigationId, long personId, Source source, @Nullable Long venueId,
		@Nullable Instant overlapStart, @Nullable Instant overlapEnd, @Nullable Long viaPersonId,
		@Nullable String regionCode, Classification classification, @Nullable String rule,
		@Nullable String classifiedBy, @Nullable Instant classifiedAt, @Nullable Instant confirmedAt) {

	/** Where a proposal came from. */
	public enum Source {

		VENUE, HOUSEHOLD, SECOND_DEGREE, MANUAL

	}

	/** The epidemiologist's classification. Message keys: {@code tracing.classification.<NAME>}. */
	public enum Classification {

		PROPOSED, CLOSE_CONTACT, SECONDARY_CONTACT, GENERAL_CONTACT,
		/** At a crowded venue: told by a venue-level notice instead of door-to-door work. */
		NOTICE, EXCLUDED;

		/** Whether confirming sends the person to the control loop. */
		public boolean controlled() {
			return this == CLOSE_CONTACT || this == SECONDARY_CONTACT || this == GENERAL_CONTACT;
		}

	}

	/** Minutes of overlap, 0 when none is known or the stays only came within the tolerance. */
	public long overlapMinutes() {
		if (overlapStart == null || overlapEnd == null || !overlapEnd.isAfter(overlapStart)) {
			return 0;
		}
		return Duration.between(overlapStart, overlapEnd).toMinutes();
	}

}
