package org.gridguard.inspection.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.gridguard.inspection.ChecklistItem;
import org.gridguard.inspection.Inspections;
import org.gridguard.inspection.Photos;
import org.gridguard.inspection.RectificationQueries;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.NavItem;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.gridguard.shared.Paging;
import org.gridguard.venue.StaffMember;
import org.gridguard.venue.StaffRoster;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;
import org.gridguard.venue.VenueProfile;
import org.gridguard.venue.VenueQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The inspector's pages, made for a phone: find a place, see on arrival what the system knows (scans today, staff
 * tests overdue, closure, open orders), walk its checklist marking each item with notes and photos, submit, and see
 * the orders it opened.
 */
@Controller
@RequestMapping("/inspection")
class InspectionController {

	private final Inspections inspections;

	private final RectificationQueries queries;

	private final Photos photos;

	private final VenueManagement venues;

	private final StaffRoster roster;

	private final VenueProfile venueProfile;

	private final RegionManagement regions;

	private final Clock clock;

	InspectionController(Inspections inspections, RectificationQueries queries, Photos photos, VenueManagement venues,
			StaffRoster roster, VenueProfile venueProfile, RegionManagement regions, Clock clock) {
		this.inspections = inspections;
		this.queries = queries;
		this.photos = photos;
		this.venues = venues;
		this.roster = roster;
		this.venueProfile = venueProfile;
		this.regions = regions;
		this.clock = clock;
	}

	@Bean
	static NavItem inspectionNav() {
		return NavItem.of("nav.inspection", "/inspection", 480, "ROLE_CITY_ADMIN", "ROLE_TOWN_OFFICER",
				"ROLE_VILLAGE_OFFICER", "ROLE_DEPARTMENT");
	}

	@Bean
	static NavItem rectificationNav() {
		return NavItem.of("nav.rectifications", "/inspection/rectifications", 485, "ROLE_VENUE_MANAGER");
	}

	/** The reader's figures and places to inspect, found by name, address or code. */
	@GetMapping
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'DEPARTMENT')")
	String home(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Integer page,
			Jurisdiction who, Model model) {
		model.addAttribute("counts", queries.counts(who));
		model.addAttribute("q", q);
		model.addAttribute("inspects", who.mayInspect(who.regionCode(), who.sector() == null ? "" : who.sector())
				|| who.isCityAdmin());
		model.addAttribute("places", venues.search(who, new VenueQuery(q, null, null, null), Paging.of(page, 20)));
		return "inspection/home";
	}

	/** On arrival at a place: what the system knows, and the checklist to walk. */
	@GetMapping("/venues/{id}")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT')")
	String arrival(@PathVariable long id, Jurisdiction who, Model model) {
		Venue venue = venues.get(id, who);
		form(venue, Map.of(), Map.of(), who, model);
		return "inspection/inspect";
	}

	@PostMapping("/venues/{id}")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT')")
	String submit(@PathVariable long id, @RequestParam Map<String, String> form, HttpServletRequest request,
			Jurisdiction who, Model model, RedirectAttributes flash) {
		Venue venue = venues.get(id, who);
		List<ChecklistItem> checklist = inspections.checklistOf(venue);
		var items = new ArrayList<Inspections.@Nullable ItemResult>();
		var marks = new HashMap<String, String>();
		var notes = new HashMap<String, String>();
		for (ChecklistItem item : checklist) {
			String mark = form.get("pass-" + item.code());
			String note = form.get("note-" + item.code());
			if (mark != null) {
				marks.put(item.code(), mark);
			}
			if (note != null) {
				notes.put(item.code(), note);
			}
			items.add(new Inspections.ItemResult(item.code(), mark == null ? null : Boolean.valueOf(mark), note));
		}
		try {
			Inspections.Submitted submitted = inspections.submit(id, items, Uploads.of(request), who);
			flash.addFlashAttribute("submitted", true);
			return "redirect:/inspection/inspections/" + submitted.id();
		}
		catch (InvalidInput ex) {
			// the marks and notes stay on the page; only the photos must be chosen again
			model.addAttribute("problems", ex.problems());
			form(venue, marks, notes, who, model);
			return "inspection/inspect";
		}
	}

	private void form(Venue venue, Map<String, String> marks, Map<String, String> notes, Jurisdiction who, Model model) {
		List<StaffMember> overdue = roster.list(venue.id(), who).stream().filter(StaffMember::overdue).toList();
		model.addAttribute("venue", venue);
		model.addAttribute("place", regions.fullName(venue.regionCode()));
		model.addAttribute("closure", venue.special() ? venueProfile.specialClosure().over(venue.closure()) : venue.closure());
		model.addAttribute("scans", venues.todayCounts(venue.id()));
		model.addAttribute("overdueStaff", overdue);
		model.addAttribute("natDays", venueProfile.natDays(venue.category()));
		model.addAttribute("openOrders", queries.search(new RectificationQueries.Filter(null, venue.id(), false), who,
				Paging.of(0, 50)).items().stream().filter(o -> !o.closed()).toList());
		model.addAttribute("checklist", inspections.checklistOf(venue));
		model.addAttribute("marks", marks);
		model.addAttribute("notes", notes);
		model.addAttribute("now", clock.instant());
	}

	@GetMapping("/inspections/{id}")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'DEPARTMENT', 'VENUE_MANAGER')")
	String inspection(@PathVariable long id, Jurisdiction who, Model model) {
		var record = queries.inspection(id, who);
		model.addAttribute("inspection", record);
		model.addAttribute("place", regions.fullName(record.regionCode()));
		model.addAttribute("photos", photos.ofInspection(id));
		model.addAttribute("orders", queries.ofInspection(id, who));
		model.addAttribute("now", clock.instant());
		return "inspection/inspection";
	}

	@GetMapping("/photos/{id}")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'DEPARTMENT', 'VENUE_MANAGER')")
	ResponseEntity<byte[]> photo(@PathVariable long id, Jurisdiction who) {
		Photos.Content content = photos.read(id, who);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.mediaType()))
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.body(content.bytes());
	}

}
