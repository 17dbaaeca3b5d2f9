package org.gridguard.control;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A risk person at risk of dropping out of control (失管漏管), with the reason, since when, and how far it has been
 * escalated (0 not yet, 1 grid, 2 village, 3 town, 4 city command).
 */
public record Violation(long id, long riskPersonId, Kind kind, String ref, String regionCode, Instant since,
		@Nullable String detail, Instant foundAt, int escalationLevel, @Nullable Instant resolvedAt) {

	/** Why a person is at risk. Message keys: {@code control.violation.<NAME>}. */
	public enum Kind {

		/** Placed in a grid that has no active grid worker. */
		NO_WORKER,
		/** Still waiting in a village, town or city queue past the acknowledgement deadline. */
		UNPLACED,
		/** Verification task not accepted by its acknowledgement deadline. */
		ACK_OVERDUE,
		/** Verification not done (measure not applied) by its deadline. */
		VERIFY_OVERDUE,
		/** Not found on site; awaiting second assessment. */
		NOT_FOUND,
		/** A twice-daily temperature/symptom check is missing. */
		CHECK_MISSING,
		/** A scheduled test is missing. */
		TEST_OVERDUE,
		/** Scanned into a venue while under isolation. */
		SCANNED_WHILE_ISOLATED,
		/** The plan is milder than the person's category requires (e.g. raised to 密接 but still on a 低风险区 plan). */
		PLAN_MISMATCH,
		/** To be centrally isolated, but not admitted at a site by the transfer deadline. */
		TRANSFER_OVERDUE

	}

}
