package org.gridguard.response;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a profile value typed by the city admin is read and checked, and how the defaults of deadlines shorten as the
 * level rises.
 */
class ProfileValuesTests {

	private static final ProfileSetting HOURS = ProfileSetting
		.duration("test.deadline", "g", "l", ChronoUnit.HOURS, ProfileSetting.everyLevel(Duration.ofHours(2)))
		.range("0.25", "72");

	private static final ProfileSetting FEVER = ProfileSetting
		.decimal("test.fever", "g", "l", 1, ProfileSetting.everyLevel(new BigDecimal("37.3")))
		.range("36.5", "39");

	private static final ProfileSetting DAYS = ProfileSetting.integer("test.days", "g", "l", List.of(3, 3, 2, 1, 1))
		.range("1", "30");

	@Test
	void aDurationIsTypedInItsUnitAndMustBeWholeMinutesWithinItsBounds() {
		assertThat(SettingValues.parse(HOURS, " 1.5 ").value()).isEqualTo(Duration.ofMinutes(90));
		assertThat(SettingValues.parse(HOURS, "0.333333").value()).isEqualTo(Duration.ofMinutes(20));
		assertThat(SettingValues.parse(HOURS, "0.01").problem()).isEqualTo("response.setting.range");
		assertThat(SettingValues.parse(HOURS, "1.001").problem()).isEqualTo("response.setting.wholeMinutes");
		assertThat(SettingValues.parse(HOURS, "两小时").problem()).isEqualTo("response.setting.number");
		assertThat(SettingValues.parse(HOURS, "two").args()).containsExactly("two");
		assertThat(SettingValues.format(HOURS, Duration.ofMinutes(20))).isEqualTo("0.333333");
	}

	@Test
	void numbersKeepTheirDecimalsAndBoundsAndTheRangeNamesBothBounds() {
		assertThat(SettingValues.parse(FEVER, "37.8").value()).isEqualTo(new BigDecimal("37.8"));
		assertThat(SettingValues.parse(FEVER, "37.85").problem()).isEqualTo("response.setting.decimals");
		SettingValues.Parsed outside = SettingValues.parse(FEVER, "40");
		assertThat(outside.problem()).isEqualTo("response.setting.range");
		assertThat(outside.args()).containsExactly("36.5", "39");
		assertThat(SettingValues.parse(DAYS, "2.5").problem()).isEqualTo("response.setting.whole");
		assertThat(SettingValues.parse(DAYS, "0").problem()).isEqualTo("response.setting.range");
		assertThat(SettingValues.parse(DAYS, "7").value()).isEqualTo(7);
	}

	@Test
	void timesSwitchesAndChoicesTakeOnlyTheirOwnValues() {
		ProfileSetting time = ProfileSetting.time("test.time", "g", "l", ProfileSetting.everyLevel(LocalTime.NOON));
		assertThat(SettingValues.parse(time, "8:30").value()).isEqualTo(LocalTime.of(8, 30));
		assertThat(SettingValues.parse(time, "25:00").problem()).isEqualTo("response.setting.time");
		ProfileSetting bool = ProfileSetting.bool("test.bool", "g", "l", ProfileSetting.everyLevel(true));
		assertThat(SettingValues.parse(bool, "yes").problem()).isEqualTo("response.setting.boolean");
		ProfileSetting choice = ProfileSetting.choice("test.choice", "g", "l", "p.", List.of("OPEN", "CLOSED"),
				ProfileSetting.everyLevel("OPEN"));
		assertThat(SettingValues.parse(choice, "CLOSED").value()).isEqualTo("CLOSED");
		assertThat(SettingValues.parse(choice, "SHUT").problem()).isEqualTo("response.setting.choice");
	}

	@Test
	void deadlinesShortenToThreeQuartersHalfAndAQuarterAtTheStricterLevelsButNeverBelowTheirGrain() {
		assertThat(StricterDefaults.shorter(Duration.ofHours(2), ChronoUnit.HOURS)).containsExactly(Duration.ofHours(2),
				Duration.ofHours(2), Duration.ofMinutes(90), Duration.ofHours(1), Duration.ofMinutes(30));
		assertThat(StricterDefaults.shorter(Duration.ofDays(3), ChronoUnit.DAYS)).containsExactly(Duration.ofDays(3),
				Duration.ofDays(3), Duration.ofDays(2), Duration.ofDays(2), Duration.ofDays(1));
		assertThat(StricterDefaults.shorter(Duration.ofMinutes(20), ChronoUnit.HOURS)).containsExactly(
				Duration.ofMinutes(20), Duration.ofMinutes(20), Duration.ofMinutes(15), Duration.ofMinutes(15),
				Duration.ofMinutes(15));
		assertThat(StricterDefaults.shorter(Duration.ZERO, ChronoUnit.MINUTES)).containsOnly(Duration.ZERO);
	}

}
