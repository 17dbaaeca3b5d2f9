package org.gridguard.responsibility;

import java.time.Instant;

/**
 * A subject with its four parties, as lists show it.
 */
public record Assignment(Subject subject, String label, FourParties parties, boolean active, Instant updatedAt,
		String updatedBy) {
}
