package org.gridguard.response.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.PageActions;
import org.gridguard.region.Jurisdiction;
import org.gridguard.response.Drill;
import org.gridguard.response.Drills;
import org.gridguard.response.FollowUp;
import org.gridguard.response.FollowUps;
import org.gridguard.response.Owners;
import org.gridguard.response.Plans;
import org.gridguard.response.Scenario;
import org.gridguard.shared.Paging;
import org.jspecify.annotations.Nullable;

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
 * Drills and their follow-up actions: overdue actions first, the drills held; the city command records drills and
 * adds actions, each action's owner (or the command) closes it with what was done.
 */
@Controller
@RequestMapping("/response/drills")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'EPIDEMIOLOGIST', 'DEPARTMENT')")
class DrillController {

	/** Follow-up rows offered on the form of a new drill. */
	static final int ROWS = 3;

	private final Drills drills;

	private final FollowUps followUps;

	private final Plans plans;

	private final Owners owners;

	private final Clock clock;

	DrillController(Drills drills, FollowUps followUps, Plans plans, Owners owners, Clock clock) {
		this.drills = drills;
		this.followUps = followUps;
		this.plans = plans;
		this.owners = owners;
		this.clock = clock;
	}

	/** The new-drill form as typed (follow-up rows as {@link Drills.NewFollowUp}s). */
	record DrillForm(Drills.NewDrill drill, List<Drills.NewFollowUp> followUps) {
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable Integer page, Jurisdiction who, Model model) {
		model.addAttribute("result", drills.list(Paging.of(page, 20)));
		model.addAttribute("overdue", followUps.overdue());
		model.addAttribute("owners", owners);
		model.addAttribute("canRecord", who.isCityAdmin());
		model.addAttribute("today", LocalDate.now(clock));
		addChoices(model);
		if (!model.containsAttribute("form")) {
			var rows = new ArrayList<Drills.NewFollowUp>();
			for (int i = 0; i < ROWS; i++) {
				rows.add(new Drills.NewFollowUp(null, null, null, null));
			}
			model.addAttribute("form",
					new DrillForm(new Drills.NewDrill(null, null, null, null, null, null), rows));
		}
		return "response/drills";
	}

	@PostMapping
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String record(@RequestParam(required = false) @Nullable String heldOn,
			@RequestParam(required = false) @Nullable String scenario,
			@RequestParam(required = false) @Nullable String title, @RequestParam(required = false) @Nullable Long planId,
			@RequestParam(required = false) @Nullable String participants,
			@RequestParam(required = false) @Nullable String findings, @RequestParam MultiValueMap<String, String> params,
			Jurisdiction who, RedirectAttributes flash) {
		var drill = new Drills.NewDrill(heldOn, scenario, title, planId, participants, findings);
		// rows as lists of the repeated fields, read from the raw values so that a comma in one is kept
		List<String> actions = params.getOrDefault("fuAction", List.of());
		List<String> ownersChosen = params.getOrDefault("fuOwner", List.of());
		List<String> contacts = params.getOrDefault("fuContact", List.of());
		List<String> dues = params.getOrDefault("fuDue", List.of());
		var rows = new ArrayList<Drills.NewFollowUp>();
		int n = Math.max(Math.max(actions.size(), ownersChosen.size()), Math.max(contacts.size(), dues.size()));
		for (int i = 0; i < n; i++) {
			rows.add(new Drills.NewFollowUp(at(actions, i), at(ownersChosen, i), at(contacts, i), at(dues, i)));
		}
		try {
			Drill recorded = drills.record(drill, rows, who);
			flash.addFlashAttribute("recorded", true);
			return "redirect:/response/drills/" + recorded.id();
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
			flash.addFlashAttribute("form", new DrillForm(drill, rows));
			return "redirect:/response/drills#new-drill";
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Jurisdiction who, Model model) {
		Drill drill = drills.get(id);
		List<FollowUp> actions = drills.followUps(id);
		model.addAttribute("drill", drill);
		model.addAttribute("plan", drill.planId() == null ? null : plans.get(drill.planId()));
		model.addAttribute("followUps", actions);
		model.addAttribute("mayClose", actions.stream().filter(f -> followUps.mayClose(f, who)).map(FollowUp::id).toList());
		model.addAttribute("owners", owners);
		model.addAttribute("ownerOptions", owners.options());
		model.addAttribute("canAdd", who.isCityAdmin());
		model.addAttribute("today", LocalDate.now(clock));
		if (!model.containsAttribute("action")) {
			model.addAttribute("action", new Drills.NewFollowUp(null, null, null, null));
		}
		return "response/drill";
	}

	@PostMapping("/{id}/follow-ups")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String addFollowUp(@PathVariable long id, @RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String owner,
			@RequestParam(required = false) @Nullable String ownerContact,
			@RequestParam(required = false) @Nullable String dueOn, Jurisdiction who, RedirectAttributes flash) {
		var input = new Drills.NewFollowUp(action, owner, ownerContact, dueOn);
		try {
			drills.addFollowUp(id, input, who);
			flash.addFlashAttribute("message", "response.followUp.added");
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
			flash.addFlashAttribute("action", input);
		}
		return "redirect:/response/drills/" + id;
	}

	@PostMapping("/{id}/follow-ups/{followUp}/close")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT')")
	String close(@PathVariable long id, @PathVariable long followUp, @RequestParam(required = false) @Nullable String note,
			Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			followUps.close(followUp, note, who);
			flash.addFlashAttribute("message", "response.followUp.closed");
		});
		return "redirect:/response/drills/" + id;
	}

	private void addChoices(Model model) {
		model.addAttribute("scenarios", Scenario.values());
		model.addAttribute("plans", plans.list(null));
		model.addAttribute("ownerOptions", owners.options());
	}

	private static @Nullable String at(List<String> values, int i) {
		return i < values.size() ? values.get(i) : null;
	}

}
