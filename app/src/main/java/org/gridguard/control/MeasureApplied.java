package org.gridguard.control;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A verified risk person was put under a measure on site (published after commit): modules that carry the measure out
 * listen, e.g. quarantine sites open a transfer order when the first measure is central isolation.
 *
 * @param regionCode the grid answering for the person
 * @param firstMeasure the measure of the plan's first stage, as applied by the worker
 * @param planStart day 1 of the plan
 * @param planEnd the last day of the plan
 */
public record MeasureApplied(long riskPersonId, long personId, Category category, String protocolId,
		MeasureKind firstMeasure, String regionCode, LocalDate planStart, LocalDate planEnd, Instant at) {
}
