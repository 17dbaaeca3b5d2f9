package org.gridguard.control.web;

import java.time.Clock;
import java.time.LocalDate;

import org.gridguard.control.Category;
import org.gridguard.control.LoopSettingsStore;
import org.gridguard.control.Protocol;
import org.gridguard.control.ProtocolCatalogue;
import org.gridguard.control.ProtocolSchedule;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.NavItem;
import org.gridguard.platform.PageActions;
import org.gridguard.region.Jurisdiction;
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

	private final Clock clock;

	ProtocolController(ProtocolCatalogue catalogue, LoopSettingsStore settings, Clock clock) {
		this.catalogue = catalogue;
		this.settings = settings;
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
		LoopSettingsStore.Current loop = settings.current();
		model.addAttribute("loop", loop);
		model.addAttribute("loopUpdatedAt", loop.updatedAt() == null ? ""
				: java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone()).format(loop.updatedAt()));
		model.addAttribute("loopDefaults", settings.defaults());
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

	/**
	 * The loop's timing and thresholds; the text of every field comes back to the form when any is wrong, so nothing
	 * typed is lost.
	 */
	@PostMapping("/settings")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String saveSettings(@RequestParam(required = false) @Nullable String amDue,
			@RequestParam(required = false) @Nullable String pmDue,
			@RequestParam(required = false) @Nullable String testGraceHours,
			@RequestParam(required = false) @Nullable String feverThreshold,
			@RequestParam(name = "escalation", required = false) java.util.@Nullable List<String> escalation,
			Jurisdiction who, RedirectAttributes flash) {
		java.util.List<String> steps = escalation == null ? java.util.List.of() : escalation;
		try {
			settings.change(amDue, pmDue, testGraceHours, feverThreshold, new java.util.ArrayList<>(steps), who.username());
			flash.addFlashAttribute("settingsMessage", "control.settings.saved");
		}
		catch (InvalidInput ex) {
			// shown inside the settings card, where the page opens after the redirect
			flash.addFlashAttribute("settingsProblems", ex.problems());
			flash.addFlashAttribute("settingsForm", new SettingsForm(amDue, pmDue, testGraceHours, feverThreshold, steps));
		}
		return "redirect:/control/protocols#loop-settings";
	}

	@PostMapping("/settings/reset")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String resetSettings(Jurisdiction who, RedirectAttributes flash) {
		settings.reset(who.username());
		flash.addFlashAttribute("settingsMessage", "control.settings.resetDone");
		return "redirect:/control/protocols#loop-settings";
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

	/** Hours as typed; what is not a number is refused by the range check, which names the field. */
	private static double hours(@Nullable String text) {
		try {
			return text == null ? Double.NaN : Double.parseDouble(text.strip());
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	/** What the admin typed, shown again after a refused change. */
	record SettingsForm(@Nullable String amDue, @Nullable String pmDue, @Nullable String testGraceHours,
			@Nullable String feverThreshold, java.util.List<String> escalation) {

		public String step(int level) {
			return level < escalation.size() ? escalation.get(level) : "";
		}
	}

	@PostMapping("/categories/{category}")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String saveCategory(@PathVariable Category category, @RequestParam String protocolId,
			@RequestParam(required = false) @Nullable String ackHours,
			@RequestParam(required = false) @Nullable String verifyHours,
			@RequestParam(required = false) @Nullable FactKind pendingFact,
			@RequestParam(required = false) @Nullable String strictness, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			catalogue.changeCategory(category, protocolId, hours(ackHours), hours(verifyHours), pendingFact,
					rank(strictness), who.username());
			flash.addFlashAttribute("message", "control.category.saved");
		});
		return "redirect:/control/protocols";
	}

}
