package org.gridguard.inspection.web;

import jakarta.servlet.http.HttpServletResponse;

import org.gridguard.inspection.RectificationOrder;
import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The export twin of the rectification list API: the same file as the page's export, with JSON error bodies. */
@RestController
@RequestMapping("/api/v1")
class InspectionExportApi {

	private final InspectionExportController exports;

	InspectionExportApi(InspectionExportController exports) {
		this.exports = exports;
	}

	@GetMapping("/rectifications/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'DEPARTMENT', 'VENUE_MANAGER')")
	void rectifications(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) RectificationOrder.@Nullable State state,
			@RequestParam(required = false) @Nullable String region, Jurisdiction who, HttpServletResponse response) {
		exports.rectifications(format, state, region, who, response);
	}

}
