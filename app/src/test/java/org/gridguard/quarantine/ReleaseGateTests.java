package org.gridguard.quarantine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gridguard.control.ControlQueries;
import org.gridguard.control.MeasureKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release gate names every unmet condition: too early, a test missing or positive, a release sample missing or
 * positive; and nothing once all hold. The central stage is days 1–7 from {@code start}, tests on days 1, 2, 3, 5, 7,
 * then three days at home with a test on day 3 (not a condition of leaving the site).
 */
class ReleaseGateTests {

	private static final LocalDate START = LocalDate.of(2026, 12, 1);

	private static final List<ControlQueries.StageView> STAGES = List.of(
			new ControlQueries.StageView(1, MeasureKind.CENTRAL_ISOLATION, START, START.plusDays(6)),
			new ControlQueries.StageView(2, MeasureKind.HOME_HEALTH_MONITORING, START.plusDays(7), START.plusDays(9)));

	private static List<ControlQueries.ScheduleItem> tests(String... results) {
		int[] days = { 1, 2, 3, 5, 7 };
		var items = new ArrayList<ControlQueries.ScheduleItem>();
		for (int i = 0; i < days.length; i++) {
			String r = i < results.length ? results[i] : null;
			LocalDate day = START.plusDays(days[i] - 1L);
			items.add(new ControlQueries.ScheduleItem(day, "TEST", 1, Instant.parse("2026-12-01T00:00:00Z"),
					r == null ? null : Instant.parse("2026-12-01T00:00:00Z"), r));
		}
		items.add(new ControlQueries.ScheduleItem(START.plusDays(9), "TEST", 2, Instant.parse("2026-12-01T00:00:00Z"), null,
				null));
		return items;
	}

	private static Map<ReleaseGate.SampleKind, String> samples(String person, String objects, String room) {
		var samples = new EnumMap<ReleaseGate.SampleKind, String>(ReleaseGate.SampleKind.class);
		if (person != null) {
			samples.put(ReleaseGate.SampleKind.PERSON, person);
		}
		if (objects != null) {
			samples.put(ReleaseGate.SampleKind.OBJECTS, objects);
		}
		if (room != null) {
			samples.put(ReleaseGate.SampleKind.ROOM, room);
		}
		return samples;
	}

	private static List<String> fields(List<ReleaseGate.Unmet> unmet) {
		return unmet.stream().map(ReleaseGate.Unmet::field).toList();
	}

	@Test
	void releasesOnTheLastDayOfCentralIsolationWhenEverythingIsNegative() {
		var unmet = ReleaseGate.check(START.plusDays(6), STAGES,
				tests("NEGATIVE", "NEGATIVE", "NEGATIVE", "NEGATIVE", "NEGATIVE"),
				samples("NEGATIVE", "NEGATIVE", "NEGATIVE"));
		assertThat(unmet).isEmpty();
	}

	@Test
	void tooEarlyNamesTheDayCentralIsolationEnds() {
		var unmet = ReleaseGate.check(START.plusDays(4), STAGES, tests("NEGATIVE", "NEGATIVE", "NEGATIVE", "NEGATIVE",
				"NEGATIVE"), samples("NEGATIVE", "NEGATIVE", "NEGATIVE"));
		assertThat(fields(unmet)).containsExactly("days");
		assertThat(unmet.get(0).args()).containsExactly(START.plusDays(6));
	}

	@Test
	void aMissingTestIsNamedByItsDay() {
		var unmet = ReleaseGate.check(START.plusDays(6), STAGES, tests("NEGATIVE", "NEGATIVE", "NEGATIVE", "NEGATIVE"),
				samples("NEGATIVE", "NEGATIVE", "NEGATIVE"));
		assertThat(fields(unmet)).containsExactly("tests");
		assertThat(unmet.get(0).args()).containsExactly(START.plusDays(6).toString());
	}

	@Test
	void aPositiveTestBlocksRelease() {
		var unmet = ReleaseGate.check(START.plusDays(8), STAGES,
				tests("NEGATIVE", "POSITIVE", "NEGATIVE", "NEGATIVE", "NEGATIVE"),
				samples("NEGATIVE", "NEGATIVE", "NEGATIVE"));
		assertThat(fields(unmet)).containsExactly("positive");
	}

	@Test
	void eachMissingOrPositiveSampleIsNamed() {
		var unmet = ReleaseGate.check(START.plusDays(6), STAGES,
				tests("NEGATIVE", "NEGATIVE", "NEGATIVE", "NEGATIVE", "NEGATIVE"), samples("NEGATIVE", null, "POSITIVE"));
		assertThat(fields(unmet)).containsExactly("sampling.OBJECTS", "sampling.ROOM");
		assertThat(unmet.get(0).key()).isEqualTo("quarantine.release.sampleMissing");
		assertThat(unmet.get(1).key()).isEqualTo("quarantine.release.samplePositive");
	}

	@Test
	void everyUnmetConditionIsNamedAtOnce() {
		var unmet = ReleaseGate.check(START.plusDays(2), STAGES, tests("NEGATIVE", "POSITIVE"), samples(null, null, null));
		assertThat(fields(unmet)).containsExactly("days", "tests", "positive", "sampling.PERSON", "sampling.OBJECTS",
				"sampling.ROOM");
	}

}
