package org.gridguard.account;

import org.gridguard.region.Role;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator enters to create an account.
 */
public record NewAccount(@Nullable String username, @Nullable String displayName, @Nullable String phone,
		@Nullable Role role, @Nullable String regionCode, @Nullable String sector, @Nullable Long venueId,
		@Nullable Long siteId, @Nullable String password, boolean addAsGridWorker) {
}
