package org.gridguard.person.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridguard.person.Household;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.person.PersonQuery;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.NavItem;
import org.gridguard.platform.PageActions;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.RegionManagement;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Residents and households inside the user's jurisdiction: search, detail (full identity number on request,
 * audited), registration, and moving households between grids.
 */
@Controller
@RequestMapping("/residents")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'EPIDEMIOLOGIST')")
class ResidentController {

	private final PersonManagement persons;

	private final RegionManagement regions;

	ResidentController(PersonManagement persons, RegionManagement regions) {
		this.persons = persons;
		this.regions = regions;
	}

	@Bean
	static NavItem residentsNav() {
		return NavItem.in(NavItem.BASE, "nav.residents", "/residents", 200, "ROLE_CITY_ADMIN", "ROLE_TOWN_OFFICER",
				"ROLE_VILLAGE_OFFICER", "ROLE_GRID_WORKER", "ROLE_EPIDEMIOLOGIST");
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable Integer page, Jurisdiction who, Model model) {
		PageResult<Person> result = persons.search(who, new PersonQuery(q, region, sort), Paging.of(page, 20));
		model.addAttribute("result", result);
		model.addAttribute("q", q);
		model.addAttribute("region", region);
		model.addAttribute("regionName", region == null || region.isBlank() ? null : regions.fullName(region));
		model.addAttribute("sort", sort);
		model.addAttribute("places", placeNames(result.items().stream().map(Person::regionCode).toList()));
		model.addAttribute("base", UriComponentsBuilder.fromPath("/residents")
			.queryParamIfPresent("q", Optional.ofNullable(q).filter(s -> !s.isBlank()))
			.queryParamIfPresent("region", Optional.ofNullable(region).filter(s -> !s.isBlank()))
			.queryParamIfPresent("sort", Optional.ofNullable(sort).filter(s -> !s.isBlank()))
			.encode()
			.build()
			.toUriString());
		return "person/list";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Jurisdiction who, Model model) {
		Person person = persons.get(id, who);
		model.addAttribute("person", person);
		model.addAttribute("place", person.regionCode() == null ? null : regions.fullName(person.regionCode()));
		if (person.householdId() != null) {
			model.addAttribute("members", persons.readMembers(person.householdId(), who));
		}
		return "person/show";
	}

	/** htmx: replaces the masked numbers with the full ones; every call is audited. */
	@PostMapping("/{id}/reveal")
	String reveal(@PathVariable long id, Jurisdiction who, Model model) {
		model.addAttribute("revealed", persons.reveal(id, who));
		return "person/show :: identity";
	}

	@GetMapping("/new")
	String createForm(@RequestParam(required = false) @Nullable Long household,
			@RequestParam(required = false) @Nullable String grid, Model model) {
		model.addAttribute("form", new NewResident("", IdType.RESIDENT_ID, "", "", grid, "", household, ""));
		model.addAttribute("idTypes", IdType.values());
		return "person/new";
	}

	@PostMapping
	String create(@ModelAttribute("form") NewResident form, Jurisdiction who, Model model, RedirectAttributes flash) {
		try {
			Person person = persons.createResident(form, who);
			flash.addFlashAttribute("saved", true);
			return "redirect:/residents/" + person.id();
		}
		catch (InvalidInput ex) {
			model.addAttribute("problems", ex.problems());
			model.addAttribute("idTypes", IdType.values());
			return "person/new";
		}
	}

	@GetMapping("/households/{id}")
	String household(@PathVariable long id, Jurisdiction who, Model model) {
		Household household = persons.household(id, who);
		model.addAttribute("household", household);
		model.addAttribute("members", persons.readMembers(id, who));
		model.addAttribute("place", regions.fullName(household.gridCode()));
		model.addAttribute("canMove", who.canAdminister(household.gridCode()));
		model.addAttribute("grids", regions.gridsBelow(household.gridCode().substring(0, 12)));
		return "person/household";
	}

	@PostMapping("/households/{id}/move")
	String moveHousehold(@PathVariable long id, @RequestParam String target, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			persons.moveHouseholds(List.of(id), target, who);
			flash.addFlashAttribute("moved", 1);
		});
		return "redirect:/residents/households/" + id;
	}

	@GetMapping("/grids/{code}")
	String gridHouseholds(@PathVariable String code, @RequestParam(required = false) @Nullable Integer page,
			Jurisdiction who, Model model) {
		Region grid = regions.get(code);
		model.addAttribute("grid", grid);
		model.addAttribute("place", regions.fullName(code));
		model.addAttribute("result", persons.households(code, who, Paging.of(page, 50)));
		model.addAttribute("canMove", who.canAdminister(code));
		model.addAttribute("siblings", grid.parentCode() == null ? List.of()
				: regions.children(grid.parentCode()).stream().filter(r -> !r.code().equals(code)).toList());
		model.addAttribute("base", "/residents/grids/" + code);
		return "person/grid";
	}

	@PostMapping("/grids/{code}/move")
	String moveSelected(@PathVariable String code, @RequestParam(name = "household", required = false) @Nullable List<Long> households,
			@RequestParam(required = false) @Nullable String target,
			@RequestParam(required = false) @Nullable String newGridName, Jurisdiction who, RedirectAttributes flash) {
		List<Long> selected = households == null ? List.of() : households;
		try {
			if (newGridName != null && !newGridName.isBlank()) {
				Region created = persons.splitGrid(code, selected, newGridName, who);
				flash.addFlashAttribute("moved", selected.size());
				return "redirect:/residents/grids/" + created.code();
			}
			int moved = persons.moveHouseholds(selected, target == null ? "" : target, who);
			flash.addFlashAttribute("moved", moved);
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
		}
		return "redirect:/residents/grids/" + code;
	}

	/** Display names of the grids on a page: "东城街道 园丁社区 园丁社区第1网格". */
	private Map<String, String> placeNames(List<@Nullable String> codes) {
		var names = new HashMap<String, String>();
		for (String code : codes) {
			if (code != null && !names.containsKey(code)) {
				names.put(code, regions.fullName(code));
			}
		}
		return names;
	}

}
