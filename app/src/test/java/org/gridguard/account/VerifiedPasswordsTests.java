package org.gridguard.account;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordsTests {

	/** Real BCrypt underneath, counting how often it had to verify. */
	private static final class Counting implements PasswordEncoder {

		private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

		int checks;

		@Override
		public String encode(CharSequence raw) {
			return bcrypt.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			checks++;
			return bcrypt.matches(raw, encoded);
		}

	}

	@Test
	void aVerifiedPasswordIsNotHashedAgainOnTheNextRequest() {
		var bcrypt = new Counting();
		var passwords = new VerifiedPasswords(bcrypt);
		String hash = passwords.encode("correct horse");
		assertThat(passwords.matches("correct horse", hash)).isTrue();
		assertThat(passwords.matches("correct horse", hash)).isTrue();
		assertThat(bcrypt.checks).isEqualTo(1);
	}

	@Test
	void wrongPasswordsAreCheckedEveryTimeAndNeverRemembered() {
		var bcrypt = new Counting();
		var passwords = new VerifiedPasswords(bcrypt);
		String hash = passwords.encode("correct horse");
		assertThat(passwords.matches("wrong", hash)).isFalse();
		assertThat(passwords.matches("wrong", hash)).isFalse();
		assertThat(bcrypt.checks).isEqualTo(2);
	}

	@Test
	void aChangedPasswordHasANewHashAndTheOldOneNoLongerPasses() {
		var bcrypt = new Counting();
		var passwords = new VerifiedPasswords(bcrypt);
		String oldHash = passwords.encode("old password");
		assertThat(passwords.matches("old password", oldHash)).isTrue();
		String newHash = passwords.encode("new password");
		assertThat(passwords.matches("old password", newHash)).isFalse();
		assertThat(passwords.matches("new password", newHash)).isTrue();
	}

}
