package org.gridguard.account;

import java.time.Clock;

import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads accounts for sign-in (form and HTTP Basic) and for bearer tokens.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	private final RegionManagement regions;

	private final Clock clock;

	AccountUserDetailsService(JdbcClient jdbc, RegionManagement regions, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.clock = clock;
	}

	@Override
	public AccountPrincipal loadUserByUsername(String username) {
		String name = username == null ? "" : username.strip().toLowerCase();
		return jdbc.sql("SELECT * FROM account_user WHERE username = ?")
			.param(name)
			.query((rs, i) -> {
				Account account = AccountManagement.ACCOUNT.mapRow(rs, i);
				Jurisdiction jurisdiction = account.jurisdiction();
				return new AccountPrincipal(account.id(), account.username(), rs.getString("password_hash"),
						account.displayName(), jurisdiction, regions.fullName(account.regionCode()), account.enabled(),
						account.lockedUntil(), clock.instant());
			})
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
	}

}
