package org.gridguard.venue;

import java.time.Instant;

/**
 * A real-name purchase of fever, cough, cold or antiviral medicine at a sentinel pharmacy. The buyer has been sent a
 * test reminder; by rule, the control loop opens a verification task.
 *
 * @param medicines the kinds bought, comma-separated codes ({@code ANTIPYRETIC,COUGH,COLD,ANTIVIRAL,ANTIBIOTIC})
 */
public record SentinelPurchaseRecorded(long personId, long venueId, Instant at, String medicines) {
}
