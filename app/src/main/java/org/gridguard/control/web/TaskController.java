package org.gridguard.control.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.gridguard.control.Verifications;
import org.gridguard.control.ControlQueries;
import org.gridguard.control.MeasureKind;
import org.gridguard.control.Outcome;
import org.gridguard.control.ProtocolCatalogue;
import org.gridguard.control.RiskPerson;
import org.gridguard.control.SiteHandover;
import org.gridguard.control.Verification;
import org.gridguard.control.VerificationTask;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.NavItem;
import org.gridguard.platform.PageActions;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The grid worker's phone: tasks ordered by deadline with a countdown; accept, visit, record — a few taps.
 */
@Controller
@RequestMapping("/control/tasks")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER')")
class TaskController {

	private final ControlQueries queries;

	private final Verifications verifications;

	private final ProtocolCatalogue catalogue;

	private final PersonManagement persons;

	private final RegionManagement regions;

	private final Clock clock;

	private final org.gridguard.platform.AuditLog audit;

	private final SiteHandover handover;

	TaskController(ControlQueries queries, Verifications verifications, ProtocolCatalogue catalogue,
			PersonManagement persons, RegionManagement regions, Clock clock, org.gridguard.platform.AuditLog audit,
			SiteHandover handover) {
		this.handover = handover;
		this.audit = audit;
		this.queries = queries;
		this.verifications = verifications;
		this.catalogue = catalogue;
		this.persons = persons;
		this.regions = regions;
		this.clock = clock;
	}

	@Bean
	static NavItem tasksNav() {
		return NavItem.in(NavItem.CONTROL, "nav.tasks", "/control/tasks", 290, "ROLE_TOWN_OFFICER", "ROLE_VILLAGE_OFFICER",
				"ROLE_GRID_WORKER");
	}

	/** A task with its person, for the list and the detail. */
	record TaskRow(VerificationTask task, RiskPersonRow person) {
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "true") boolean open, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "false") boolean escalated,
			@RequestParam(required = false) @Nullable String region, Jurisdiction signedIn, Model model) {
		Jurisdiction who = signedIn.narrowedTo(region);
		PageResult<VerificationTask> result = queries.tasks(
				new ControlQueries.TaskFilter(null, open, overdue, null, escalated), who, Paging.of(page, 30));
		List<RiskPersonRow> people = RiskPersonRow.of(
				result.items().stream().map(t -> queries.riskPerson(t.riskPersonId(), who)).toList(), persons, regions);
		var rows = new java.util.ArrayList<TaskRow>();
		for (int i = 0; i < result.items().size(); i++) {
			rows.add(new TaskRow(result.items().get(i), people.get(i)));
		}
		model.addAttribute("result", result);
		model.addAttribute("rows", rows);
		model.addAttribute("open", open);
		model.addAttribute("now", clock.instant());
		model.addAttribute("overdue", overdue);
		model.addAttribute("escalated", escalated);
		model.addAttribute("regionName", who == signedIn ? null : regions.fullName(who.regionCode()));
		model.addAttribute("base", "/control/tasks?open=" + open + (overdue ? "&overdue=true" : "")
				+ (escalated ? "&escalated=true" : "") + (who == signedIn ? "" : "&region=" + who.regionCode()));
		return "control/tasks";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Jurisdiction who, Model model) {
		VerificationTask task = queries.task(id, who);
		RiskPerson risk = queries.riskPerson(task.riskPersonId(), who);
		audit.record("RISK_PERSON_VIEW", "person", String.valueOf(risk.personId()), "task " + id);
		model.addAttribute("task", task);
		model.addAttribute("row", RiskPersonRow.of(List.of(risk), persons, regions).get(0));
		String defaultProtocol = catalogue.category(risk.category()).protocolId();
		model.addAttribute("protocols", catalogue.protocols());
		model.addAttribute("defaultProtocol", defaultProtocol);
		model.addAttribute("measures", catalogue.protocol(defaultProtocol).map(p -> p.firstMeasures()).orElse(List.of()));
		model.addAttribute("now", clock.instant());
		model.addAttribute("today", LocalDate.now(clock));
		return "control/task";
	}

	@PostMapping("/{id}/accept")
	String accept(@PathVariable long id, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			verifications.accept(id, who);
		});
		return "redirect:/control/tasks/" + id;
	}

	/** The person's phone in full as a tap-to-call link, for the worker about to call; every reveal is audited. */
	@PostMapping("/{id}/phone")
	String phone(@PathVariable long id, Jurisdiction who, Model model) {
		VerificationTask task = queries.task(id, who);
		RiskPerson risk = queries.riskPerson(task.riskPersonId(), who);
		String phone = persons.phoneOf(risk.personId()).orElse(null);
		audit.record("PERSON_PHONE_REVEAL", "person", String.valueOf(risk.personId()), "task " + id);
		model.addAttribute("phone", phone);
		return "control/task :: phone";
	}

	/** The grid worker confirms that a person released from a quarantine site arrived home. */
	@PostMapping("/{id}/arrived")
	String arrived(@PathVariable long id, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			handover.confirmArrival(id, who);
			flash.addFlashAttribute("message", "control.task.arrived");
		});
		return "redirect:/control/tasks/" + id;
	}

	@PostMapping("/{id}/complete")
	String complete(@PathVariable long id, @RequestParam Outcome outcome,
			@RequestParam(defaultValue = "false") boolean phoneConfirmed,
			@RequestParam(required = false) @Nullable String protocolId,
			@RequestParam(required = false) @Nullable MeasureKind measure,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate lastExposure,
			@RequestParam(required = false) @Nullable String note, Jurisdiction who, RedirectAttributes flash) {
		try {
			RiskPerson risk = verifications.complete(id,
					new Verification(outcome, phoneConfirmed, protocolId, lastExposure, note, measure), who);
			flash.addFlashAttribute("message", "control.task.done." + outcome);
			return "redirect:/control/tasks?done=" + risk.id();
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
			return "redirect:/control/tasks/" + id;
		}
	}

}
