package org.gridguard.control;

import java.time.Duration;

import org.gridguard.status.FactKind;
import org.jspecify.annotations.Nullable;

/**
 * What a category means in practice: its default protocol, the SLA of its verification task, the status fact a
 * pushed person carries until verified, and its rank in the strictness order.
 *
 * @param strictness higher is stricter: a push of a stricter category raises a person under milder control; a milder
 * (or equally strict) one never lowers anyone
 */
public record CategoryRule(Category category, String protocolId, double ackHours, double verifyHours,
		@Nullable FactKind pendingFact, int strictness) {

	/** Whether a push of this category would raise a person now under {@code current}. */
	public boolean stricterThan(CategoryRule current) {
		return strictness > current.strictness;
	}

	public Duration ackWithin() {
		return Duration.ofMinutes(Math.round(ackHours * 60));
	}

	public Duration verifyWithin() {
		return Duration.ofMinutes(Math.round(verifyHours * 60));
	}

}
