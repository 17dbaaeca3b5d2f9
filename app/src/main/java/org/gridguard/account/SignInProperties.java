package org.gridguard.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed sign-ins pause further attempts, as {@code gridguard.security.*} properties (documented in the README's
 * configuration table). Failures count per name and source (client address); no number here locks an account for
 * everybody.
 *
 * @param maxFailedLogins failures from one source after which sign-in to that name from that source is paused
 * @param lockout the first pause; every further failure from that source after a pause doubles it
 * @param maxLockout the longest pause
 * @param forgetFailuresAfter a source's failures are forgotten after this long without a new one
 */
@ConfigurationProperties("gridguard.security")
record SignInProperties(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockout,
		@DefaultValue("24h") Duration maxLockout, @DefaultValue("24h") Duration forgetFailuresAfter) {

	SignInProperties {
		if (maxFailedLogins < 1) {
			throw new IllegalArgumentException("gridguard.security.max-failed-logins must be at least 1");
		}
	}

	/** The pause after the {@code failures}-th failure in a row, or zero while below the threshold. */
	Duration pauseAfter(int failures) {
		if (failures < maxFailedLogins) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - maxFailedLogins, 30);
		Duration pause = lockout.multipliedBy(1L << doublings);
		return pause.compareTo(maxLockout) > 0 ? maxLockout : pause;
	}

}
