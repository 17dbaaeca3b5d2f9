package org.gridguard.cockpit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.RegionLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pieces every panel is made of: links that carry the area's region, breakdowns kept in order.
 */
class CockpitFiguresTests {

	private static final Region TOWN = new Region("330784001", "东城街道", RegionLevel.TOWN, "SUBDISTRICT", "330784", true);

	private final CockpitArea area = new CockpitArea(Jurisdiction.system().narrowedTo(TOWN.code()), TOWN,
			LocalDate.of(2026, 12, 5), Instant.parse("2026-12-05T02:00:00Z"));

	@Test
	void aFiguresLinkIsItsListWithTheSameFiltersAndTheAreasRegion() {
		assertThat(area.link("/control/tasks", "open", "true", "overdue", "true"))
			.isEqualTo("/control/tasks?open=true&overdue=true&region=330784001");
		assertThat(area.link("/control/unmanaged")).isEqualTo("/control/unmanaged?region=330784001");
		assertThat(area.prefix()).isEqualTo("330784001%");
		assertThat(area.scope().regionPattern()).isEqualTo("330784001%");
	}

	@Test
	void aSeriesLinksEachRegionToItsListAndCountsMissingRegionsAsZero() {
		var series = new Series("unmanaged", "cockpit.control.unmanaged", Map.of("330784001001", 3L), true,
				"/control/unmanaged");
		assertThat(series.get("330784001001")).isEqualTo(3);
		assertThat(series.get("330784001002")).isZero();
		assertThat(series.link("330784001001")).isEqualTo("/control/unmanaged?region=330784001001");
		assertThat(new Series("a", "b", Map.of(), false, "/control/tasks?open=true").link("330784"))
			.isEqualTo("/control/tasks?open=true&region=330784");
		assertThat(new Series("a", "b", Map.of(), false, null).link("330784")).isNull();
	}

	@Test
	void headlinesComeFirstAndBreakdownsKeepTheirOrder() {
		var figures = new PanelFigures(Map.of("x", 1L), List.of(Figure.headline("a", "la", 1, "/a"),
				Figure.detail("g1", "b", "lb", 2, "/b"), Figure.alarm("c", "lc", 3, "/c"), Figure.detail("g2", "d", "ld", 4, null),
				Figure.detail("g1", "e", "le", 5, "/e")));
		assertThat(figures.headlines()).extracting(Figure::key).containsExactly("a", "c");
		assertThat(figures.groups().keySet()).containsExactly("g1", "g2");
		assertThat(figures.groups().get("g1")).extracting(Figure::key).containsExactly("b", "e");
	}

}
