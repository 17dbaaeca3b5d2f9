package org.gridguard.platform;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An in-app notification as a user sees it.
 */
public record Notification(long id, Instant createdAt, String regionCode, @Nullable String audience,
		@Nullable String username, Severity severity, String title, @Nullable String body, @Nullable String link,
		String source, boolean read) {

	/** How urgent: ALERT also goes out through the message gateway (SMS). */
	public enum Severity {

		INFO, WARNING, ALERT

	}

}
