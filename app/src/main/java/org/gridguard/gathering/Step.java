package org.gridguard.gathering;

import java.time.Instant;

import org.gridguard.region.Region;
import org.jspecify.annotations.Nullable;

/**
 * One approval step of an event: who decides it (a party, by role or department sector, at a region), by when, and
 * what was decided. Steps are decided in order; each has its deadline from the filing. Message keys:
 * {@code gathering.step.kind.<KIND>}, {@code gathering.step.state.<STATE>}.
 *
 * @param audience the party that decides: a role name, or {@code DEPARTMENT:<sector>}
 * @param regionCode where that party sits: the event's town, or the city
 * @param escalatedAt when the step went past its deadline and was escalated to the city command
 */
public record Step(long id, long eventId, int position, Kind kind, String audience, String regionCode, State state,
		Instant dueAt, @Nullable Instant escalatedAt, @Nullable Instant decidedAt, @Nullable String decidedBy,
		@Nullable String note) {

	public enum Kind {

		/** 备案 with the department of the event's sector. */
		DEPARTMENT_FILING,
		/** 备案 with the town (属地乡镇街道). */
		TOWN_FILING,
		/** The town command's review of the plan. */
		TOWN_REVIEW,
		/** The city command's review (县级指挥部). */
		CITY_REVIEW,
		/** The higher review, entered by the city command (上级指挥部). */
		HIGHER_REVIEW;

		/** The party that decides a step of this kind for an event of {@code sector} in {@code townCode}. */
		String audience(String sector) {
			return switch (this) {
				case DEPARTMENT_FILING -> "DEPARTMENT:" + sector;
				case TOWN_FILING, TOWN_REVIEW -> "TOWN_OFFICER";
				case CITY_REVIEW, HIGHER_REVIEW -> "CITY_ADMIN";
			};
		}

		String regionCode(String townCode) {
			return this == CITY_REVIEW || this == HIGHER_REVIEW ? Region.CITY_CODE : townCode;
		}

		public String messageKey() {
			return "gathering.step.kind." + name();
		}

	}

	public enum State {

		PENDING, APPROVED, REJECTED, CANCELLED;

		public String messageKey() {
			return "gathering.step.state." + name();
		}

	}

	public boolean overdue(Instant now) {
		return state == State.PENDING && now.isAfter(dueAt);
	}

	public boolean escalated() {
		return escalatedAt != null;
	}

}
