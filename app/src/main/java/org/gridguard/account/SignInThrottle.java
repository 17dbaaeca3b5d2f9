package org.gridguard.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gridguard.platform.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per name and source and pauses sign-in to that name from that source after
 * {@code gridguard.security.max-failed-logins} failures, for a pause that doubles with every further failure. A source
 * is the client address (an IPv6 client by its /64 network, which one subscriber usually holds whole). Names that
 * belong to no account are counted like the others. Nothing here locks an account for every source: guessing from
 * many places is met by the password rules, BCrypt and the audit log, not by locking the owner out.
 */
@Component
@Transactional
class SignInThrottle {

	/** Longest name kept: longer ones cannot be account names, and share their counter with the same prefix. */
	static final int MAX_NAME = 100;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final SignInProperties properties;

	SignInThrottle(JdbcClient jdbc, AuditLog audit, Clock clock, SignInProperties properties) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.properties = properties;
	}

	/** What is on record for a name and source: failures in a row and the end of the current pause, if any. */
	record Failures(int count, @Nullable Instant lockedUntil) {

		boolean lockedAt(Instant now) {
			return lockedUntil != null && lockedUntil.isAfter(now);
		}

	}

	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	Optional<Failures> recorded(String username, String source) {
		return jdbc.sql("""
				SELECT failures, locked_until FROM account_sign_in_failure
				WHERE username = ? AND source = ? AND last_failure_at > ?""")
			.params(username, source, Timestamp.from(clock.instant().minus(properties.forgetFailuresAfter())))
			.query((rs, i) -> new Failures(rs.getInt(1), instant(rs.getTimestamp(2))))
			.optional();
	}

	boolean isLocked(Optional<Failures> recorded) {
		return recorded.map(f -> f.lockedAt(clock.instant())).orElse(false);
	}

	/** Counts a wrong password (or unknown name) from a source; pauses that source once there are too many. */
	void failed(String username, String source) {
		Instant now = clock.instant();
		int failures = jdbc.sql("""
				INSERT INTO account_sign_in_failure AS f (username, source, failures, last_failure_at)
				VALUES (?, ?, 1, ?)
				ON CONFLICT (username, source) DO UPDATE
				SET failures = CASE WHEN f.last_failure_at <= ? THEN 1 ELSE f.failures + 1 END,
					last_failure_at = excluded.last_failure_at
				RETURNING failures""")
			.params(username, source, Timestamp.from(now), Timestamp.from(now.minus(properties.forgetFailuresAfter())))
			.query(Integer.class)
			.single();
		audit.recordAs(username, "LOGIN_FAILED", "account", username, "from " + source);
		Duration pause = properties.pauseAfter(failures);
		if (!pause.isZero()) {
			Instant until = now.plus(pause);
			jdbc.sql("UPDATE account_sign_in_failure SET locked_until = ? WHERE username = ? AND source = ?")
				.params(Timestamp.from(until), username, source)
				.update();
			audit.recordAs(username, "ACCOUNT_LOCKED", "account", username,
					failures + " failed sign-ins from " + source + ", paused for " + pause.toMinutes() + " min");
		}
	}

	/** A correct password from a source clears that source's failures. */
	void succeeded(String username, String source) {
		jdbc.sql("DELETE FROM account_sign_in_failure WHERE username = ? AND source = ?").params(username, source).update();
	}

	/** Lifts every pause of a name (an officer's unlock, or a password set anew). */
	int unlock(String username) {
		return jdbc.sql("DELETE FROM account_sign_in_failure WHERE username = ?").param(username).update();
	}

	/** The sources from which sign-in to a name is paused now, latest pause first. */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	List<SignInLock> locks(String username) {
		return jdbc.sql("""
				SELECT source, failures, locked_until FROM account_sign_in_failure
				WHERE username = ? AND locked_until > ? ORDER BY locked_until DESC, source""")
			.params(username, Timestamp.from(clock.instant()))
			.query((rs, i) -> new SignInLock(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

	/** Forgets failures that no longer count, so that names tried once do not pile up. */
	@Scheduled(fixedDelayString = "${gridguard.security.forget-check:1h}", initialDelayString = "${gridguard.security.forget-check:1h}")
	void forget() {
		Instant now = clock.instant();
		jdbc.sql("""
				DELETE FROM account_sign_in_failure
				WHERE last_failure_at <= ? AND (locked_until IS NULL OR locked_until <= ?)""")
			.params(Timestamp.from(now.minus(properties.forgetFailuresAfter())), Timestamp.from(now))
			.update();
	}

	/** The name as the counters key it: trimmed, lower case, at most {@value #MAX_NAME} characters. */
	static String name(@Nullable String username) {
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
	}

	/** The source of a sign-in attempt: its client address, an IPv6 one cut to its /64 network. */
	static String source(@Nullable Object details) {
		String address = details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
		if (address == null || address.isBlank()) {
			return "unknown";
		}
		if (address.indexOf(':') < 0) {
			return address.length() > 64 ? address.substring(0, 64) : address;
		}
		try {
			// a literal address: no name lookup happens
			byte[] bytes = InetAddress.getByName(address).getAddress();
			if (bytes.length == 4) {
				return InetAddress.getByAddress(bytes).getHostAddress();
			}
			var network = new StringBuilder();
			for (int i = 0; i < 8; i += 2) {
				network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
			}
			return network.append(":/64").toString();
		}
		catch (UnknownHostException | IllegalArgumentException ex) {
			return address.length() > 64 ? address.substring(0, 64) : address;
		}
	}

	private static @Nullable Instant instant(@Nullable Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

}
