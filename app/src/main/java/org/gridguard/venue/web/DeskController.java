package org.gridguard.venue.web;

import java.util.List;

import org.gridguard.platform.InvalidInput;
import org.gridguard.region.Jurisdiction;
import org.gridguard.venue.CheckIns;
import org.gridguard.venue.RiskAreas;
import org.gridguard.venue.VenueManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The check-in desk at the door (phone-sized): staff check in visitors without a phone by identity number and see
 * the same entrance screen a scan shows.
 */
@Controller
@RequestMapping("/venues/{id}/desk")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT', 'VENUE_MANAGER')")
class DeskController {

	private final VenueManagement venues;

	private final CheckIns checkIns;

	private final RiskAreas riskAreas;

	DeskController(VenueManagement venues, CheckIns checkIns, RiskAreas riskAreas) {
		this.venues = venues;
		this.checkIns = checkIns;
		this.riskAreas = riskAreas;
	}

	@GetMapping
	String desk(@PathVariable long id, Jurisdiction who, Model model) {
		model.addAttribute("venue", venues.getToRun(id, who));
		model.addAttribute("areas", riskAreas.listed());
		return "venue/desk";
	}

	/** htmx: checks one person in and answers the entrance screen fragment. */
	@PostMapping
	String checkIn(@PathVariable long id, @RequestParam(required = false) @Nullable String idNumber,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable Long riskArea, Jurisdiction who, Model model) {
		model.addAttribute("venue", venues.getToRun(id, who));
		try {
			model.addAttribute("outcome", checkIns.desk(id, List.of(new CheckIns.Visitor(name, idNumber, null)),
					riskArea, who));
		}
		catch (InvalidInput ex) {
			model.addAttribute("problems", ex.problems());
		}
		return "venue/desk :: result";
	}

}
