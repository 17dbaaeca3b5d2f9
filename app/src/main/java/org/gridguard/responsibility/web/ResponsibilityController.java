package org.gridguard.responsibility.web;

import java.util.Optional;

import org.gridguard.platform.NavItem;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.gridguard.responsibility.PartyFilter;
import org.gridguard.responsibility.ResponsibilityManagement;
import org.gridguard.responsibility.Subject;
import org.gridguard.shared.Paging;
import org.gridguard.shared.Sector;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Everything a party answers for: filter by territory, department, unit or individual.
 */
@Controller
@RequestMapping("/responsibility")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'DEPARTMENT', 'EPIDEMIOLOGIST')")
class ResponsibilityController {

	private final ResponsibilityManagement responsibility;

	private final RegionManagement regions;

	ResponsibilityController(ResponsibilityManagement responsibility, RegionManagement regions) {
		this.responsibility = responsibility;
		this.regions = regions;
	}

	@Bean
	static NavItem responsibilityNav() {
		return NavItem.in(NavItem.BASE, "nav.responsibility", "/responsibility", 600, "ROLE_CITY_ADMIN", "ROLE_TOWN_OFFICER",
				"ROLE_VILLAGE_OFFICER", "ROLE_DEPARTMENT", "ROLE_EPIDEMIOLOGIST");
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String territory,
			@RequestParam(required = false) @Nullable Sector sector,
			@RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @Nullable String individual,
			@RequestParam(required = false) Subject.@Nullable Type type,
			@RequestParam(required = false) @Nullable Integer page, Jurisdiction who, Model model) {
		var filter = new PartyFilter(territory, sector, unit, individual, type);
		var result = responsibility.answeredFor(filter, who, Paging.of(page, 50));
		model.addAttribute("filter", filter);
		model.addAttribute("result", result);
		model.addAttribute("sectors", Sector.values());
		model.addAttribute("types", Subject.Type.values());
		model.addAttribute("linkable", linkable(who));
		var names = new java.util.HashMap<String, String>();
		result.items().forEach(a -> names.computeIfAbsent(a.parties().territoryCode(), regions::fullName));
		model.addAttribute("territoryNames", names);
		model.addAttribute("base", UriComponentsBuilder.fromPath("/responsibility")
			.queryParamIfPresent("territory", Optional.ofNullable(territory).filter(s -> !s.isBlank()))
			.queryParamIfPresent("sector", Optional.ofNullable(sector))
			.queryParamIfPresent("unit", Optional.ofNullable(unit).filter(s -> !s.isBlank()))
			.queryParamIfPresent("individual", Optional.ofNullable(individual).filter(s -> !s.isBlank()))
			.queryParamIfPresent("type", Optional.ofNullable(type))
			.encode()
			.build()
			.toUriString());
		return "responsibility/list";
	}

	/**
	 * The subject types whose pages this reader can open: a list never links to a page that would answer 403 or 404
	 * (departments, venue managers and site staff see no risk persons' pages).
	 */
	static java.util.Set<String> linkable(Jurisdiction who) {
		var types = new java.util.HashSet<String>();
		if (who.role().seesResidents()) {
			types.add(Subject.Type.RISK_PERSON.name());
		}
		if (who.role() != org.gridguard.region.Role.SITE_STAFF) {
			types.add(Subject.Type.VENUE.name());
		}
		if (who.seesSites()) {
			types.add(Subject.Type.SITE.name());
		}
		return types;
	}

}
