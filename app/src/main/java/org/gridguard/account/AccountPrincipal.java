package org.gridguard.account;

import java.util.Collection;
import java.util.List;

import org.gridguard.platform.SignedInUser;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security holds it: the account's role, jurisdiction and display data.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer, SignedInUser {

	private final long id;

	private final String username;

	private @Nullable String passwordHash;

	private final String displayName;

	private final Jurisdiction jurisdiction;

	private final String scopeName;

	private final boolean enabled;

	AccountPrincipal(long id, String username, @Nullable String passwordHash, String displayName,
			Jurisdiction jurisdiction, String scopeName, boolean enabled) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.jurisdiction = jurisdiction;
		this.scopeName = scopeName;
		this.enabled = enabled;
	}

	public long id() {
		return id;
	}

	public Jurisdiction jurisdiction() {
		return jurisdiction;
	}

	public Role role() {
		return jurisdiction.role();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(jurisdiction.role().authority()));
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public String displayName() {
		return displayName;
	}

	@Override
	public String roleKey() {
		return jurisdiction.role().messageKey();
	}

	@Override
	public String scopeName() {
		return scopeName;
	}

	@Override
	public String regionCode() {
		return jurisdiction.regionCode();
	}

	@Override
	public List<String> audiences() {
		if (jurisdiction.sector() != null) {
			return List.of(jurisdiction.role().name(), jurisdiction.role().name() + ":" + jurisdiction.sector());
		}
		if (jurisdiction.workSite() != null) {
			return List.of(jurisdiction.role().name(), jurisdiction.role().name() + ":" + jurisdiction.workSite());
		}
		if (jurisdiction.organizerUnit() != null) {
			return List.of(jurisdiction.role().name(), jurisdiction.role().name() + ":" + jurisdiction.organizerUnit());
		}
		return List.of(jurisdiction.role().name());
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountPrincipal p && p.username.equals(username);
	}

	@Override
	public int hashCode() {
		return username.hashCode();
	}

	@Override
	public String toString() {
		return "AccountPrincipal[" + username + ", " + jurisdiction.role() + "@" + jurisdiction.regionCode() + "]";
	}

}
