package org.gridguard.tracing;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A case investigation (流调): opened by a positive single sample or by hand, with the window in which the case's
 * presences are searched (onset, or sampling, minus the look-back days, until the investigation opened).
 *
 * @param parentId the investigation in which this case was itself a contact, if any (the transmission chain)
 * @param ruleVersion which proposal rules produced the candidates, e.g. {@code lookback-4d/tolerance-0}
 */
public record Investigation(long id, long casePersonId, @Nullable String caseRegion, Trigger trigger,
		@Nullable Long resultId, LocalDate onsetDate, Instant windowFrom, Instant windowTo, State state,
		String ruleVersion, @Nullable Long parentId, Instant openedAt, String openedBy, @Nullable Instant closedAt,
		@Nullable String note) {

	/** What opened it. */
	public enum Trigger {

		POSITIVE_RESULT, MANUAL

	}

	/** Open while contacts are being classified and confirmed. */
	public enum State {

		OPEN, CLOSED

	}

}
