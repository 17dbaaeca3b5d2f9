package org.gridguard.account;

import java.util.Locale;
import java.util.Optional;

import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads accounts as signed-in principals, for password sign-in ({@link PasswordSignIn}) and for bearer tokens.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	private final RegionManagement regions;

	AccountUserDetailsService(JdbcClient jdbc, RegionManagement regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	@Override
	public AccountPrincipal loadUserByUsername(String username) {
		return find(username).orElseThrow(() -> new UsernameNotFoundException("no such account"));
	}

	/** The account of a name as typed (trimmed, any case), with its password hash. */
	Optional<AccountPrincipal> find(@Nullable String username) {
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		return jdbc.sql("SELECT * FROM account_user WHERE username = ?")
			.param(name)
			.query((rs, i) -> {
				Account account = AccountManagement.ACCOUNT.mapRow(rs, i);
				Jurisdiction jurisdiction = account.jurisdiction();
				return new AccountPrincipal(account.id(), account.username(), rs.getString("password_hash"),
						account.displayName(), jurisdiction, regions.fullName(account.regionCode()), account.enabled());
			})
			.optional();
	}

}
