package org.gridguard.person;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A person as lists and other modules see them: identity number and phone masked only.
 *
 * @param regionCode where they live: a grid, or a village/town while unplaced; {@code null} outside the city
 */
public record Person(long id, String name, IdType idType, String idMasked, @Nullable String phoneMasked,
		@Nullable String gender, @Nullable LocalDate birthDate, @Nullable Long householdId,
		@Nullable String regionCode, @Nullable String address, boolean resident) {

	public int ageOn(LocalDate day) {
		return birthDate == null ? -1 : birthDate.until(day).getYears();
	}

}
