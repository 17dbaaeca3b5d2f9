package org.gridguard.account;

import org.gridguard.region.Role;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator enters to create an account. An organizer account names its unit ({@code organizerId}).
 */
public record NewAccount(@Nullable String username, @Nullable String displayName, @Nullable String phone,
		@Nullable Role role, @Nullable String regionCode, @Nullable String sector, @Nullable Long venueId,
		@Nullable Long siteId, @Nullable String password, boolean addAsGridWorker, @Nullable Long organizerId) {

	/** An account bound to no organizer unit. */
	public NewAccount(@Nullable String username, @Nullable String displayName, @Nullable String phone,
			@Nullable Role role, @Nullable String regionCode, @Nullable String sector, @Nullable Long venueId,
			@Nullable Long siteId, @Nullable String password, boolean addAsGridWorker) {
		this(username, displayName, phone, role, regionCode, sector, venueId, siteId, password, addAsGridWorker, null);
	}

}
