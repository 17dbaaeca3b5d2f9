package org.gridguard.quarantine;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A transfer order (转运): a person whose verified measure is central isolation is to be taken to a site by
 * {@code dueAt}.
 *
 * @param regionCode the grid answering for the person
 * @param siteId the site the command sent them to, if chosen yet
 */
public record Transfer(long id, long riskPersonId, long personId, String regionCode, State state, Instant createdAt,
		Instant dueAt, @Nullable Long siteId, @Nullable String vehicle, @Nullable String escort,
		@Nullable Instant endedAt, @Nullable String endReason) {

	/** Message keys: {@code quarantine.transfer.state.<NAME>}. */
	public enum State {

		PENDING, ADMITTED, CANCELLED

	}

	public boolean overdue(Instant now) {
		return state == State.PENDING && now.isAfter(dueAt);
	}

}
