package org.gridguard.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that remembers, for a minute, that a raw password matched a stored hash. API clients using HTTP
 * Basic present the same credentials on every request; without this, each request would pay a full BCrypt check
 * (tens of milliseconds of CPU). Only successes are remembered, keyed by a per-process HMAC of the raw password and
 * the stored hash: a changed password has a new hash and misses, failures still count towards the lock-out.
 */
final class VerifiedPasswords implements PasswordEncoder {

	private static final long TTL_NANOS = 60_000_000_000L;

	private static final int MAX_ENTRIES = 10_000;

	private final PasswordEncoder delegate;

	private final SecretKeySpec key;

	private final Map<String, Long> verified = new ConcurrentHashMap<>();

	VerifiedPasswords(PasswordEncoder delegate) {
		this.delegate = delegate;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	@Override
	public @Nullable String encode(@Nullable CharSequence rawPassword) {
		return delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return delegate.matches(rawPassword, encodedPassword);
		}
		String fingerprint = fingerprint(rawPassword, encodedPassword);
		Long at = verified.get(fingerprint);
		long now = System.nanoTime();
		if (at != null && now - at < TTL_NANOS) {
			return true;
		}
		boolean matches = delegate.matches(rawPassword, encodedPassword);
		if (matches) {
			if (verified.size() >= MAX_ENTRIES) {
				verified.clear();
			}
			verified.put(fingerprint, now);
		}
		return matches;
	}

	@Override
	public boolean upgradeEncoding(@Nullable String encodedPassword) {
		return delegate.upgradeEncoding(encodedPassword);
	}

	private String fingerprint(CharSequence raw, String encoded) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			mac.update(raw.toString().getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return HexFormat.of().formatHex(mac.doFinal(encoded.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
