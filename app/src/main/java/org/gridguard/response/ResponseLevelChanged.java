package org.gridguard.response;

import java.time.Instant;

/**
 * The city admin changed the response level (published when the change is recorded; {@code since} may lie ahead).
 * Modules that keep something derived from the profile in memory reload it.
 */
public record ResponseLevelChanged(long changeId, ResponseLevel level, ResponseLevel before, Instant since,
		String reason) {
}
