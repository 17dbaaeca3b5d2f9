package org.gridguard.status.web;

import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.NavItem;
import org.gridguard.platform.NotFound;
import org.gridguard.region.Jurisdiction;
import org.gridguard.status.FactKind;
import org.gridguard.status.RuleChangePreview;
import org.gridguard.status.StatusColour;
import org.gridguard.status.StatusManagement;

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
 * A person's colour with reasons and history (a fragment other pages load with htmx), and the rules table that the
 * city admin edits.
 */
@Controller
@RequestMapping("/status")
class StatusController {

	private final StatusManagement status;

	private final PersonManagement persons;

	private final RuleChangePreview preview;

	StatusController(StatusManagement status, RuleChangePreview preview, PersonManagement persons) {
		this.status = status;
		this.preview = preview;
		this.persons = persons;
	}

	@Bean
	static NavItem statusRulesNav() {
		return NavItem.in(NavItem.ADMIN, "nav.statusRules", "/status/rules", 950, "ROLE_CITY_ADMIN");
	}

	@GetMapping("/persons/{id}")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'EPIDEMIOLOGIST')")
	String person(@PathVariable long id, Jurisdiction who, Model model) {
		Person person = persons.find(id).filter(p -> persons.visible(p, who)).orElseThrow(() -> new NotFound("person"));
		model.addAttribute("status", status.current(person.id()));
		model.addAttribute("facts", status.activeFacts(person.id()));
		model.addAttribute("history", status.history(person.id()));
		return "status/person :: panel";
	}

	@GetMapping("/rules")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String rules(Model model) {
		model.addAttribute("rules", status.rules());
		model.addAttribute("colours", StatusColour.values());
		var counts = status.counts();
		model.addAttribute("redCount", counts.getOrDefault(StatusColour.RED, 0L));
		model.addAttribute("yellowCount", counts.getOrDefault(StatusColour.YELLOW, 0L));
		return "status/rules";
	}

	/**
	 * A rule as changed in the table, not saved yet: how many persons would change colour, and a confirmation that
	 * saves it.
	 */
	@PostMapping("/rules/{kind}/preview")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String previewRule(@PathVariable FactKind kind, @RequestParam StatusColour colour,
			@RequestParam(defaultValue = "false") boolean enabled, Model model) {
		model.addAttribute("effect", preview.of(kind, colour, enabled));
		return "status/rule-confirm";
	}

	@PostMapping("/rules/{kind}")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String changeRule(@PathVariable FactKind kind, @RequestParam StatusColour colour,
			@RequestParam(defaultValue = "false") boolean enabled, Jurisdiction who, RedirectAttributes flash) {
		int changed = status.changeRule(kind, colour, enabled, who.username());
		flash.addFlashAttribute("changed", changed);
		return "redirect:/status/rules";
	}

}
