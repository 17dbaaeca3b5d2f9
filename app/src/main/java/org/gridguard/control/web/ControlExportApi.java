package org.gridguard.control.web;

import jakarta.servlet.http.HttpServletResponse;

import org.gridguard.control.Category;
import org.gridguard.control.RiskPerson;
import org.gridguard.control.VerificationTask;
import org.gridguard.control.Violation;
import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The export twins of the control loop's list API ({@code GET <list>/export?format=csv|xlsx}, API.md): the same files
 * as the pages' exports, with the API's filters and its JSON error bodies.
 */
@RestController
@RequestMapping("/api/v1")
class ControlExportApi {

	private final ControlExportController exports;

	ControlExportApi(ControlExportController exports) {
		this.exports = exports;
	}

	@GetMapping("/risk-persons/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'EPIDEMIOLOGIST')")
	void riskPersons(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable Category category,
			@RequestParam(required = false) RiskPerson.@Nullable State state,
			@RequestParam(required = false) @Nullable String grid, @RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String unit, @RequestParam(defaultValue = "false") boolean active,
			Jurisdiction who, HttpServletResponse response) {
		exports.riskPersons(format, category, state, grid, region, null, null, unit, null, active, who, response);
	}

	@GetMapping("/tasks/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER')")
	void tasks(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) VerificationTask.@Nullable State state,
			@RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "false") boolean escalated, @RequestParam(required = false) @Nullable String grid,
			@RequestParam(required = false) @Nullable String region, Jurisdiction who, HttpServletResponse response) {
		exports.tasks(format, state, open, overdue, escalated, grid, region, who, response);
	}

	@GetMapping("/unmanaged/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'EPIDEMIOLOGIST')")
	void unmanaged(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) Violation.@Nullable Kind kind,
			@RequestParam(required = false) @Nullable String region, Jurisdiction who, HttpServletResponse response) {
		exports.unmanaged(format, kind, region, who, response);
	}

}
