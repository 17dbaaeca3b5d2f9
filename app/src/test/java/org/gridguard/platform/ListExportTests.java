package org.gridguard.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an export's audit entry says about its filters: the ones in force, in the order the list names them. */
class ListExportTests {

	private static final ListQuery<String> QUERY = new ListQuery<>("name", "t", List.of(), "name", (rs, i) -> "");

	@Test
	void theAuditDetailNamesTheFiltersInForceAndLeavesOutEmptyOnes() {
		ListExport<String> export = ListExport.ofPersons("risk-persons", QUERY, List.of("person.name"),
				ListExport.eachRow(List::of))
			.filteredBy("category", "CLOSE_CONTACT", "state", null, "region", " ", "active", false, "overdue", true,
					"list", 7L);
		assertThat(export.filterText()).isEqualTo("category=CLOSE_CONTACT, overdue=true, list=7");
		assertThat(export.about(12L).subjectId()).isEqualTo("12");
		assertThat(export.personal()).isTrue();
		assertThat(ListExport.of("venues", QUERY, List.of(), ListExport.eachRow(List::of)).filterText()).isEmpty();
	}

	@Test
	void eachRowTurnsAChunkIntoOneListOfCellsPerRow() {
		List<? extends List<?>> rows = ListExport.<String>eachRow(s -> List.of(s, s.length())).apply(List.of("甲", "乙丙"));
		assertThat((Object) rows).isEqualTo(List.of(List.of("甲", 1), List.of("乙丙", 2)));
	}

}
