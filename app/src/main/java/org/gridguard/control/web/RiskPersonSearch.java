package org.gridguard.control.web;

import java.util.List;

import org.gridguard.control.Category;
import org.gridguard.control.ControlQueries;
import org.gridguard.control.RiskPerson;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.person.PersonQuery;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.Paging;
import org.jspecify.annotations.Nullable;

/**
 * The risk-person list's filter from what the reader asked for: a full identity number or a name (the individual
 * party) are first looked up among the persons the reader may see, as the resident search does.
 */
final class RiskPersonSearch {

	private RiskPersonSearch() {
	}

	static ControlQueries.RiskPersonFilter filter(@Nullable Category category, RiskPerson.@Nullable State state,
			@Nullable String region, @Nullable String idNumber, @Nullable Long list, @Nullable String unit,
			@Nullable String individual, boolean active, Jurisdiction who, PersonManagement persons) {
		List<Long> named = null;
		if (individual != null && !individual.isBlank()) {
			named = persons.search(who, new PersonQuery(individual.strip(), null, null), new Paging(0, 500))
				.items()
				.stream()
				.map(Person::id)
				.toList();
		}
		Long personId = null;
		if (idNumber != null && !idNumber.isBlank()) {
			personId = persons.search(who, new PersonQuery(idNumber, null, null), new Paging(0, 1))
				.items()
				.stream()
				.findFirst()
				.map(Person::id)
				.orElse(-1L);
		}
		return new ControlQueries.RiskPersonFilter(category, state, region, personId, list, active, unit, named);
	}

}
