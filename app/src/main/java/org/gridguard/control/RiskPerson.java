package org.gridguard.control;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A person under (or through) control.
 *
 * @param regionCode the grid answering for them, or the village/town/city queue they wait in
 * @param linkedPersonId the case or contact this person was pushed for, if known (escalation follows it)
 * @param planStart day 1 of the protocol, once the measure is applied
 * @param workUnit the unit (单位) answering for the person, from the push or the person record
 */
public record RiskPerson(long id, long personId, Category category, State state, String regionCode,
		Placement.Kind placement, @Nullable String placementNote, @Nullable String source,
		@Nullable Long pushListId, @Nullable Long linkedPersonId, @Nullable LocalDate lastExposure, Instant pushedAt,
		@Nullable String protocolId, @Nullable LocalDate planStart, @Nullable MeasureKind measure,
		@Nullable Instant controlledAt, @Nullable Instant endedAt, @Nullable String endNote, Instant updatedAt,
		@Nullable String workUnit) {

	/** Where a risk person is in the loop. Message keys: {@code control.state.<NAME>}. */
	public enum State {

		/** Pushed, waiting for on-site verification. */
		PENDING,
		/** Verified, measure applied, under a protocol. */
		CONTROLLED,
		/** Stages complete and tests negative: an officer confirms the release. */
		READY_FOR_RELEASE,
		/** Released. */
		RELEASED,
		/** Not found on site: second assessment (二次研判) by the town. */
		NOT_FOUND,
		/** Lives outside the city: pushed on (推送外地). */
		TRANSFERRED_OUT,
		/** Tested positive: handed over to medical care and case investigation. */
		CASE;

		public boolean active() {
			return this == PENDING || this == CONTROLLED || this == READY_FOR_RELEASE;
		}

	}

	/** When the person entered the current state, for lists ("since"). */
	public Instant since() {
		if (endedAt != null) {
			return endedAt;
		}
		return controlledAt != null ? controlledAt : pushedAt;
	}

}
