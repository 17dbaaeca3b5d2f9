package org.gridguard.account;

import org.gridguard.account.PasswordRules.Weakness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordRulesTests {

	private final PasswordRules rules = new PasswordRules();

	@Test
	void refusesRepeatedCharactersPatternsAndRuns() {
		assertThat(rules.weakness("aaaaaaaaaa", "someone")).contains(Weakness.TRIVIAL);
		assertThat(rules.weakness("1234567890", "someone")).contains(Weakness.TRIVIAL);
		assertThat(rules.weakness("0987654321", "someone")).contains(Weakness.TRIVIAL);
		assertThat(rules.weakness("abcdefghij", "someone")).contains(Weakness.TRIVIAL);
		assertThat(rules.weakness("QWERTYUIOP", "someone")).contains(Weakness.TRIVIAL);
		assertThat(rules.weakness("1q2w3e4r5t6y", "someone")).contains(Weakness.TRIVIAL);
		assertThat(rules.weakness("abababababab", "someone")).contains(Weakness.TRIVIAL);
		assertThat(rules.weakness("123123123123", "someone")).contains(Weakness.TRIVIAL);
	}

	@Test
	void refusesCommonPasswordsAloneOrWithDigitsAndSymbols() {
		assertThat(rules.weakness("password12", "someone")).contains(Weakness.COMMON);
		assertThat(rules.weakness("Password123!", "someone")).contains(Weakness.COMMON);
		assertThat(rules.weakness("iloveyou2021", "someone")).contains(Weakness.COMMON);
		assertThat(rules.weakness("basketball", "someone")).contains(Weakness.COMMON);
		assertThat(rules.weakness("woaini1314", "someone")).contains(Weakness.COMMON);
	}

	@Test
	void refusesTheUsernameAndTheProductNameAloneOrWithDigits() {
		assertThat(rules.weakness("zhangweiming", "zhangweiming")).contains(Weakness.USERNAME);
		assertThat(rules.weakness("ZhangWei2021!", "zhangwei")).contains(Weakness.USERNAME);
		assertThat(rules.weakness("gnimiewgnahz", "zhangweiming")).contains(Weakness.USERNAME);
		assertThat(rules.weakness("GridGuard2021", "someone")).contains(Weakness.USERNAME);
	}

	@Test
	void refusesPasswordsOutsideTheLengthLimits() {
		assertThat(rules.weakness("Yk-2021", "someone")).contains(Weakness.SHORT);
		assertThat(rules.weakness("x7".repeat(101), "someone")).contains(Weakness.LONG);
	}

	@Test
	void acceptsTheDemoAndTestPasswordsAndOrdinaryPassphrases() {
		assertThat(rules.weakness("demo-Yk2021", "cdc")).isEmpty();
		assertThat(rules.weakness("demo-test-password", "grid")).isEmpty();
		assertThat(rules.weakness("admin-test-password", "admin")).isEmpty();
		assertThat(rules.weakness("grid-password-1", "grid-new")).isEmpty();
		assertThat(rules.weakness("晚上九点在城东网格碰头", "grid")).isEmpty();
		assertThat(rules.weakness("correct horse battery staple", "someone")).isEmpty();
	}

	@Test
	void shipsAFewThousandCommonPasswords() {
		assertThat(rules.commonCount()).isBetween(2_000, 10_000);
	}

}
