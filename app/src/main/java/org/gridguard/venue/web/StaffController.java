package org.gridguard.venue.web;

import java.time.LocalDate;

import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.PageActions;
import org.gridguard.region.Jurisdiction;
import org.gridguard.venue.StaffRoster;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;
import org.gridguard.venue.VenueProfile;
import org.gridguard.venue.VenueProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A venue's staff roster: routine tests by the category's frequency, closed-loop shifts.
 */
@Controller
@RequestMapping("/venues/{id}/staff")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'DEPARTMENT', 'EPIDEMIOLOGIST', 'VENUE_MANAGER')")
class StaffController {

	private final VenueManagement venues;

	private final StaffRoster roster;

	private final VenueProperties properties;

	private final VenueProfile profile;

	StaffController(VenueManagement venues, StaffRoster roster, VenueProperties properties, VenueProfile profile) {
		this.venues = venues;
		this.roster = roster;
		this.properties = properties;
		this.profile = profile;
	}

	@GetMapping
	String list(@PathVariable long id, Jurisdiction who, Model model) {
		Venue venue = venues.get(id, who);
		model.addAttribute("venue", venue);
		model.addAttribute("staff", roster.list(id, who));
		model.addAttribute("runs", venues.runs(venue, who));
		model.addAttribute("natDays", profile.natDays(venue.category()));
		model.addAttribute("loopDays", properties.closedLoopDays());
		return "venue/staff";
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT', 'VENUE_MANAGER')")
	String add(@PathVariable long id, @RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String idNumber,
			@RequestParam(required = false) @Nullable String phone,
			@RequestParam(required = false) @Nullable String post, Jurisdiction who, RedirectAttributes flash) {
		try {
			roster.add(id, name, idNumber, phone, post, who);
			flash.addFlashAttribute("saved", true);
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
			flash.addFlashAttribute("typed", new String[] { name, idNumber, phone, post });
		}
		return "redirect:/venues/" + id + "/staff";
	}

	@PostMapping("/{staffId}/tested")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT', 'VENUE_MANAGER')")
	String tested(@PathVariable long id, @PathVariable long staffId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on,
			Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			roster.tested(id, staffId, on, who);
		});
		return "redirect:/venues/" + id + "/staff";
	}

	@PostMapping("/{staffId}/loop")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT', 'VENUE_MANAGER')")
	String loop(@PathVariable long id, @PathVariable long staffId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable Integer days, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			roster.startLoop(id, staffId, from, days, who);
		});
		return "redirect:/venues/" + id + "/staff";
	}

	@PostMapping("/{staffId}/loop-end")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT', 'VENUE_MANAGER')")
	String endLoop(@PathVariable long id, @PathVariable long staffId, Jurisdiction who) {
		roster.endLoop(id, staffId, who);
		return "redirect:/venues/" + id + "/staff";
	}

	@PostMapping("/{staffId}/remove")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT', 'VENUE_MANAGER')")
	String remove(@PathVariable long id, @PathVariable long staffId, Jurisdiction who) {
		roster.remove(id, staffId, who);
		return "redirect:/venues/" + id + "/staff";
	}

}
