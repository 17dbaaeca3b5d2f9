package org.gridguard.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;

import org.gridguard.platform.AuditLog;
import org.gridguard.region.Region;
import org.gridguard.region.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * On start: creates the city admin {@code admin} the first time (password from {@code GRIDGUARD_ADMIN_PASSWORD},
 * or generated and printed once, at the end of the start: {@link ReadyMessage}); when the variable is set later, it resets the admin's password to it. A configured
 * password that the password rules would refuse is used all the same (the operator chose it), with a warning in the
 * log at every start. Demo accounts can sign in only while demo mode is on.
 */
@Component
@Order(10)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

	static final String ADMIN = "admin";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Clock clock;

	private final SignInThrottle signIns;

	private final PasswordRules passwordRules;

	private final String configuredPassword;

	private final boolean demo;

	private volatile @Nullable String generatedPassword;

	AdminBootstrap(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit, Clock clock, SignInThrottle signIns,
			PasswordRules passwordRules,
			@Value("${gridguard.admin.password:}") String configuredPassword,
			@Value("${gridguard.demo.enabled:false}") boolean demo) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
		this.signIns = signIns;
		this.passwordRules = passwordRules;
		this.configuredPassword = configuredPassword;
		this.demo = demo;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		jdbc.sql("UPDATE account_user SET enabled = ? WHERE demo AND enabled <> ?").params(demo, demo).update();
		boolean exists = jdbc.sql("SELECT count(*) FROM account_user WHERE username = ?")
			.param(ADMIN)
			.query(Integer.class)
			.single() > 0;
		Timestamp now = Timestamp.from(clock.instant());
		if (StringUtils.hasText(configuredPassword)) {
			passwordRules.weakness(configuredPassword, ADMIN)
				.ifPresent(weakness -> LOG.warn("GRIDGUARD_ADMIN_PASSWORD is weak: it is {}. It is used because it was "
						+ "set on purpose, but whoever guesses it commands the whole city: set a stronger one",
						weakness.description));
		}
		if (!exists) {
			String password = StringUtils.hasText(configuredPassword) ? configuredPassword : generate();
			jdbc.sql("""
					INSERT INTO account_user (username, password_hash, display_name, role, region_code, created_at,
						created_by, password_changed_at)
					VALUES (?, ?, ?, ?, ?, ?, 'system', ?)""")
				.params(ADMIN, passwords.encode(password), "指挥部管理员", Role.CITY_ADMIN.name(), Region.CITY_CODE, now,
						now)
				.update();
			audit.recordAs(AuditLog.SYSTEM, "ACCOUNT_CREATE", "account", ADMIN, "first start");
			if (StringUtils.hasText(configuredPassword)) {
				LOG.info("Created the city admin account 'admin' with the password from GRIDGUARD_ADMIN_PASSWORD");
			}
			else {
				// shown once, at the end of the start (ReadyMessage), where it is not lost among the demo data's lines
				generatedPassword = password;
			}
		}
		else if (StringUtils.hasText(configuredPassword)) {
			String hash = jdbc.sql("SELECT password_hash FROM account_user WHERE username = ?")
				.param(ADMIN)
				.query(String.class)
				.single();
			if (!passwords.matches(configuredPassword, hash)) {
				jdbc.sql("UPDATE account_user SET password_hash = ?, password_changed_at = ?, enabled = true "
						+ "WHERE username = ?")
					.params(passwords.encode(configuredPassword), now, ADMIN)
					.update();
				signIns.unlock(ADMIN);
				audit.recordAs(AuditLog.SYSTEM, "ACCOUNT_PASSWORD_RESET", "account", ADMIN, "from GRIDGUARD_ADMIN_PASSWORD");
				LOG.info("Reset the password of 'admin' to GRIDGUARD_ADMIN_PASSWORD");
			}
		}
	}

	/** The password generated for the admin created at this start, once: later calls get null. */
	@Nullable String takeGeneratedPassword() {
		String password = generatedPassword;
		generatedPassword = null;
		return password;
	}

	private static String generate() {
		byte[] bytes = new byte[12];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
