package org.gridguard.response.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.region.Jurisdiction;
import org.gridguard.response.ProfileEditing;
import org.gridguard.response.ProfileViews;
import org.gridguard.response.ResponseLevel;
import org.gridguard.response.ResponseLevels;
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
 * The rule profiles: every setting at the five levels side by side, one level's profile to edit (the city admin), and
 * what differs between two levels.
 */
@Controller
@RequestMapping("/response/profiles")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'EPIDEMIOLOGIST', 'DEPARTMENT')")
class ProfileController {

	/** Form fields of settings are named {@code v.<setting key>}. */
	private static final String FIELD = "v.";

	private final ProfileViews views;

	private final ProfileEditing editing;

	private final ResponseLevels levels;

	ProfileController(ProfileViews views, ProfileEditing editing, ResponseLevels levels) {
		this.views = views;
		this.editing = editing;
		this.levels = levels;
	}

	@GetMapping
	String matrix(Jurisdiction who, Model model) {
		model.addAttribute("rows", views.matrix());
		model.addAttribute("levels", ResponseLevel.values());
		model.addAttribute("active", levels.current().level());
		model.addAttribute("canEdit", who.isCityAdmin());
		return "response/profiles";
	}

	@GetMapping("/{level}")
	String profile(@PathVariable ResponseLevel level, Jurisdiction who, Model model) {
		model.addAttribute("level", level);
		model.addAttribute("entries", views.entries(level));
		model.addAttribute("active", levels.current().level());
		model.addAttribute("canEdit", who.isCityAdmin());
		model.addAttribute("levels", ResponseLevel.values());
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", Map.of());
		}
		if (!model.containsAttribute("fieldProblems")) {
			model.addAttribute("fieldProblems", Map.of());
		}
		return "response/profile";
	}

	/** Saves what was typed; when anything is refused, every value comes back as typed with its problem beside it. */
	@PostMapping("/{level}")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String save(@PathVariable ResponseLevel level, @RequestParam Map<String, String> params, Jurisdiction who,
			RedirectAttributes flash) {
		var typed = new LinkedHashMap<String, String>();
		params.forEach((name, value) -> {
			if (name.startsWith(FIELD)) {
				typed.put(name.substring(FIELD.length()), value);
			}
		});
		try {
			var changed = editing.edit(level, typed, who.username());
			flash.addFlashAttribute("saved", changed.size());
		}
		catch (InvalidInput ex) {
			var byField = new LinkedHashMap<String, String>();
			for (FieldProblem p : ex.problems()) {
				byField.merge(p.field(), p.message(), (a, b) -> a + " " + b);
			}
			flash.addFlashAttribute("problems", ex.problems());
			flash.addFlashAttribute("fieldProblems", byField);
			flash.addFlashAttribute("typed", typed);
		}
		return "redirect:/response/profiles/" + level.name();
	}

	@PostMapping("/{level}/reset")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String reset(@PathVariable ResponseLevel level, Jurisdiction who, RedirectAttributes flash) {
		editing.reset(level, who.username());
		flash.addFlashAttribute("resetDone", true);
		return "redirect:/response/profiles/" + level.name();
	}

	@GetMapping("/compare")
	String compare(@RequestParam(required = false) @Nullable ResponseLevel from,
			@RequestParam(required = false) @Nullable ResponseLevel to, Model model) {
		ResponseLevel a = from == null ? levels.current().level() : from;
		ResponseLevel b = to == null ? (a == ResponseLevel.I ? ResponseLevel.NORMAL : ResponseLevel.values()[a.ordinal() + 1])
				: to;
		model.addAttribute("from", a);
		model.addAttribute("to", b);
		model.addAttribute("levels", ResponseLevel.values());
		model.addAttribute("differences", views.differences(a, b));
		return "response/compare";
	}

}
