package org.gridguard.region;

import org.jspecify.annotations.Nullable;

/**
 * Who may see and change what: the one jurisdiction check of GridGuard. Every query over region-bound data takes a
 * jurisdiction and filters with {@link #regionPattern()} ({@code region_code LIKE ?}); every single-item access asks
 * {@link #covers(String)}. Roles that do not see residents (departments, venue managers, site staff) get a pattern
 * that matches nothing, and are granted access by the module that owns their venue or site.
 *
 * @param username the account, or {@code system} for scheduled work
 * @param role its role
 * @param regionCode the node it is bound to
 * @param sector for departments: the venue sector, e.g. {@code COMMERCE}
 * @param venueId for venue managers
 * @param siteId for quarantine-site staff
 */
public record Jurisdiction(String username, Role role, String regionCode, @Nullable String sector,
		@Nullable Long venueId, @Nullable Long siteId) {

	/** Matches no region code (codes are digits only). */
	private static final String NOTHING = "-";

	public static Jurisdiction system() {
		return new Jurisdiction("system", Role.CITY_ADMIN, Region.CITY_CODE, null, null, null);
	}

	/** Whether resident-level data placed at {@code code} (a grid, or a village/town for unplaced items) is visible. */
	public boolean covers(@Nullable String code) {
		return code != null && role.seesResidents() && code.startsWith(regionCode);
	}

	/** Whether a region-bound item is geographically inside this jurisdiction, whatever the role. */
	public boolean within(@Nullable String code) {
		return code != null && code.startsWith(regionCode);
	}

	/** A LIKE pattern for a region-code column: {@code 330784001%}, or one matching nothing. */
	public String regionPattern() {
		return role.seesResidents() ? regionCode + "%" : NOTHING;
	}

	/** Whether the tree at {@code code} may be changed: the city admin anywhere, town and village officers inside. */
	public boolean canAdminister(String code) {
		return switch (role) {
			case CITY_ADMIN -> true;
			case TOWN_OFFICER, VILLAGE_OFFICER -> code.startsWith(regionCode);
			default -> false;
		};
	}

	public boolean isCityWide() {
		return regionCode.length() == RegionLevel.CITY.codeLength() && role.seesResidents();
	}

	public boolean is(Role other) {
		return role == other;
	}

}
