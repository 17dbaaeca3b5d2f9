package org.gridguard.quarantine.web;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.PageActions;
import org.gridguard.quarantine.Admissions;
import org.gridguard.quarantine.SiteQueries;
import org.gridguard.quarantine.Transfer;
import org.gridguard.quarantine.Transfers;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Transfer orders (转运): the most urgent first with their deadlines; the command sends each to a site with a vehicle
 * and an escort, the site admits the person on arrival.
 */
@Controller
@RequestMapping("/quarantine/transfers")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'EPIDEMIOLOGIST', 'SITE_STAFF')")
class TransferController {

	private final SiteQueries queries;

	private final Transfers transfers;

	private final Admissions admissions;

	private final PersonManagement persons;

	private final RegionManagement regions;

	private final Clock clock;

	TransferController(SiteQueries queries, Transfers transfers, Admissions admissions, PersonManagement persons,
			RegionManagement regions, Clock clock) {
		this.queries = queries;
		this.transfers = transfers;
		this.admissions = admissions;
		this.persons = persons;
		this.regions = regions;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(required = false) Transfer.@Nullable State state,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable String region, Jurisdiction signedIn, Model model) {
		Jurisdiction who = signedIn.narrowedTo(region);
		Transfer.State shown = state == null && !overdue ? Transfer.State.PENDING : state;
		PageResult<Transfer> result = queries.transfers(new SiteQueries.TransferFilter(shown, overdue, null), who,
				Paging.of(page, 50));
		Map<Long, Person> people = persons.readForList(result.items().stream().map(Transfer::personId).toList(),
				"quarantine-transfers", null, null);
		var gridNames = new java.util.HashMap<String, String>();
		result.items().forEach(t -> gridNames.computeIfAbsent(t.regionCode(), regions::fullName));
		var siteNames = new java.util.HashMap<Long, String>();
		queries.sites(signedIn, null).forEach(s -> siteNames.put(s.id(), s.name()));
		model.addAttribute("result", result);
		model.addAttribute("people", people);
		model.addAttribute("gridNames", gridNames);
		model.addAttribute("siteNames", siteNames);
		model.addAttribute("sites", queries.sites(signedIn, null).stream().filter(s -> signedIn.runsSite(s.id()) || signedIn.mayCommandSites(s.townCode())).toList());
		model.addAttribute("state", shown);
		model.addAttribute("overdue", overdue);
		model.addAttribute("now", clock.instant());
		model.addAttribute("commands", signedIn.mayCommandSites(signedIn.regionCode()));
		model.addAttribute("ownSite", who.workSite());
		model.addAttribute("cityAdmin", who.isCityAdmin());
		model.addAttribute("regionName", who == signedIn ? null : regions.fullName(who.regionCode()));
		model.addAttribute("base", UriComponentsBuilder.fromPath("/quarantine/transfers")
			.queryParamIfPresent("state", Optional.ofNullable(state))
			.queryParamIfPresent("overdue", overdue ? Optional.of(true) : Optional.empty())
			.queryParamIfPresent("region", Optional.ofNullable(who == signedIn ? null : who.regionCode()))
			.build()
			.toUriString());
		return "quarantine/transfers";
	}

	@PostMapping("/{id}/dispatch")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER')")
	String dispatch(@PathVariable long id, @RequestParam(required = false) @Nullable Long siteId,
			@RequestParam(required = false) @Nullable String vehicle, @RequestParam(required = false) @Nullable String escort,
			Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			transfers.dispatch(id, siteId, vehicle, escort, who);
			flash.addFlashAttribute("dispatched", true);
		});
		return "redirect:/quarantine/transfers";
	}

	@PostMapping("/{id}/admission")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'SITE_STAFF')")
	String admit(@PathVariable long id, @RequestParam(required = false) @Nullable Long siteId,
			@RequestParam(required = false) @Nullable String room, Jurisdiction who, RedirectAttributes flash) {
		Long site = siteId != null ? siteId : who.workSite();
		var admitted = new Admissions.Admission[1];
		PageActions.attempt(flash, () -> admitted[0] = admissions.admit(id, site, room, null, who));
		if (admitted[0] != null) {
			flash.addFlashAttribute("admitted", admitted[0].room());
			return "redirect:/quarantine/stays/" + admitted[0].stayId();
		}
		return "redirect:/quarantine/transfers";
	}

}
