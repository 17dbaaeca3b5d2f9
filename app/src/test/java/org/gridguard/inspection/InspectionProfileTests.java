package org.gridguard.inspection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InspectionProfileTests {

	@Test
	void aMonthlyPlaceIsInspectedWeeklyAtLevelThreeAndDailyAtLevelTwo() {
		// 常态化, Ⅳ, Ⅲ, Ⅱ, Ⅰ
		assertThat(InspectionProfile.frequencies(30)).containsExactly(30, 15, 7, 1, 1);
	}

	@Test
	void aFortnightlyPlaceIsInspectedWeeklyFromLevelFour() {
		assertThat(InspectionProfile.frequencies(14)).containsExactly(14, 7, 7, 1, 1);
	}

	@Test
	void noIntervalFallsBelowADay() {
		assertThat(InspectionProfile.frequencies(1)).containsExactly(1, 1, 1, 1, 1);
	}

}
