package org.gridguard.account;

import java.util.ArrayList;
import java.util.List;

import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The password check does the same work for a name that belongs to no account as for a wrong password, so that the
 * time an answer takes does not tell which names exist either.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PasswordSignInIntegrationTests {

	@Autowired
	AccountUserDetailsService users;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	AccountManagement accounts;

	/** The application's encoder, noting every hash a password is checked against. */
	private static final class Noting implements PasswordEncoder {

		private final PasswordEncoder delegate;

		final List<String> checkedAgainst = new ArrayList<>();

		Noting(PasswordEncoder delegate) {
			this.delegate = delegate;
		}

		@Override
		public String encode(CharSequence raw) {
			return delegate.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			checkedAgainst.add(encoded);
			return delegate.matches(raw, encoded);
		}

	}

	@Test
	void anUnknownNameCostsOnePasswordCheckOfTheSameKindAsAWrongPassword() {
		accounts.find("timed-name")
			.orElseGet(() -> accounts.create(new NewAccount("timed-name", "timed-name", null, Role.EPIDEMIOLOGIST,
					"330784", null, null, null, "timed-name-password", false), Jurisdiction.system()));
		var noting = new Noting(passwords);
		var signIn = new PasswordSignIn(users, throttle, noting);
		for (int attempt = 0; attempt < 7; attempt++) {
			int before = noting.checkedAgainst.size();
			AuthenticationException known = attempt(signIn, "timed-name", "guess-" + attempt);
			List<String> knownChecks = List.copyOf(noting.checkedAgainst.subList(before, noting.checkedAgainst.size()));
			before = noting.checkedAgainst.size();
			AuthenticationException unknown = attempt(signIn, "no-such-timed-name", "guess-" + attempt);
			List<String> unknownChecks = List.copyOf(noting.checkedAgainst.subList(before, noting.checkedAgainst.size()));

			assertThat(known.getClass()).isEqualTo(unknown.getClass());
			assertThat(knownChecks).hasSameSizeAs(unknownChecks).hasSizeLessThanOrEqualTo(1);
			if (!knownChecks.isEmpty()) {
				// same scheme and cost: "{bcrypt}$2a$10$"
				assertThat(unknownChecks.get(0)).startsWith(knownChecks.get(0).substring(0, 15));
			}
		}
	}

	private static AuthenticationException attempt(PasswordSignIn signIn, String username, String password) {
		var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
		token.setDetails(new WebAuthenticationDetails("127.0.0.8", null));
		return catchThrowableOfType(AuthenticationException.class, () -> signIn.authenticate(token));
	}

}
