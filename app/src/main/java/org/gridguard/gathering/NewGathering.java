package org.gridguard.gathering;

import org.jspecify.annotations.Nullable;

/**
 * What an organizer (or an officer on a unit's behalf) files; everything is checked by {@link Filings#file}, every
 * problem named by its field. Times are ISO-8601 with an offset, or a local date-time in the city's zone (what a
 * date-time field of a page sends).
 *
 * @param organizerId the registered unit filed for; an organizer's account always files for its own
 * @param sector the department of the event's kind (a {@code Sector} name); 文广旅体 when not given
 * @param whyNotOnline why it cannot be held online or postponed: a required answer
 */
public record NewGathering(@Nullable String name, @Nullable Long organizerId, @Nullable String organizer,
		@Nullable String responsiblePerson, @Nullable String responsiblePhone, @Nullable String townCode,
		@Nullable String address, @Nullable String sector, @Nullable String startsAt, @Nullable String endsAt,
		@Nullable Integer expectedHeadcount, @Nullable Boolean indoor, @Nullable String whyNotOnline) {

	public static NewGathering empty() {
		return new NewGathering("", null, "", "", "", "", "", "", "", "", null, null, "");
	}

}
