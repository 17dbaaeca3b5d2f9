package org.gridguard.quarantine.web;

import jakarta.servlet.http.HttpServletResponse;

import org.gridguard.quarantine.Stay;
import org.gridguard.quarantine.Transfer;
import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The export twins of the quarantine list API: the same files as the pages' exports, with JSON error bodies. */
@RestController
@RequestMapping("/api/v1/quarantine")
class QuarantineExportApi {

	private final QuarantineExportController exports;

	QuarantineExportApi(QuarantineExportController exports) {
		this.exports = exports;
	}

	@GetMapping("/sites/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'EPIDEMIOLOGIST', 'SITE_STAFF')")
	void sites(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String region, Jurisdiction who, HttpServletResponse response) {
		exports.sites(format, region, who, response);
	}

	@GetMapping("/transfers/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'EPIDEMIOLOGIST', 'SITE_STAFF')")
	void transfers(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) Transfer.@Nullable State state,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) @Nullable String region,
			Jurisdiction who, HttpServletResponse response) {
		exports.transfers(format, state, overdue, region, who, response);
	}

	@GetMapping("/stays/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'EPIDEMIOLOGIST', 'SITE_STAFF')")
	void stays(@RequestParam(required = false) @Nullable String format, @RequestParam(required = false) @Nullable Long siteId,
			@RequestParam(required = false) Stay.@Nullable State state,
			@RequestParam(required = false) @Nullable String region, Jurisdiction who, HttpServletResponse response) {
		exports.stays(format, siteId, state, region, who, response);
	}

}
