package org.gridguard.control;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What a grid worker records after the visit.
 *
 * @param protocolId the protocol applied (defaults to the category's)
 * @param lastExposure corrects the last exposure / leaving date learned on site
 */
public record Verification(Outcome outcome, boolean phoneConfirmed, @Nullable String protocolId,
		@Nullable LocalDate lastExposure, @Nullable String note) {
}
