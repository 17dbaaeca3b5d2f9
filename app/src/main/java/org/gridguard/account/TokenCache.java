package org.gridguard.account;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Remembers for a short while which username a bearer token stands for, so that a busy client does not cost a
 * database lookup per request. Revoking a token or disabling an account clears it, so revocation is immediate.
 */
@Component
class TokenCache {

	private static final long TTL_NANOS = 30_000_000_000L;

	private record Entry(String username, long loadedAt) {
	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	@Nullable String get(String tokenHashHex) {
		Entry entry = entries.get(tokenHashHex);
		if (entry == null || System.nanoTime() - entry.loadedAt() > TTL_NANOS) {
			return null;
		}
		return entry.username();
	}

	void put(String tokenHashHex, String username) {
		if (entries.size() > 10_000) {
			entries.clear();
		}
		entries.put(tokenHashHex, new Entry(username, System.nanoTime()));
	}

	void clear() {
		entries.clear();
	}

}
