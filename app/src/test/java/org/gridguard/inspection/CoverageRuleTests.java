package org.gridguard.inspection;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageRuleTests {

	private static final LocalDate TODAY = LocalDate.of(2022, 3, 10);

	@Test
	void aWeeklyPlaceIsCoveredByAnInspectionTodayOrInTheSixDaysBefore() {
		assertThat(CoverageRule.covered(TODAY, 7, TODAY)).isTrue();
		assertThat(CoverageRule.covered(TODAY.minusDays(6), 7, TODAY)).isTrue();
		assertThat(CoverageRule.covered(TODAY.minusDays(7), 7, TODAY)).isFalse();
	}

	@Test
	void aDailyPlaceIsCoveredOnlyByAnInspectionToday() {
		assertThat(CoverageRule.covered(TODAY, 1, TODAY)).isTrue();
		assertThat(CoverageRule.covered(TODAY.minusDays(1), 1, TODAY)).isFalse();
	}

	@Test
	void aPlaceNeverInspectedIsNotCovered() {
		assertThat(CoverageRule.covered(null, 30, TODAY)).isFalse();
	}

	@Test
	void theScoreboardSumsEachDepartmentsPlaces() {
		var places = List.of(new CoverageRule.Place(1, "COMMERCE", "330784001", true, 2, 1, 0, false),
				new CoverageRule.Place(2, "COMMERCE", "330784002", false, 0, 0, 2, true),
				new CoverageRule.Place(3, "HEALTH", "330784001", true, 1, 0, 0, false));

		List<CoverageRule.Tally> bySector = CoverageRule.tally(places, CoverageRule.Place::sector);
		List<CoverageRule.Tally> byTown = CoverageRule.tally(places, CoverageRule.Place::townCode);

		assertThat(bySector).containsExactly(new CoverageRule.Tally("COMMERCE", 2, 1, 2, 1, 2, 1),
				new CoverageRule.Tally("HEALTH", 1, 1, 1, 0, 0, 0));
		assertThat(bySector.get(0).percent()).isEqualTo(50);
		assertThat(byTown).extracting(CoverageRule.Tally::key).containsExactly("330784001", "330784002");
		assertThat(byTown.get(0).planned()).isEqualTo(2);
	}

	@Test
	void nothingPlannedCountsAsFullyCovered() {
		assertThat(new CoverageRule.Tally("X", 0, 0, 0, 0, 0, 0).percent()).isEqualTo(100);
	}

}
