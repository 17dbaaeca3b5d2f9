package org.gridguard.gathering.web;

import org.gridguard.gathering.Organizers;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.PageActions;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.RegionManagement;
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

/**
 * Organizer units (举办单位): the command of a town registers them and creates their accounts; an organizer's own
 * account sees its unit.
 */
@Controller
@RequestMapping("/events/organizers")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'ORGANIZER')")
class OrganizerController {

	private final Organizers organizers;

	private final RegionManagement regions;

	OrganizerController(Organizers organizers, RegionManagement regions) {
		this.organizers = organizers;
		this.regions = regions;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER')")
	String list(Jurisdiction who, Model model) {
		model.addAttribute("units", organizers.list(who));
		model.addAttribute("townChoices", regions.children(Region.CITY_CODE)
			.stream()
			.filter(t -> who.mayRegisterOrganizers(t.code()))
			.toList());
		model.addAttribute("regions", regions);
		return "gathering/organizers";
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER')")
	String register(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String townCode,
			@RequestParam(required = false) @Nullable String contactName,
			@RequestParam(required = false) @Nullable String contactPhone, Jurisdiction who, Model model,
			RedirectAttributes flash) {
		try {
			Organizers.Organizer unit = organizers.register(name, townCode, contactName, contactPhone, who);
			flash.addFlashAttribute("registered", true);
			return "redirect:/events/organizers/" + unit.id();
		}
		catch (InvalidInput ex) {
			model.addAttribute("problems", ex.problems());
			model.addAttribute("formName", name);
			model.addAttribute("formTown", townCode);
			model.addAttribute("formContact", contactName);
			model.addAttribute("formPhone", contactPhone);
			return list(who, model);
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Jurisdiction who, Model model) {
		Organizers.Organizer unit = organizers.visible(id, who);
		model.addAttribute("unit", unit);
		model.addAttribute("townName", regions.fullName(unit.townCode()));
		model.addAttribute("mayCreateAccounts", who.mayRegisterOrganizers(unit.townCode()));
		return "gathering/organizer";
	}

	@PostMapping("/{id}/accounts")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER')")
	String createAccount(@PathVariable long id, @RequestParam(required = false) @Nullable String username,
			@RequestParam(required = false) @Nullable String displayName,
			@RequestParam(required = false) @Nullable String password, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			organizers.createAccount(id, username, displayName, password, who);
			flash.addFlashAttribute("accountCreated", username);
		});
		return "redirect:/events/organizers/" + id;
	}

}
