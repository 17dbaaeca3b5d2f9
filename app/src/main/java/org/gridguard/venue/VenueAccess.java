package org.gridguard.venue;

import java.util.List;

import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.gridguard.shared.Sector;

/**
 * Who sees and who runs which venue. Region roles and the epidemiologist see the venues inside their region; a
 * department sees the venues of its sector inside its region; a venue manager sees only their own venue. Running a
 * venue (codes, roster, desk, closure) is for the city admin, the town officer inside the town, the department of its
 * sector and the venue's manager; registering one is for the first three.
 */
final class VenueAccess {

	private VenueAccess() {
	}

	static boolean sees(Jurisdiction who, long venueId, String regionCode, Sector sector) {
		return switch (who.role()) {
			case VENUE_MANAGER -> who.venueId() != null && who.venueId() == venueId;
			case DEPARTMENT -> sector.name().equals(who.sector()) && who.within(regionCode);
			case SITE_STAFF -> false;
			default -> who.within(regionCode);
		};
	}

	static boolean runs(Jurisdiction who, long venueId, String regionCode, Sector sector) {
		return switch (who.role()) {
			case CITY_ADMIN -> true;
			case TOWN_OFFICER -> who.within(regionCode);
			case DEPARTMENT, VENUE_MANAGER -> sees(who, venueId, regionCode, sector);
			default -> false;
		};
	}

	static boolean registers(Jurisdiction who, String regionCode, Sector sector) {
		return switch (who.role()) {
			case CITY_ADMIN -> true;
			case TOWN_OFFICER -> who.within(regionCode);
			case DEPARTMENT -> sector.name().equals(who.sector()) && who.within(regionCode);
			default -> false;
		};
	}

	/** A WHERE condition over {@code venue} (alias {@code v}) selecting what {@code who} sees; appends its parameters. */
	static String condition(Jurisdiction who, List<Object> params) {
		switch (who.role()) {
			case VENUE_MANAGER:
				params.add(who.venueId() == null ? -1L : who.venueId());
				return "v.id = ?";
			case DEPARTMENT:
				params.add(who.sector() == null ? "-" : who.sector());
				params.add(who.regionCode() + "%");
				return "v.sector = ? AND v.region_code LIKE ?";
			case SITE_STAFF:
				return "false";
			default:
				params.add(who.regionCode() + "%");
				return "v.region_code LIKE ?";
		}
	}

	static boolean sees(Jurisdiction who, VenueRegistry.Ref ref) {
		return sees(who, ref.id(), ref.regionCode(), ref.sector());
	}

	static boolean sees(Jurisdiction who, Venue venue) {
		return sees(who, venue.id(), venue.regionCode(), venue.sector());
	}

	static boolean runs(Jurisdiction who, Venue venue) {
		return runs(who, venue.id(), venue.regionCode(), venue.sector());
	}

	/** Roles that may list venues at all. */
	static boolean lists(Role role) {
		return role != Role.SITE_STAFF;
	}

}
