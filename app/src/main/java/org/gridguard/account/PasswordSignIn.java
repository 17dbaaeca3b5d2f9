package org.gridguard.account;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs in with a username and password, from the sign-in form and by HTTP Basic. The answer and the work do not tell
 * whether a name exists: an unknown name costs one password check against a hash of the same kind as the stored ones
 * and counts towards the pause of its source like a wrong password; whether an account is disabled is told only to
 * someone who presented its password. A paused source gets the same answer for every name, without a password check.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

	private final AccountUserDetailsService users;

	private final SignInThrottle throttle;

	private final PasswordEncoder passwords;

	/** Checked instead of a stored hash when the name is unknown: no password matches it. */
	private final String unknownAccountHash;

	PasswordSignIn(AccountUserDetailsService users, SignInThrottle throttle, PasswordEncoder passwords) {
		this.users = users;
		this.throttle = throttle;
		this.passwords = passwords;
		byte[] secret = new byte[24];
		new SecureRandom().nextBytes(secret);
		this.unknownAccountHash = passwords.encode(HexFormat.of().formatHex(secret));
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String username = SignInThrottle.name(attempt.getName());
		String source = SignInThrottle.source(attempt.getDetails());
		Optional<SignInThrottle.Failures> recorded = throttle.recorded(username, source);
		if (throttle.isLocked(recorded)) {
			throw new LockedException("sign-in to this name from " + source + " is paused");
		}
		Object credentials = attempt.getCredentials();
		String presented = credentials == null ? "" : credentials.toString();
		AccountPrincipal account = users.find(username).orElse(null);
		String hash = account == null || account.getPassword() == null ? unknownAccountHash : account.getPassword();
		boolean matches = passwords.matches(presented, hash);
		if (account == null || !matches) {
			throttle.failed(username, source);
			throw new BadCredentialsException("wrong username or password");
		}
		if (!account.isEnabled()) {
			throw new DisabledException("account disabled");
		}
		if (recorded.isPresent()) {
			throttle.succeeded(username, source);
		}
		var result = UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities());
		result.setDetails(attempt.getDetails());
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
