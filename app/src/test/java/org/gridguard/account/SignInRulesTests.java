package org.gridguard.account;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;

class SignInRulesTests {

	private final SignInProperties defaults = new SignInProperties(5, Duration.ofMinutes(15), Duration.ofHours(24),
			Duration.ofHours(24));

	@Test
	void thePauseStartsAtTheFifthFailureAndDoublesUpToADay() {
		assertThat(defaults.pauseAfter(4)).isZero();
		assertThat(defaults.pauseAfter(5)).isEqualTo(Duration.ofMinutes(15));
		assertThat(defaults.pauseAfter(6)).isEqualTo(Duration.ofMinutes(30));
		assertThat(defaults.pauseAfter(8)).isEqualTo(Duration.ofHours(2));
		assertThat(defaults.pauseAfter(12)).isEqualTo(Duration.ofHours(24));
		assertThat(defaults.pauseAfter(1_000)).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void anIpv6ClientCountsByItsNetworkAndAnIpv4ClientByItsAddress() {
		assertThat(SignInThrottle.source(new WebAuthenticationDetails("2001:db8:1:2:aaaa::1", null)))
			.isEqualTo(SignInThrottle.source(new WebAuthenticationDetails("2001:db8:1:2:bbbb::9", null)))
			.isEqualTo("2001:db8:1:2::/64");
		assertThat(SignInThrottle.source(new WebAuthenticationDetails("::ffff:10.1.2.3", null))).isEqualTo("10.1.2.3");
		assertThat(SignInThrottle.source(new WebAuthenticationDetails("10.1.2.3", null)))
			.isNotEqualTo(SignInThrottle.source(new WebAuthenticationDetails("10.1.2.4", null)));
		assertThat(SignInThrottle.source(null)).isEqualTo("unknown");
	}

	@Test
	void namesAreCountedAsTypedButTrimmedLowerCaseAndCut() {
		assertThat(SignInThrottle.name("  Admin ")).isEqualTo("admin");
		assertThat(SignInThrottle.name("x".repeat(500))).hasSize(SignInThrottle.MAX_NAME);
	}

}
