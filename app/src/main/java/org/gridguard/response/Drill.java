package org.gridguard.response;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A drill (演练): when it was held, the scenario and the plan version it exercised, who took part, what it found, and
 * how many of its follow-up actions are still open and overdue.
 */
public record Drill(long id, LocalDate heldOn, Scenario scenario, String title, @Nullable Long planId,
		@Nullable Integer planVersion, String participants, @Nullable String findings, Instant recordedAt,
		String recordedBy, int openFollowUps, int overdueFollowUps) {
}
