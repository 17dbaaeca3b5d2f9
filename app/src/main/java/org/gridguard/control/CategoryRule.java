package org.gridguard.control;

import java.time.Duration;

import org.gridguard.status.FactKind;
import org.jspecify.annotations.Nullable;

/**
 * What a category means in practice: its default protocol, the SLA of its verification task, and the status fact a
 * pushed person carries until verified.
 */
public record CategoryRule(Category category, String protocolId, double ackHours, double verifyHours,
		@Nullable FactKind pendingFact) {

	public Duration ackWithin() {
		return Duration.ofMinutes(Math.round(ackHours * 60));
	}

	public Duration verifyWithin() {
		return Duration.ofMinutes(Math.round(verifyHours * 60));
	}

}
