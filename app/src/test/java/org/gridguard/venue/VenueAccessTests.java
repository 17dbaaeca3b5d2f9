package org.gridguard.venue;

import java.util.ArrayList;

import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.gridguard.shared.Sector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees, runs and registers which venue: region roles by region, departments by sector inside their region,
 * venue managers only their own venue.
 */
class VenueAccessTests {

	private static final String GRID = "330784001001001";

	private static Jurisdiction as(Role role, String region, String sector, Long venue) {
		return new Jurisdiction("u", role, region, sector, venue, null);
	}

	@Test
	void aVenueManagerSeesAndRunsOnlyTheirOwnVenue() {
		Jurisdiction manager = as(Role.VENUE_MANAGER, GRID, null, 7L);
		assertThat(VenueAccess.sees(manager, 7, GRID, Sector.COMMERCE)).isTrue();
		assertThat(VenueAccess.runs(manager, 7, GRID, Sector.COMMERCE)).isTrue();
		assertThat(VenueAccess.sees(manager, 8, GRID, Sector.COMMERCE)).isFalse();
		assertThat(VenueAccess.registers(manager, GRID, Sector.COMMERCE)).isFalse();
		var params = new ArrayList<Object>();
		assertThat(VenueAccess.condition(manager, params)).isEqualTo("v.id = ?");
		assertThat(params).containsExactly(7L);
	}

	@Test
	void aDepartmentSeesTheVenuesOfItsSectorInsideItsRegion() {
		Jurisdiction commerce = as(Role.DEPARTMENT, "330784", "COMMERCE", null);
		assertThat(VenueAccess.sees(commerce, 1, GRID, Sector.COMMERCE)).isTrue();
		assertThat(VenueAccess.runs(commerce, 1, GRID, Sector.COMMERCE)).isTrue();
		assertThat(VenueAccess.sees(commerce, 1, GRID, Sector.HEALTH)).isFalse();
		assertThat(VenueAccess.registers(commerce, GRID, Sector.HEALTH)).isFalse();
		Jurisdiction townHealth = as(Role.DEPARTMENT, "330784002", "HEALTH", null);
		assertThat(VenueAccess.sees(townHealth, 1, GRID, Sector.HEALTH)).isFalse();
	}

	@Test
	void regionRolesSeeTheirRegionAndOnlyTownOfficersAndTheCityAdminRunIt() {
		Jurisdiction town = as(Role.TOWN_OFFICER, "330784001", null, null);
		Jurisdiction grid = as(Role.GRID_WORKER, GRID, null, null);
		assertThat(VenueAccess.sees(town, 1, GRID, Sector.HEALTH)).isTrue();
		assertThat(VenueAccess.runs(town, 1, GRID, Sector.HEALTH)).isTrue();
		assertThat(VenueAccess.runs(town, 1, "330784002001001", Sector.HEALTH)).isFalse();
		assertThat(VenueAccess.sees(grid, 1, GRID, Sector.HEALTH)).isTrue();
		assertThat(VenueAccess.runs(grid, 1, GRID, Sector.HEALTH)).isFalse();
		assertThat(VenueAccess.sees(grid, 1, "330784001001002", Sector.HEALTH)).isFalse();
		assertThat(VenueAccess.runs(Jurisdiction.system(), 1, GRID, Sector.JUSTICE)).isTrue();
		assertThat(VenueAccess.sees(as(Role.SITE_STAFF, GRID, null, null), 1, GRID, Sector.HEALTH)).isFalse();
	}

}
