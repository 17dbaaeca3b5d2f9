package org.gridguard.account.web;

import org.gridguard.account.NewAccount;
import org.gridguard.region.Role;
import org.jspecify.annotations.Nullable;

/**
 * The account creation form; fields stay as typed so that a refused form comes back filled in.
 */
record AccountForm(@Nullable String username, @Nullable String displayName, @Nullable String phone,
		@Nullable Role role, @Nullable String regionCode, @Nullable String sector, @Nullable String password,
		@Nullable Boolean addAsGridWorker, @Nullable Long organizerId) {

	static AccountForm empty() {
		return new AccountForm("", "", "", null, "", null, "", Boolean.TRUE, null);
	}

	NewAccount toNewAccount() {
		return new NewAccount(username, displayName, phone, role, regionCode, sector, null, null, password,
				addAsGridWorker != null && addAsGridWorker, role == Role.ORGANIZER ? organizerId : null);
	}

}
