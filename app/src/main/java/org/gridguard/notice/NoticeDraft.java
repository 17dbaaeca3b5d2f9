package org.gridguard.notice;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a drafter typed, as typed: the form and the API bind it, {@link Drafting} checks it and names each field it
 * refuses, so that a refused form comes back with everything the drafter wrote.
 *
 * @param effectiveFrom local date-time in the city's time zone ({@code 2026-12-06T08:00}), empty for "from publication"
 * @param effectiveUntil the same, empty for "until withdrawn"
 * @param riskAreas ids of risk areas of the venue module's current list
 * @param supersedes id of a notice in force that this one replaces when published, or {@code null}
 */
public record NoticeDraft(@Nullable String title, @Nullable String body, @Nullable String effectiveFrom,
		@Nullable String effectiveUntil, @Nullable List<Long> riskAreas, @Nullable Long supersedes) {

	/** The risk areas chosen, never null. */
	public List<Long> areaIds() {
		return riskAreas == null ? List.of() : riskAreas;
	}

}
