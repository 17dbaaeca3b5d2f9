package org.gridguard.venue.web;

import java.util.List;

import org.gridguard.platform.InvalidInput;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.Paging;
import org.gridguard.venue.SentinelPharmacy;
import org.gridguard.venue.Venue;
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
 * A sentinel pharmacy's real-name register of fever, cough, cold and antiviral medicine buyers.
 */
@Controller
@RequestMapping("/venues/{id}/purchases")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'DEPARTMENT', 'EPIDEMIOLOGIST', 'VENUE_MANAGER')")
class PharmacyController {

	private final VenueManagement venues;

	private final SentinelPharmacy pharmacy;

	PharmacyController(VenueManagement venues, SentinelPharmacy pharmacy) {
		this.venues = venues;
		this.pharmacy = pharmacy;
	}

	@GetMapping
	String list(@PathVariable long id, @RequestParam(required = false) @Nullable Integer page, Jurisdiction who,
			Model model) {
		fill(id, page, who, model);
		model.addAttribute("form", SentinelPharmacy.PurchaseForm.empty());
		return "venue/purchases";
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT', 'VENUE_MANAGER')")
	String record(@PathVariable long id, @RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String idNumber,
			@RequestParam(required = false) @Nullable String phone,
			@RequestParam(name = "medicine", required = false) @Nullable List<String> medicines,
			@RequestParam(required = false) @Nullable Integer quantity,
			@RequestParam(required = false, defaultValue = "false") boolean fever,
			@RequestParam(required = false, defaultValue = "false") boolean proxy, Jurisdiction who, Model model) {
		var form = new SentinelPharmacy.PurchaseForm(name, idNumber, phone, medicines, quantity, fever, proxy);
		try {
			pharmacy.record(id, form, who);
			model.addAttribute("saved", true);
			model.addAttribute("form", SentinelPharmacy.PurchaseForm.empty());
		}
		catch (InvalidInput ex) {
			model.addAttribute("problems", ex.problems());
			model.addAttribute("form", form);
		}
		fill(id, null, who, model);
		return "venue/purchases";
	}

	private void fill(long id, @Nullable Integer page, Jurisdiction who, Model model) {
		Venue venue = venues.get(id, who);
		model.addAttribute("venue", venue);
		model.addAttribute("runs", venues.runs(venue, who));
		model.addAttribute("medicines", SentinelPharmacy.MEDICINES);
		model.addAttribute("result", pharmacy.recent(id, who, Paging.of(page, 30)));
		model.addAttribute("base", "/venues/" + id + "/purchases");
	}

}
