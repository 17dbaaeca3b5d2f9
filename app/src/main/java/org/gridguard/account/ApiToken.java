package org.gridguard.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An API token as listed to administrators: only its first characters are ever shown again after issue.
 */
public record ApiToken(long id, long userId, String name, String prefix, Instant createdAt, String createdBy,
		@Nullable Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

	public boolean activeAt(Instant now) {
		return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
	}

	/** A token just issued: {@code secret} is shown once and never stored. */
	public record Issued(ApiToken token, String secret) {
	}

}
