package org.gridguard.inspection.web;

import org.gridguard.inspection.Checklists;
import org.gridguard.inspection.Severity;
import org.gridguard.platform.NavItem;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.PageActions;
import org.gridguard.region.Jurisdiction;
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

/** The checklists per venue category and for grids, edited by the city command. */
@Controller
@RequestMapping("/inspection/checklists")
@PreAuthorize("hasRole('CITY_ADMIN')")
class ChecklistController {

	private final Checklists checklists;

	ChecklistController(Checklists checklists) {
		this.checklists = checklists;
	}

	@Bean
	static NavItem checklistNav() {
		return NavItem.in(NavItem.ADMIN, "nav.checklists", "/inspection/checklists", 960, "ROLE_CITY_ADMIN");
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String target, Model model) {
		String shown = target == null || target.isBlank() ? checklists.targets().get(0) : target;
		if (!checklists.targets().contains(shown)) {
			throw new NotFound("checklist " + shown);
		}
		model.addAttribute("targets", checklists.targets());
		model.addAttribute("target", shown);
		model.addAttribute("items", checklists.items(shown, true));
		model.addAttribute("severities", Severity.values());
		return "inspection/checklists";
	}

	@PostMapping("/{target}/items")
	String add(@PathVariable String target, @RequestParam(required = false) @Nullable String label,
			@RequestParam(required = false) @Nullable String severity, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			checklists.add(target, label, severity, who);
			flash.addFlashAttribute("saved", true);
		});
		flash.addAttribute("target", target);
		return "redirect:/inspection/checklists";
	}

	@PostMapping("/{target}/items/{code}")
	String change(@PathVariable String target, @PathVariable String code,
			@RequestParam(required = false) @Nullable String severity,
			@RequestParam(defaultValue = "false") boolean active, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			checklists.change(target, code, severity, active, who);
			flash.addFlashAttribute("saved", true);
		});
		flash.addAttribute("target", target);
		return "redirect:/inspection/checklists";
	}

}
