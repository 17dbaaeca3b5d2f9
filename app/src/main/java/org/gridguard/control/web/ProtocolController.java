package org.gridguard.control.web;

import java.time.Clock;
import java.time.LocalDate;

import org.gridguard.control.Category;
import org.gridguard.control.LoopSettingsStore;
import org.gridguard.control.Protocol;
import org.gridguard.control.ProtocolCatalogue;
import org.gridguard.control.ProtocolSchedule;
import org.gridguard.platform.NavItem;
import org.gridguard.platform.PageActions;
import org.gridguard.region.Jurisdiction;
import org.gridguard.response.ResponseLevels;
import org.gridguard.status.FactKind;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
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
 * Protocols and category rules: everyone in the loop can read them; the city admin edits them.
 */
@Controller
@RequestMapping("/control/protocols")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'EPIDEMIOLOGIST')")
class ProtocolController {

	private final ProtocolCatalogue catalogue;

	private final LoopSettingsStore settings;

	private final ResponseLevels levels;

	private final Clock clock;

	ProtocolController(ProtocolCatalogue catalogue, LoopSettingsStore settings, ResponseLevels levels, Clock clock) {
		this.catalogue = catalogue;
		this.settings = settings;
		this.levels = levels;
		this.clock = clock;
	}

	@Bean
	static NavItem protocolsNav() {
		return NavItem.in(NavItem.CONTROL, "nav.protocols", "/control/protocols", 320, "ROLE_CITY_ADMIN", "ROLE_EPIDEMIOLOGIST");
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String edit, Jurisdiction who, Model model) {
		model.addAttribute("canEdit", who.isCityAdmin());
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("protocols", catalogue.protocols());
		model.addAttribute("categories", catalogue.categories());
		model.addAttribute("facts", FactKind.values());
		model.addAttribute("startRules", Protocol.StartRule.values());
		model.addAttribute("today", today);
		// the loop's numbers and the categories' deadlines are those of the response level in force; they are edited
		// in that level's rule profile
		model.addAttribute("loop", settings.settings());
		model.addAttribute("responseLevel", levels.current().level());
		model.addAttribute("example", catalogue.protocols()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Protocol::id, p -> ProtocolSchedule.of(p, today))));
		Protocol editing = edit == null ? null : catalogue.protocol(edit).orElse(null);
		model.addAttribute("editing", editing);
		model.addAttribute("editingStages", editing == null ? "" : ProtocolCatalogue.stagesText(editing));
		return "control/protocols";
	}

	@PostMapping
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String save(@RequestParam String id, @RequestParam String name, @RequestParam(required = false) @Nullable String basis,
			@RequestParam Protocol.StartRule start, @RequestParam String stages, @RequestParam String releaseRule,
			@RequestParam(required = false) @Nullable String escalateTo, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			catalogue.saveProtocol(id, name, basis, start, stages, releaseRule, escalateTo, who.username());
			flash.addFlashAttribute("message", "control.protocol.saved");
		});
		return "redirect:/control/protocols";
	}

	/** A rank as typed; what is not a whole number is refused by the range check, which names the field. */
	private static int rank(@Nullable String text) {
		try {
			return text == null ? -1 : Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	@PostMapping("/categories/{category}")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String saveCategory(@PathVariable Category category, @RequestParam String protocolId,
			@RequestParam(required = false) @Nullable FactKind pendingFact,
			@RequestParam(required = false) @Nullable String strictness, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			catalogue.changeCategory(category, protocolId, pendingFact, rank(strictness), who.username());
			flash.addFlashAttribute("message", "control.category.saved");
		});
		return "redirect:/control/protocols";
	}

}
