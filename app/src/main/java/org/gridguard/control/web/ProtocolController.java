package org.gridguard.control.web;

import java.time.Clock;
import java.time.LocalDate;

import org.gridguard.control.Category;
import org.gridguard.control.LoopSettingsStore;
import org.gridguard.control.MeasureKind;
import org.gridguard.control.Protocol;
import org.gridguard.control.ProtocolCatalogue;
import org.gridguard.control.ProtocolDraft;
import org.gridguard.control.ProtocolEditor;
import org.gridguard.control.ProtocolSchedule;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.NavItem;
import org.gridguard.platform.PageActions;
import org.gridguard.region.Jurisdiction;
import org.gridguard.response.ResponseLevels;
import org.gridguard.status.FactKind;
import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
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

	private final ProtocolEditor editor;

	ProtocolController(ProtocolCatalogue catalogue, ProtocolEditor editor, LoopSettingsStore settings,
			ResponseLevels levels, Clock clock) {
		this.catalogue = catalogue;
		this.editor = editor;
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
		Protocol editing = edit == null ? null : catalogue.protocol(edit).orElse(null);
		fill(model, who, editing != null, editing == null ? ProtocolDraft.blank() : ProtocolDraft.of(editing));
		return "control/protocols";
	}

	/**
	 * Saves the protocol of the editor; a refused draft comes back as typed, with each problem named by row and field.
	 */
	@PostMapping
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String save(@RequestParam MultiValueMap<String, String> form, Jurisdiction who, Model model,
			HttpServletResponse response, RedirectAttributes flash) {
		ProtocolDraft draft = ProtocolForm.draft(form);
		try {
			editor.save(draft, who.username());
		}
		catch (InvalidInput ex) {
			fill(model, who, catalogue.protocol(draft.id()).isPresent(), draft);
			model.addAttribute("draftProblems", ex.problems());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "control/protocols";
		}
		flash.addFlashAttribute("message", "control.protocol.saved");
		return "redirect:/control/protocols";
	}

	/** The plan a person would get under the draft as typed, with today as day 1 (an htmx fragment). */
	@PostMapping("/preview")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String preview(@RequestParam MultiValueMap<String, String> form, Model model) {
		try {
			model.addAttribute("preview", editor.preview(ProtocolForm.draft(form)));
		}
		catch (InvalidInput ex) {
			model.addAttribute("draftProblems", ex.problems());
		}
		return "control/protocols :: preview";
	}

	private void fill(Model model, Jurisdiction who, boolean editing, ProtocolDraft draft) {
		model.addAttribute("canEdit", who.isCityAdmin());
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("protocols", catalogue.protocols());
		model.addAttribute("categories", catalogue.categories());
		model.addAttribute("facts", FactKind.values());
		model.addAttribute("startRules", Protocol.StartRule.values());
		model.addAttribute("measures", MeasureKind.values());
		model.addAttribute("maxDays", ProtocolForm.MAX_DAYS);
		model.addAttribute("today", today);
		// the loop's numbers and the categories' deadlines are those of the response level in force; they are edited
		// in that level's rule profile
		model.addAttribute("loop", settings.settings());
		model.addAttribute("responseLevel", levels.current().level());
		model.addAttribute("example", catalogue.protocols()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Protocol::id, p -> ProtocolSchedule.of(p, today))));
		model.addAttribute("editing", editing);
		model.addAttribute("draft", draft);
		model.addAttribute("rows", ProtocolForm.rows(draft));
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
