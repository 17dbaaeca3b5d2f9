package org.gridguard.cockpit;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code range of a region holds exactly the codes that start with the region's code, compared byte by byte as the
 * {@code "C"} collation does.
 */
class RegionRangeTests {

	@Test
	void aRegionsRangeHoldsItselfAndEveryCodeBelowItAndNoNeighbour() {
		RegionRange town = RegionRange.of("330784001");
		for (String inside : List.of("330784001", "330784001001", "330784001999", "330784001001001", "330784001999999")) {
			assertThat(within(inside, town)).as(inside).isTrue();
		}
		for (String outside : List.of("330784", "330784000", "330784000999999", "330784002", "330784002001001",
				"33078400", "330785001")) {
			assertThat(within(outside, town)).as(outside).isFalse();
		}
		assertThat(within("330784115003002", RegionRange.of("330784"))).isTrue();
	}

	private static boolean within(String code, RegionRange range) {
		// String.compareTo compares UTF-16 units; for digits and '~' that is the byte order of the "C" collation
		return code.compareTo(range.from()) >= 0 && code.compareTo(range.until()) < 0;
	}

}
