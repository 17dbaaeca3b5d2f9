package org.gridguard.region;

import org.gridguard.platform.NotFound;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The role-and-region policy, written once: who sees a person, who may ask whose colour and why, who administers
 * which account.
 */
class JurisdictionTests {

	private static final String TOWN = "330784001";

	private static final String GRID = "330784001001001";

	private static final String OTHER_TOWN_GRID = "330784002001001";

	private static Jurisdiction as(Role role, String region) {
		return new Jurisdiction(role.name().toLowerCase(), role, region, role == Role.DEPARTMENT ? "COMMERCE" : null,
				role == Role.VENUE_MANAGER ? 1L : null, null);
	}

	@Test
	void officersSeePersonsLivingInTheirAreaAndOnlyCityWideRolesSeeThoseLivingElsewhere() {
		Jurisdiction town = as(Role.TOWN_OFFICER, TOWN);
		assertThat(town.seesPersonLivingAt(GRID)).isTrue();
		assertThat(town.seesPersonLivingAt(TOWN)).isTrue();
		assertThat(town.seesPersonLivingAt(OTHER_TOWN_GRID)).isFalse();
		assertThat(town.seesPersonLivingAt(null)).isFalse();
		assertThat(as(Role.EPIDEMIOLOGIST, Region.CITY_CODE).seesPersonLivingAt(null)).isTrue();
		assertThat(as(Role.CITY_ADMIN, Region.CITY_CODE).seesPersonLivingAt("110101")).isTrue();
	}

	@Test
	void rolesWithoutResidentsSeeNoPersonEvenInsideTheirRegion() {
		assertThat(as(Role.DEPARTMENT, Region.CITY_CODE).seesPersonLivingAt(GRID)).isFalse();
		assertThat(as(Role.VENUE_MANAGER, TOWN).seesPersonLivingAt(GRID)).isFalse();
	}

	@Test
	void venueDesksAskAnyonesColourButNeverReadTheHealthReasons() {
		Jurisdiction venue = as(Role.VENUE_MANAGER, TOWN);
		assertThat(venue.mayAskAnyonesStatus()).isTrue();
		assertThat(venue.seesHealthReasons()).isFalse();
		Jurisdiction grid = as(Role.GRID_WORKER, GRID);
		assertThat(grid.mayAskAnyonesStatus()).isFalse();
		assertThat(grid.seesHealthReasons()).isTrue();
	}

	@Test
	void townOfficersAdministerVillageAndGridAccountsOfTheirTownOnly() {
		Jurisdiction town = as(Role.TOWN_OFFICER, TOWN);
		assertThat(town.administersAccount(Role.GRID_WORKER, GRID)).isTrue();
		assertThat(town.administersAccount(Role.GRID_WORKER, OTHER_TOWN_GRID)).isFalse();
		assertThat(town.administersAccount(Role.TOWN_OFFICER, TOWN)).isFalse();
		assertThat(as(Role.GRID_WORKER, GRID).administersAccount(Role.GRID_WORKER, GRID)).isFalse();
		assertThat(as(Role.CITY_ADMIN, Region.CITY_CODE).administersAccount(Role.CITY_ADMIN, Region.CITY_CODE)).isTrue();
	}

	@Test
	void siteStaffSeeAndRunOnlyTheirOwnSiteWhileTheCommandSeesEverySite() {
		Jurisdiction staff = new Jurisdiction("site", Role.SITE_STAFF, TOWN, null, null, 7L);
		assertThat(staff.workSite()).isEqualTo(7L);
		assertThat(staff.seesSite(7, TOWN)).isTrue();
		assertThat(staff.runsSite(7)).isTrue();
		assertThat(staff.seesSite(8, TOWN)).isFalse();
		assertThat(staff.runsSite(8)).isFalse();
		assertThat(staff.mayCommandSites(TOWN)).isFalse();
		Jurisdiction town = as(Role.TOWN_OFFICER, TOWN);
		assertThat(town.workSite()).isNull();
		assertThat(town.seesSite(8, TOWN)).isTrue();
		assertThat(town.seesSite(9, "330784002")).isFalse();
		assertThat(town.runsSite(8)).isFalse();
		assertThat(town.mayCommandSites(GRID)).isTrue();
		assertThat(town.mayCommandSites(OTHER_TOWN_GRID)).isFalse();
		Jurisdiction city = as(Role.CITY_ADMIN, Region.CITY_CODE);
		assertThat(city.seesSite(9, "330784002")).isTrue();
		assertThat(city.runsSite(9)).isTrue();
		assertThat(as(Role.GRID_WORKER, GRID).seesSites()).isFalse();
		assertThat(as(Role.VENUE_MANAGER, TOWN).seesSite(7, TOWN)).isFalse();
		assertThat(as(Role.EPIDEMIOLOGIST, Region.CITY_CODE).runsSite(9)).isFalse();
	}

	@Test
	void narrowingToAPartOfTheAreaKeepsTheRoleAndAnswersForThatPartOnly() {
		Jurisdiction city = as(Role.CITY_ADMIN, Region.CITY_CODE);
		Jurisdiction grid = city.narrowedTo(GRID);
		assertThat(grid.role()).isEqualTo(Role.CITY_ADMIN);
		assertThat(grid.regionPattern()).isEqualTo(GRID + "%");
		assertThat(grid.covers(OTHER_TOWN_GRID)).isFalse();
		assertThat(city.narrowedTo(" ")).isSameAs(city);
		assertThat(city.narrowedTo(null)).isSameAs(city);
		Jurisdiction department = as(Role.DEPARTMENT, Region.CITY_CODE).narrowedTo(TOWN);
		assertThat(department.sector()).isEqualTo("COMMERCE");
		assertThat(department.regionPattern()).isEqualTo("-");
	}

	@Test
	void narrowingOutsideTheAreaOrToSomethingThatIsNoRegionCodeIsNotFound() {
		Jurisdiction town = as(Role.TOWN_OFFICER, TOWN);
		assertThatThrownBy(() -> town.narrowedTo(OTHER_TOWN_GRID)).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> town.narrowedTo(Region.CITY_CODE)).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> town.narrowedTo("3307840010")).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> town.narrowedTo("330784001%")).isInstanceOf(NotFound.class);
		assertThat(town.narrowedTo(GRID).covers(GRID)).isTrue();
	}

	@Test
	void theCockpitIsForTheCityCommandAndTheTownAndVillageOfficers() {
		assertThat(as(Role.CITY_ADMIN, Region.CITY_CODE).seesCockpit()).isTrue();
		assertThat(as(Role.TOWN_OFFICER, TOWN).seesCockpit()).isTrue();
		assertThat(as(Role.GRID_WORKER, GRID).seesCockpit()).isFalse();
		assertThat(as(Role.DEPARTMENT, Region.CITY_CODE).seesCockpit()).isFalse();
	}

	@Test
	void aTaskGivenToAPartyMayBeDoneByItsMembersOnly() {
		assertThat(as(Role.TOWN_OFFICER, TOWN).belongsTo("TOWN_OFFICER", TOWN)).isTrue();
		assertThat(as(Role.TOWN_OFFICER, TOWN).belongsTo("TOWN_OFFICER", "330784002")).isFalse();
		assertThat(as(Role.VILLAGE_OFFICER, "330784001001").belongsTo("TOWN_OFFICER", TOWN)).isFalse();
		assertThat(as(Role.DEPARTMENT, Region.CITY_CODE).belongsTo("DEPARTMENT:COMMERCE", Region.CITY_CODE)).isTrue();
		assertThat(as(Role.DEPARTMENT, Region.CITY_CODE).belongsTo("DEPARTMENT:HEALTH", Region.CITY_CODE)).isFalse();
		assertThat(as(Role.CITY_ADMIN, Region.CITY_CODE).belongsTo("CITY_ADMIN", Region.CITY_CODE)).isTrue();
		assertThat(as(Role.EPIDEMIOLOGIST, Region.CITY_CODE).belongsTo("CITY_ADMIN", Region.CITY_CODE)).isFalse();
	}

}
