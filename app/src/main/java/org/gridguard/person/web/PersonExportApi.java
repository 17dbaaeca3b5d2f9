package org.gridguard.person.web;

import jakarta.servlet.http.HttpServletResponse;

import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/persons/export}: the resident list's export with the API's filters and error bodies. */
@RestController
class PersonExportApi {

	private final PersonExportController exports;

	PersonExportApi(PersonExportController exports) {
		this.exports = exports;
	}

	@GetMapping("/api/v1/persons/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'EPIDEMIOLOGIST')")
	void persons(@RequestParam(required = false) @Nullable String format, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String region, Jurisdiction who, HttpServletResponse response) {
		exports.persons(format, q, region, null, who, response);
	}

}
