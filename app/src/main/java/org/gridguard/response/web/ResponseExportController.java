package org.gridguard.response.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.gridguard.platform.ListExport;
import org.gridguard.platform.ListExports;
import org.gridguard.platform.Messages;
import org.gridguard.response.Drill;
import org.gridguard.response.Drills;
import org.gridguard.response.Owners;
import org.gridguard.response.Plan;
import org.gridguard.response.Plans;
import org.gridguard.response.Scenario;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The export twins of the plan list and the drill list, as the lists show them. */
@Controller
class ResponseExportController {

	private final Plans plans;

	private final Drills drills;

	private final Owners owners;

	private final ListExports exports;

	private final Messages messages;

	ResponseExportController(Plans plans, Drills drills, Owners owners, ListExports exports, Messages messages) {
		this.plans = plans;
		this.drills = drills;
		this.owners = owners;
		this.exports = exports;
		this.messages = messages;
	}

	@GetMapping("/response/plans/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'EPIDEMIOLOGIST', 'DEPARTMENT')")
	void plans(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable Scenario scenario, HttpServletResponse response) {
		exports.send(ListExport.of("plans", plans.pageList(scenario),
				List.of("response.field.scenario", "response.field.title", "response.field.owner", "response.plan.latest",
						"response.plan.updated"),
				ListExport.<Plan>eachRow(p -> List.of(messages.get(p.scenario().messageKey()), p.title(),
						owners.name(p.owner()), "v" + p.latestVersion(), p.updatedAt())))
			.filteredBy("scenario", scenario), format, response);
	}

	@GetMapping("/response/drills/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'EPIDEMIOLOGIST', 'DEPARTMENT')")
	void drills(@RequestParam(required = false) @Nullable String format, HttpServletResponse response) {
		exports.send(ListExport.of("drills", drills.listQuery(),
				List.of("response.field.heldOn", "response.field.scenario", "response.field.title",
						"response.followUp.open", "response.export.overdue"),
				ListExport.<Drill>eachRow(d -> List.of(d.heldOn(), messages.get(d.scenario().messageKey()), d.title(),
						d.openFollowUps(), d.overdueFollowUps()))),
				format, response);
	}

}
