package org.gridguard.venue;

import java.time.Instant;

import org.gridguard.shared.Sector;
import org.jspecify.annotations.Nullable;

/**
 * A registered venue as pages and other modules see it.
 *
 * @param regionCode where it lies: a grid, or a village or town
 * @param code the active venue code (what its QR poster encodes), {@code null} while revoked
 */
public record Venue(long id, String name, VenueCategory category, String regionCode, String address,
		@Nullable Integer capacity, Sector sector, @Nullable String unitName, @Nullable String unitContact,
		@Nullable String unitPhone, String managerName, String managerPhone, Closure closure,
		@Nullable String closureReason, @Nullable Instant closureSince, boolean active, @Nullable String code) {

	public boolean special() {
		return category.special();
	}

	public boolean pharmacy() {
		return category == VenueCategory.PHARMACY;
	}

}
