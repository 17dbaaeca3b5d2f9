package org.gridguard.person.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.person.PersonQuery;
import org.gridguard.platform.ListExport;
import org.gridguard.platform.ListExports;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The export twins of the resident list (page and API) and of a grid's households: every row the list shows with
 * the same filters, masked as the list masks, authorized like the list.
 */
@Controller
class PersonExportController {

	private static final List<String> PERSON_HEADERS = List.of("person.name", "person.idNumber", "person.gender",
			"person.birthYear", "common.phone", "person.grid", "person.address");

	private final PersonManagement persons;

	private final RegionManagement regions;

	private final ListExports exports;

	private final Messages messages;

	PersonExportController(PersonManagement persons, RegionManagement regions, ListExports exports, Messages messages) {
		this.persons = persons;
		this.regions = regions;
		this.exports = exports;
		this.messages = messages;
	}

	@GetMapping("/residents/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'EPIDEMIOLOGIST')")
	void persons(@RequestParam(required = false) @Nullable String format, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String region, @RequestParam(required = false) @Nullable String sort,
			Jurisdiction who, HttpServletResponse response) {
		exports.send(ListExport.ofPersons("persons", persons.searchList(who, new PersonQuery(q, region, sort)),
				PERSON_HEADERS, this::personCells)
			.filteredBy("q", q == null || q.isBlank() ? null : "given", "region", region, "sort", sort), format, response);
	}

	private List<List<?>> personCells(List<Person> chunk) {
		Map<String, String> places = new HashMap<>();
		return chunk.stream().<List<?>>map(p -> java.util.Arrays.asList(p.name(), p.idMasked(),
				"M".equals(p.gender()) ? messages.get("person.male") : "F".equals(p.gender()) ? messages.get("person.female") : "",
				p.birthYear(), p.phoneMasked(),
				p.regionCode() == null ? messages.get("person.outsideCity")
						: places.computeIfAbsent(p.regionCode(), regions::fullName),
				p.address()))
			.toList();
	}

	@GetMapping("/residents/grids/{code}/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'EPIDEMIOLOGIST')")
	void households(@PathVariable String code, @RequestParam(required = false) @Nullable String format, Jurisdiction who,
			HttpServletResponse response) {
		exports.send(ListExport.ofPersons("households", persons.householdList(code, who),
				List.of("person.address", "person.household.members"),
				ListExport.eachRow(h -> List.of(h.address(), h.members())))
			.about(code), format, response);
	}

}
