package org.gridguard.quarantine;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A person's stay at a site, from admission to release (or to hospital).
 *
 * @param plannedReleaseOn the last day of the central isolation stage: the release day when the tests allow it
 * @param handedOver whether the person's grid received them for the plan's next stage
 */
public record Stay(long id, @Nullable Long transferId, long riskPersonId, long personId, String regionCode, long siteId,
		long roomId, String room, State state, Instant admittedAt, String admittedBy, @Nullable LocalDate plannedReleaseOn,
		@Nullable Instant endedAt, @Nullable String endedBy, @Nullable Boolean handedOver) {

	/** Message keys: {@code quarantine.stay.state.<NAME>}. */
	public enum State {

		IN, RELEASED, TO_HOSPITAL

	}

}
