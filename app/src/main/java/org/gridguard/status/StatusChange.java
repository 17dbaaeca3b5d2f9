package org.gridguard.status;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One automatic colour change, with the rule (fact kind) that decided it and the active facts at the time.
 */
public record StatusChange(long personId, Instant at, StatusColour from, StatusColour to, @Nullable String ruleKind,
		String inputs) {
}
