package org.gridguard.region;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who sees which meetings and events and who decides which approval step: the one rule in {@link Jurisdiction}. */
class EventJurisdictionTests {

	private static final Jurisdiction TOWN = new Jurisdiction("t", Role.TOWN_OFFICER, "330784001", null, null, null);

	private static final Jurisdiction COMMERCE = new Jurisdiction("c", Role.DEPARTMENT, "330784", "COMMERCE", null, null);

	private static final Jurisdiction ORGANIZER = new Jurisdiction("o", Role.ORGANIZER, "330784001", null, null, null, 7L);

	private static final Jurisdiction CITY = Jurisdiction.system();

	@Test
	void aTownOfficerDecidesTheTownsStepsOfItsOwnTownOnly() {
		assertThat(TOWN.decidesEventStep("TOWN_OFFICER", "330784001", false)).isTrue();
		assertThat(TOWN.decidesEventStep("TOWN_OFFICER", "330784002", false)).isFalse();
		assertThat(TOWN.decidesEventStep("CITY_ADMIN", "330784", false)).isFalse();
		assertThat(TOWN.decidesEventStep("DEPARTMENT:COMMERCE", "330784001", true)).isFalse();
	}

	@Test
	void aDepartmentDecidesTheFilingOfItsSectorOnly() {
		assertThat(COMMERCE.decidesEventStep("DEPARTMENT:COMMERCE", "330784001", false)).isTrue();
		assertThat(COMMERCE.decidesEventStep("DEPARTMENT:HEALTH", "330784001", false)).isFalse();
		assertThat(COMMERCE.seesEvent("330784002", "COMMERCE", null)).isTrue();
		assertThat(COMMERCE.seesEvent("330784002", "HEALTH", null)).isFalse();
	}

	@Test
	void theCityDecidesItsReviewsAndAnyStepOnceEscalated() {
		assertThat(CITY.decidesEventStep("CITY_ADMIN", "330784", false)).isTrue();
		assertThat(CITY.decidesEventStep("TOWN_OFFICER", "330784001", false)).isFalse();
		assertThat(CITY.decidesEventStep("TOWN_OFFICER", "330784001", true)).isTrue();
	}

	@Test
	void anOrganizerSeesOnlyItsOwnUnitsEventsWhereverTheyAreHeld() {
		assertThat(ORGANIZER.seesEvent("330784002", "COMMERCE", 7L)).isTrue();
		assertThat(ORGANIZER.seesEvent("330784001", "COMMERCE", 8L)).isFalse();
		assertThat(ORGANIZER.seesEvent("330784001", "COMMERCE", null)).isFalse();
		assertThat(ORGANIZER.mayFileEvents()).isTrue();
		assertThat(ORGANIZER.decidesEventStep("TOWN_OFFICER", "330784001", true)).as("an organizer decides no step")
			.isFalse();
	}

	@Test
	void villageOfficersAndVenueManagersSeeNoEvents() {
		assertThat(new Jurisdiction("v", Role.VILLAGE_OFFICER, "330784001001", null, null, null).eventScope().none())
			.isTrue();
		assertThat(new Jurisdiction("m", Role.VENUE_MANAGER, "330784001", null, 3L, null).seesEvent("330784001",
				"COMMERCE", null)).isFalse();
	}

}
