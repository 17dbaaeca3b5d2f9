package org.gridguard.inspection.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridguard.inspection.Coverage;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.gridguard.venue.StaffRoster;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Coverage of the reader's places (those not inspected within their frequency), the scoreboards by department and
 * by town, and the staff whose routine test is overdue.
 */
@Controller
@RequestMapping("/inspection")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'DEPARTMENT')")
class CoverageController {

	private final Coverage coverage;

	private final StaffRoster roster;

	private final RegionManagement regions;

	CoverageController(Coverage coverage, StaffRoster roster, RegionManagement regions) {
		this.coverage = coverage;
		this.roster = roster;
		this.regions = regions;
	}

	@GetMapping("/coverage")
	String coverage(@RequestParam(required = false) @Nullable String region, Jurisdiction signedIn, Model model) {
		Jurisdiction who = signedIn.narrowedTo(region);
		Coverage.Report report = coverage.report(who);
		Map<String, String> places = new HashMap<>();
		report.gaps().forEach(g -> places.computeIfAbsent(g.venue().regionCode(), regions::fullName));
		report.byTown().forEach(l -> places.computeIfAbsent(l.key(), regions::fullName));
		model.addAttribute("report", report);
		model.addAttribute("places", places);
		model.addAttribute("regionName", who == signedIn ? null : regions.fullName(who.regionCode()));
		model.addAttribute("regionParam", who == signedIn ? "" : "&region=" + who.regionCode());
		return "inspection/coverage";
	}

	@GetMapping("/staff-tests")
	String staffTests(Jurisdiction who, Model model) {
		List<StaffRoster.Overdue> overdue = roster.overdue(who);
		model.addAttribute("overdue", overdue);
		return "inspection/staff-tests";
	}

}
