package org.gridguard.account;

import java.time.Instant;

import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.jspecify.annotations.Nullable;

/**
 * A sign-in account as the administration pages show it (never the password hash).
 */
public record Account(long id, String username, String displayName, @Nullable String phone, Role role,
		String regionCode, @Nullable String sector, @Nullable Long venueId, @Nullable Long siteId, boolean enabled,
		boolean demo, Instant createdAt, @Nullable Instant lastLoginAt, @Nullable Long organizerId) {

	public Jurisdiction jurisdiction() {
		return new Jurisdiction(username, role, regionCode, sector, venueId, siteId, organizerId);
	}

}
