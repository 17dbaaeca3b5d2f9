package org.gridguard.responsibility.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.gridguard.platform.ListExport;
import org.gridguard.platform.ListExports;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.gridguard.responsibility.Assignment;
import org.gridguard.responsibility.PartyFilter;
import org.gridguard.responsibility.ResponsibilityManagement;
import org.gridguard.responsibility.Subject;
import org.gridguard.shared.Sector;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The export twin of the responsibility list: every subject with its four parties, with the list's filters. */
@Controller
class ResponsibilityExportController {

	private final ResponsibilityManagement responsibility;

	private final RegionManagement regions;

	private final ListExports exports;

	private final Messages messages;

	ResponsibilityExportController(ResponsibilityManagement responsibility, RegionManagement regions, ListExports exports,
			Messages messages) {
		this.responsibility = responsibility;
		this.regions = regions;
		this.exports = exports;
		this.messages = messages;
	}

	@GetMapping("/responsibility/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'DEPARTMENT', 'EPIDEMIOLOGIST')")
	void list(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String territory,
			@RequestParam(required = false) @Nullable Sector sector, @RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @Nullable String individual,
			@RequestParam(required = false) Subject.@Nullable Type type, Jurisdiction who, HttpServletResponse response) {
		Map<String, String> territories = new HashMap<>();
		exports.send(ListExport.ofPersons("responsibility",
				responsibility.answeredForList(new PartyFilter(territory, sector, unit, individual, type), who),
				List.of("responsibility.subject", "responsibility.territory", "responsibility.department",
						"responsibility.unit", "responsibility.individual"),
				ListExport.<Assignment>eachRow(a -> Arrays.asList(
						messages.get("responsibility.type." + a.subject().type()) + " · " + a.label(),
						territories.computeIfAbsent(a.parties().territoryCode(), regions::fullName),
						a.parties().sector() == null ? null : messages.get("sector." + a.parties().sector()),
						a.parties().unitName() == null ? null
								: a.parties().unitName() + (a.parties().unitContact() == null ? "" : " " + a.parties().unitContact()),
						a.parties().individualName())))
			.filteredBy("territory", territory, "sector", sector, "unit", unit, "individual",
					individual == null || individual.isBlank() ? null : "given", "type", type),
				format, response);
	}

}
