package org.gridguard.person;

import org.jspecify.annotations.Nullable;

/**
 * A person as lists and other modules see them: identity number and phone masked, and of the birth date only the
 * year, so that nothing here completes the mask (the full date comes with the full number, see
 * {@link PersonManagement#reveal}).
 *
 * @param birthYear from the identity number; {@code null} for other documents
 * @param regionCode where they live: a grid, or a village/town while unplaced; {@code null} outside the city
 */
public record Person(long id, String name, IdType idType, String idMasked, @Nullable String phoneMasked,
		@Nullable String gender, @Nullable Integer birthYear, @Nullable Long householdId,
		@Nullable String regionCode, @Nullable String address, boolean resident) {

}
