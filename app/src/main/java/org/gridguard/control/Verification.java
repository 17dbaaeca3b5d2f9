package org.gridguard.control;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What a grid worker records after the visit.
 *
 * @param protocolId the protocol applied (defaults to the category's)
 * @param lastExposure corrects the last exposure / leaving date learned on site
 * @param measure the measure applied, among those the protocol allows for its first stage (defaults to the
 * protocol's own): e.g. home instead of central isolation for a person who may not be moved
 */
public record Verification(Outcome outcome, boolean phoneConfirmed, @Nullable String protocolId,
		@Nullable LocalDate lastExposure, @Nullable String note, @Nullable MeasureKind measure) {

	public Verification(Outcome outcome, boolean phoneConfirmed, @Nullable String protocolId,
			@Nullable LocalDate lastExposure, @Nullable String note) {
		this(outcome, phoneConfirmed, protocolId, lastExposure, note, null);
	}

}
