package org.gridguard.venue;

import org.jspecify.annotations.Nullable;

/**
 * What an officer or another system enters to register a venue. Everything is checked by
 * {@link VenueManagement#register}; empty optional values are {@code null} or blank.
 *
 * @param category a {@link VenueCategory} name, or its Chinese name (商场超市 …)
 * @param regionCode where it lies: a grid, village or town code
 * @param sector the department, when it differs from the category's default
 */
public record NewVenue(@Nullable String name, @Nullable String category, @Nullable String regionCode,
		@Nullable String address, @Nullable Integer capacity, @Nullable String sector, @Nullable String unitName,
		@Nullable String unitContact, @Nullable String unitPhone, @Nullable String managerName,
		@Nullable String managerPhone) {

	public static NewVenue empty() {
		return new NewVenue("", "", "", "", null, "", "", "", "", "", "");
	}

}
