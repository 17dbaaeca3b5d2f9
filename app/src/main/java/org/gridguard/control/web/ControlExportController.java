package org.gridguard.control.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.gridguard.control.Category;
import org.gridguard.control.ControlQueries;
import org.gridguard.control.RiskPerson;
import org.gridguard.control.UnmanagedDetector;
import org.gridguard.control.VerificationTask;
import org.gridguard.control.Violation;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.ListExport;
import org.gridguard.platform.ListExports;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.jspecify.annotations.Nullable;

import java.time.Clock;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The export twins of the control loop's list pages (and, through {@link ControlExportApi}, of its list API): every
 * risk person, task, unmanaged person and queued person that the list shows with the same filters, as CSV or XLSX,
 * authorized like the list.
 */
@Controller
class ControlExportController {

	private final ControlQueries queries;

	private final UnmanagedDetector detector;

	private final PersonManagement persons;

	private final RegionManagement regions;

	private final ListExports exports;

	private final Messages messages;

	private final Clock clock;

	ControlExportController(ControlQueries queries, UnmanagedDetector detector, PersonManagement persons,
			RegionManagement regions, ListExports exports, Messages messages, Clock clock) {
		this.queries = queries;
		this.detector = detector;
		this.persons = persons;
		this.regions = regions;
		this.exports = exports;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/control/risk-persons/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'EPIDEMIOLOGIST')")
	void riskPersons(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable Category category,
			@RequestParam(required = false) RiskPerson.@Nullable State state,
			@RequestParam(required = false) @Nullable String grid, @RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String idNumber, @RequestParam(required = false) @Nullable Long list,
			@RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @Nullable String individual,
			@RequestParam(defaultValue = "false") boolean active, Jurisdiction who, HttpServletResponse response) {
		String area = grid != null && !grid.isBlank() ? grid : region;
		var filter = RiskPersonSearch.filter(category, state, area, idNumber, list, unit, individual, active, who,
				persons);
		exports.send(ListExport.ofPersons("risk-persons", queries.riskPersonList(filter, who), RiskPersonRow.HEADERS,
				chunk -> RiskPersonRow.forExport(chunk, persons, regions).stream().map(r -> r.cells(messages)).toList())
			.filteredBy("category", category, "state", state, "region", area, "list", list, "unit", unit, "active", active,
					"idNumber", idNumber == null || idNumber.isBlank() ? null : "given", "individual",
					individual == null || individual.isBlank() ? null : "given"),
				format, response);
	}

	@GetMapping("/control/queue/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER')")
	void queue(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String region, Jurisdiction signedIn, HttpServletResponse response) {
		Jurisdiction who = signedIn.narrowedTo(region);
		exports.send(ListExport.ofPersons("queue", queries.queueList(who), RiskPersonRow.HEADERS,
				chunk -> RiskPersonRow.forExport(chunk, persons, regions).stream().map(r -> r.cells(messages)).toList())
			.filteredBy("region", region), format, response);
	}

	@GetMapping("/control/tasks/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER')")
	void tasks(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) VerificationTask.@Nullable State state,
			@RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "false") boolean escalated, @RequestParam(required = false) @Nullable String grid,
			@RequestParam(required = false) @Nullable String region, Jurisdiction signedIn, HttpServletResponse response) {
		Jurisdiction who = signedIn.narrowedTo(region);
		var filter = new ControlQueries.TaskFilter(state, open, overdue, grid, escalated);
		exports.send(ListExport.ofPersons("tasks", queries.taskList(filter, who), TASK_HEADERS, this::taskCells)
			.filteredBy("state", state, "open", open, "overdue", overdue, "escalated", escalated, "grid", grid, "region",
					region), format, response);
	}

	private static final List<String> TASK_HEADERS = List.of("person.name", "control.category", "control.task.kind",
			"common.status", "control.due", "control.tasks.overdue", "control.place");

	private List<List<?>> taskCells(List<VerificationTask> tasks) {
		Map<Long, RiskPersonRow> people = rowsById(tasks.stream().map(VerificationTask::riskPersonId).toList());
		Instant now = clock.instant();
		var result = new ArrayList<List<?>>(tasks.size());
		for (VerificationTask t : tasks) {
			RiskPersonRow person = people.get(t.riskPersonId());
			result.add(List.of(person == null ? "" : person.name(),
					person == null ? "" : messages.get("control.category." + person.risk().category()),
					messages.get("control.task.kind." + t.kind()), messages.get("control.task.state." + t.state()),
					t.dueAt(), messages.get(t.overdue(now) ? "common.yes" : "common.no"),
					person == null ? regions.fullName(t.regionCode()) : person.placeName()));
		}
		return result;
	}

	@GetMapping("/control/unmanaged/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'EPIDEMIOLOGIST')")
	void unmanaged(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) Violation.@Nullable Kind kind,
			@RequestParam(required = false) @Nullable String region, Jurisdiction signedIn, HttpServletResponse response) {
		Jurisdiction who = signedIn.narrowedTo(region);
		exports.send(ListExport.ofPersons("unmanaged", detector.openList(who, kind), UNMANAGED_HEADERS,
				this::unmanagedCells)
			.filteredBy("kind", kind, "region", region), format, response);
	}

	private static final List<String> UNMANAGED_HEADERS = List.of("person.name", "control.reason", "control.place",
			"control.since", "control.escalation");

	private List<List<?>> unmanagedCells(List<Violation> violations) {
		Map<Long, RiskPersonRow> people = rowsById(violations.stream().map(Violation::riskPersonId).toList());
		var result = new ArrayList<List<?>>(violations.size());
		for (Violation v : violations) {
			RiskPersonRow person = people.get(v.riskPersonId());
			result.add(List.of(person == null ? "" : person.name(),
					messages.get("control.violation." + v.kind()) + (v.detail() == null ? "" : "：" + v.detail()),
					person == null ? regions.fullName(v.regionCode()) : person.placeName(), v.since(),
					messages.get("control.level." + v.escalationLevel())));
		}
		return result;
	}

	private Map<Long, RiskPersonRow> rowsById(List<Long> riskPersonIds) {
		var risks = new ArrayList<>(queries.riskPersonsById(riskPersonIds).values());
		var result = new java.util.HashMap<Long, RiskPersonRow>();
		RiskPersonRow.forExport(risks, persons, regions).forEach(r -> result.put(r.risk().id(), r));
		return result;
	}

}
