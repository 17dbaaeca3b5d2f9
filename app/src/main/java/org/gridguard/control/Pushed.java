package org.gridguard.control;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A person to bring under control, already matched to a person record and placed: from a push list, a case
 * investigation, a sentinel pharmacy or a pooled positive.
 *
 * @param source where the push came from, e.g. {@code 省协查 2022-01-05} or {@code case:123}
 * @param linkedPersonId the case (or close contact) this person was exposed to, if known
 * @param lastExposure last exposure, or the day the risk area was left; day 1 for protocols counted from it
 * @param unit the person's work unit (单位) as the push gives it; otherwise the person record's
 */
public record Pushed(long personId, String name, Category category, Placement placement, @Nullable String source,
		@Nullable Long pushListId, @Nullable Long linkedPersonId, @Nullable LocalDate lastExposure, Instant pushedAt,
		@Nullable String unit) {

	public Pushed(long personId, String name, Category category, Placement placement, @Nullable String source,
			@Nullable Long pushListId, @Nullable Long linkedPersonId, @Nullable LocalDate lastExposure, Instant pushedAt) {
		this(personId, name, category, placement, source, pushListId, linkedPersonId, lastExposure, pushedAt, null);
	}

}
