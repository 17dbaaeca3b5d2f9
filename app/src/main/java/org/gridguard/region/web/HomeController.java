package org.gridguard.region.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gridguard.region.HomeItem;
import org.gridguard.region.HomePanel;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page after sign-in: the signed-in person's own work first, as counts from every module's
 * {@link HomePanel}, each linking to the list behind it; then their part of the city at a glance.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class HomeController {

	private final RegionManagement regions;

	private final List<HomePanel> panels;

	HomeController(RegionManagement regions, List<HomePanel> panels) {
		this.regions = regions;
		this.panels = panels.stream().sorted(Comparator.comparingInt(HomePanel::order)).toList();
	}

	@GetMapping("/")
	String home(Jurisdiction who, Model model) {
		var work = new ArrayList<HomeItem>();
		for (HomePanel panel : panels) {
			work.addAll(panel.items(who));
		}
		model.addAttribute("work", work);
		model.addAttribute("scope", regions.get(who.regionCode()));
		model.addAttribute("scopeName", regions.fullName(who.regionCode()));
		model.addAttribute("below", regions.countBelow(who.regionCode()));
		model.addAttribute("seesCockpit", who.seesCockpit());
		return "region/home";
	}

}
