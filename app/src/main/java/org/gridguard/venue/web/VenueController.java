package org.gridguard.venue.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.NavItem;
import org.gridguard.platform.PageActions;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.gridguard.region.Role;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.gridguard.shared.Sector;
import org.gridguard.venue.Closure;
import org.gridguard.venue.NewVenue;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueCategory;
import org.gridguard.venue.VenueManagement;
import org.gridguard.venue.Visit;
import org.gridguard.venue.VenueProfile;
import org.gridguard.venue.VenueQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
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
 * Venues inside the user's jurisdiction: the list, registration, a venue's page (parties, codes, closed management,
 * manager account), and its visitor log. A venue manager lands on their own venue.
 */
@Controller
@RequestMapping("/venues")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'DEPARTMENT', 'EPIDEMIOLOGIST', 'VENUE_MANAGER')")
class VenueController {

	private final VenueManagement venues;

	private final RegionManagement regions;

	private final VenueProfile profile;

	private final Clock clock;

	VenueController(VenueManagement venues, RegionManagement regions, VenueProfile profile, Clock clock) {
		this.venues = venues;
		this.regions = regions;
		this.profile = profile;
		this.clock = clock;
	}

	@Bean
	static NavItem venuesNav() {
		return NavItem.of("nav.venues", "/venues", 400, "ROLE_CITY_ADMIN", "ROLE_TOWN_OFFICER", "ROLE_VILLAGE_OFFICER",
				"ROLE_GRID_WORKER", "ROLE_DEPARTMENT", "ROLE_EPIDEMIOLOGIST", "ROLE_VENUE_MANAGER");
	}

	@ModelAttribute("categories")
	VenueCategory[] categories() {
		return VenueCategory.values();
	}

	@ModelAttribute("closures")
	Closure[] closures() {
		return Closure.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String closure,
			@RequestParam(required = false) @Nullable Integer page, Jurisdiction who, Model model) {
		if (who.role() == Role.VENUE_MANAGER && who.venueId() != null) {
			return "redirect:/venues/" + who.venueId();
		}
		PageResult<Venue> result = venues.search(who, new VenueQuery(q, category, region, closure), Paging.of(page, 30));
		model.addAttribute("result", result);
		model.addAttribute("q", q);
		model.addAttribute("category", category);
		model.addAttribute("region", region);
		model.addAttribute("closure", closure);
		model.addAttribute("places", places(result.items()));
		model.addAttribute("mayRegister", venues.mayRegister(who));
		model.addAttribute("cityAdmin", who.isCityAdmin());
		model.addAttribute("base", UriComponentsBuilder.fromPath("/venues")
			.queryParamIfPresent("q", Optional.ofNullable(q).filter(s -> !s.isBlank()))
			.queryParamIfPresent("category", Optional.ofNullable(category).filter(s -> !s.isBlank()))
			.queryParamIfPresent("region", Optional.ofNullable(region).filter(s -> !s.isBlank()))
			.queryParamIfPresent("closure", Optional.ofNullable(closure).filter(s -> !s.isBlank()))
			.encode()
			.build()
			.toUriString());
		return "venue/list";
	}

	@GetMapping("/new")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT')")
	String createForm(Jurisdiction who, Model model) {
		model.addAttribute("form", new NewVenue("", "", who.role() == Role.TOWN_OFFICER ? who.regionCode() : "", "", null,
				who.sector() == null ? "" : who.sector(), "", "", "", "", ""));
		model.addAttribute("sectors", Sector.values());
		return "venue/new";
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT')")
	String create(@ModelAttribute("form") NewVenue form, Jurisdiction who, Model model, RedirectAttributes flash) {
		try {
			Venue venue = venues.register(form, who);
			flash.addFlashAttribute("saved", true);
			return "redirect:/venues/" + venue.id();
		}
		catch (InvalidInput ex) {
			model.addAttribute("problems", ex.problems());
			model.addAttribute("sectors", Sector.values());
			return "venue/new";
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Jurisdiction who, Model model) {
		Venue venue = venues.get(id, who);
		model.addAttribute("venue", venue);
		model.addAttribute("place", regions.fullName(venue.regionCode()));
		model.addAttribute("runs", venues.runs(venue, who));
		model.addAttribute("codes", venues.codes(id));
		model.addAttribute("today", venues.todayCounts(id));
		model.addAttribute("natDays", profile.natDays(venue.category()));
		// what the response level in force asks of the venue: a capacity cap below 100 %, closed management of special
		// places
		profile.capacityPercent(venue.category())
			.ifPresent(percent -> {
				if (percent < 100) {
					model.addAttribute("capPercent", percent);
				}
			});
		VenueProfile.LevelClosure levelClosure = profile.specialClosure();
		if (venue.special() && levelClosure.over(venue.closure()) != venue.closure()) {
			model.addAttribute("levelClosure", levelClosure);
		}
		model.addAttribute("cityAdmin", who.isCityAdmin());
		return "venue/show";
	}

	@PostMapping("/{id}/codes/regenerate")
	String regenerate(@PathVariable long id, Jurisdiction who, RedirectAttributes flash) {
		venues.regenerateCode(id, who);
		flash.addFlashAttribute("codeChanged", "regeneratedDone");
		return "redirect:/venues/" + id;
	}

	@PostMapping("/{id}/codes/revoke")
	String revoke(@PathVariable long id, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			venues.revokeCode(id, who);
			flash.addFlashAttribute("codeChanged", "revokedDone");
		});
		return "redirect:/venues/" + id;
	}

	@PostMapping("/{id}/closure")
	String closure(@PathVariable long id, @RequestParam Closure closure,
			@RequestParam(required = false) @Nullable String reason, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			venues.setClosure(id, closure, reason, who);
			flash.addFlashAttribute("closureChanged", true);
		});
		return "redirect:/venues/" + id;
	}

	@PostMapping("/{id}/manager-account")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String managerAccount(@PathVariable long id, @RequestParam String username, @RequestParam String displayName,
			@RequestParam String password, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			venues.createManagerAccount(id, username, displayName, password, who);
			flash.addFlashAttribute("accountCreated", username);
		});
		return "redirect:/venues/" + id;
	}

	@GetMapping("/{id}/visits")
	String visits(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) Visit.@Nullable Only only,
			@RequestParam(required = false) @Nullable Integer page, Jurisdiction who, Model model) {
		LocalDate today = LocalDate.now(clock);
		LocalDate start = from == null ? today : from;
		LocalDate end = to == null ? today : to;
		model.addAttribute("venue", venues.get(id, who));
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("result", venues.visits(id, start, end, only, who, Paging.of(page, 50)));
		model.addAttribute("only", only);
		model.addAttribute("base", "/venues/" + id + "/visits?from=" + start + "&to=" + end + (only == null ? "" : "&only=" + only));
		return "venue/visits";
	}

	private Map<String, String> places(List<Venue> items) {
		var names = new HashMap<String, String>();
		for (Venue v : items) {
			names.computeIfAbsent(v.regionCode(), regions::fullName);
		}
		return names;
	}

}
