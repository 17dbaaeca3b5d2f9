package org.gridguard.venue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.gridguard.shared.Sector;
import org.gridguard.status.StatusColour;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules at the door, without Spring: who is admitted under which closure, how names are masked, how a category
 * maps to its department and test frequency, and the COPY rows the writer sends.
 */
class CheckInRulesTests {

	private static VenueRegistry.Ref venue(Closure closure, long... staffOnShift) {
		return new VenueRegistry.Ref(7, "敬老院", "330784001001001", Sector.CIVIL_AFFAIRS, VenueCategory.CARE_HOME, closure,
				"暂停探视", true, staffOnShift);
	}

	@Test
	void greenEntersYellowAndRedAreRefusedWhateverTheClosure() {
		assertThat(CheckInWriter.decide(venue(Closure.OPEN), StatusColour.GREEN, 1)).isEqualTo(CheckInBatch.ADMITTED);
		assertThat(CheckInWriter.decide(venue(Closure.OPEN), StatusColour.YELLOW, 1)).isEqualTo(CheckInBatch.REFUSED_COLOUR);
		assertThat(CheckInWriter.decide(venue(Closure.CLOSED, 1), StatusColour.RED, 1)).isEqualTo(CheckInBatch.REFUSED_COLOUR);
	}

	@Test
	void aFullyClosedPlaceAdmitsOnlyStaffOnAClosedLoopShiftAndExitOnlyAdmitsNobody() {
		assertThat(CheckInWriter.decide(venue(Closure.CLOSED, 3, 5), StatusColour.GREEN, 4)).isEqualTo(CheckInBatch.REFUSED_CLOSED);
		assertThat(CheckInWriter.decide(venue(Closure.CLOSED, 3, 5), StatusColour.GREEN, 5)).isEqualTo(CheckInBatch.ADMITTED);
		assertThat(CheckInWriter.decide(venue(Closure.EXIT_ONLY, 5), StatusColour.GREEN, 5))
			.isEqualTo(CheckInBatch.REFUSED_EXIT_ONLY);
	}

	@Test
	void namesAreMaskedForTheEntranceScreen() {
		assertThat(Masking.name("张")).isEqualTo("张*");
		assertThat(Masking.name("王芳")).isEqualTo("王*");
		assertThat(Masking.name("应晓东")).isEqualTo("应*东");
		assertThat(Masking.name("欧阳建国")).isEqualTo("欧**国");
	}

	@Test
	void categoriesAnswerToTheirDepartmentWithTheTestFrequencyOfRulesSection8() {
		assertThat(VenueCategory.MEDICAL.sector()).isEqualTo(Sector.HEALTH);
		assertThat(VenueCategory.MEDICAL.defaultNatDays()).isEqualTo(1);
		assertThat(VenueCategory.COLD_CHAIN.defaultNatDays()).isEqualTo(2);
		assertThat(VenueCategory.WORKSITE.defaultNatDays()).isEqualTo(7);
		assertThat(VenueCategory.CARE_HOME.special()).isTrue();
		assertThat(VenueCategory.MALL_SUPERMARKET.special()).isFalse();
		assertThat(VenueCategory.DETENTION.sector()).isEqualTo(Sector.JUSTICE);
	}

	@Test
	void copyRowsCarryUtcTimesAndNullForAMissingDeparture() {
		var batch = new CheckInBatch(2);
		long at = LocalDateTime.of(2026, 11, 29, 2, 15, 7).toEpochSecond(ZoneOffset.UTC);
		batch.set(0, 42, 7, at, Long.MIN_VALUE, at + 1800, CheckInBatch.SCAN);
		batch.set(1, 43, 7, at, at + 600, at + 600, CheckInBatch.API);
		batch.colour[0] = StatusColour.GREEN;
		batch.colour[1] = StatusColour.RED;
		batch.refusal[1] = CheckInBatch.REFUSED_COLOUR;
		var out = new CopyBuffer(8);
		out.row(batch, 0);
		out.row(batch, 1);
		assertThat(out.text()).isEqualTo("""
				2026-11-29 02:15:07+00\t2026-11-29 02:45:07+00\t7\t42\t\\N\tGREEN\tt\tSCAN
				2026-11-29 02:15:07+00\t2026-11-29 02:25:07+00\t7\t43\t2026-11-29 02:25:07+00\tRED\tf\tAPI
				""");
		assertThat(Instant.ofEpochSecond(at)).isEqualTo(Instant.parse("2026-11-29T02:15:07Z"));
	}

}
