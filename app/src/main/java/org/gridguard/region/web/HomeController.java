package org.gridguard.region.web;

import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page after sign-in: the command cockpit for those who have one, for the others their part of the city
 * at a glance and where to go next.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class HomeController {

	private final RegionManagement regions;

	HomeController(RegionManagement regions) {
		this.regions = regions;
	}

	@GetMapping("/")
	String home(Jurisdiction who, Model model) {
		if (who.seesCockpit()) {
			return "forward:/cockpit";
		}
		model.addAttribute("scope", regions.get(who.regionCode()));
		model.addAttribute("scopeName", regions.fullName(who.regionCode()));
		model.addAttribute("below", regions.countBelow(who.regionCode()));
		return "region/home";
	}

}
