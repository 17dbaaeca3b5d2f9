package org.gridguard.person.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.gridguard.person.IdType;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.person.PersonQuery;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Persons in the caller's jurisdiction, masked, with the year of birth (never the date: it would complete the mask).
 * {@code q} accepts what the resident list accepts (name, full identity number, mobile, masked number); identifying
 * searches are audited.
 */
@RestController
@RequestMapping("/api/v1/persons")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'EPIDEMIOLOGIST')")
class PersonApi {

	private final PersonManagement persons;

	PersonApi(PersonManagement persons) {
		this.persons = persons;
	}

	@GetMapping
	PageView search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, Jurisdiction who) {
		PageResult<Person> result = persons.search(who, new PersonQuery(q, region, null), Paging.of(page, size));
		return new PageView(result.items().stream().map(PersonView::of).toList(), result.page(), result.size(),
				result.total());
	}

	@GetMapping("/{id}")
	PersonView one(@PathVariable long id, Jurisdiction who) {
		return PersonView.of(persons.get(id, who));
	}

	record PageView(List<PersonView> items, int page, int size, long total) {
	}

	record PersonView(long id, String name, @Schema(implementation = IdType.class) String idType, String idNumberMasked, @Nullable String phoneMasked,
			@Nullable String gender, @Nullable Integer birthYear, @Nullable String regionCode,
			@Nullable String address, @Nullable Long householdId, boolean resident) {

		static PersonView of(Person p) {
			return new PersonView(p.id(), p.name(), p.idType().name(), p.idMasked(), p.phoneMasked(), p.gender(),
					p.birthYear(), p.regionCode(), p.address(), p.householdId(), p.resident());
		}

	}

}
