package org.gridguard.venue;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A code issued to a venue: active until revoked (or replaced by a new one).
 */
public record VenueCode(String code, long venueId, Instant issuedAt, String issuedBy, @Nullable Instant revokedAt,
		@Nullable String revokedBy) {

	public boolean active() {
		return revokedAt == null;
	}

}
