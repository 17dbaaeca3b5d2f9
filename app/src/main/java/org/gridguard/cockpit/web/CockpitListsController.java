package org.gridguard.cockpit.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gridguard.cockpit.CockpitArea;
import org.gridguard.cockpit.CockpitAreas;
import org.gridguard.cockpit.PositiveLog;
import org.gridguard.cockpit.VenueAlertLog;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The lists behind the cockpit's figures that no module has of its own: check-ins of a day by venue (each venue
 * linking to its visitor log of that day, whose total is the venue's number here), the day's positives of the
 * region's residents, and the day's alerts at its venues. The total of each list is the figure on the cockpit.
 */
@Controller
@RequestMapping("/cockpit")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER')")
class CockpitListsController {

	private final CockpitAreas areas;

	private final CheckInList checkIns;

	private final PositiveLog positives;

	private final VenueAlertLog alerts;

	private final PersonManagement persons;

	CockpitListsController(CockpitAreas areas, CheckInList checkIns, PositiveLog positives, VenueAlertLog alerts,
			PersonManagement persons) {
		this.areas = areas;
		this.checkIns = checkIns;
		this.positives = positives;
		this.alerts = alerts;
		this.persons = persons;
	}

	@GetMapping("/checkins")
	String checkIns(@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@RequestParam(required = false) @Nullable Integer page, Jurisdiction who, Model model) {
		CockpitArea area = area(who, region, day, model);
		CheckInList.Page result = checkIns.of(area, Paging.of(page, 50));
		model.addAttribute("result", result.venues());
		model.addAttribute("total", result.checkins());
		model.addAttribute("places", places(result.venues().items().stream().map(CheckInList.Row::regionCode).toList()));
		model.addAttribute("base", area.link("/cockpit/checkins", "day", area.day().toString()));
		return "cockpit/checkins";
	}

	@GetMapping("/positives")
	String positives(@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@RequestParam(required = false) @Nullable Integer page, Jurisdiction who, Model model) {
		CockpitArea area = area(who, region, day, model);
		PageResult<PositiveLog.Positive> result = positives.list(area.day(), area.code(), Paging.of(page, 50));
		Map<Long, Person> people = persons.readVisible(result.items().stream().map(PositiveLog.Positive::personId).toList(),
				area.scope(), "cockpit-positives", null);
		model.addAttribute("result", result);
		model.addAttribute("people", people);
		model.addAttribute("places", places(result.items().stream().map(PositiveLog.Positive::regionCode).toList()));
		model.addAttribute("base", area.link("/cockpit/positives", "day", area.day().toString()));
		return "cockpit/positives";
	}

	@GetMapping("/alerts")
	String alerts(@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@RequestParam(required = false) @Nullable Integer page, Jurisdiction who, Model model) {
		CockpitArea area = area(who, region, day, model);
		PageResult<VenueAlertLog.Alert> result = alerts.list(area.day(), area.code(), Paging.of(page, 50));
		model.addAttribute("result", result);
		model.addAttribute("places", places(result.items().stream().map(VenueAlertLog.Alert::regionCode).toList()));
		model.addAttribute("base", area.link("/cockpit/alerts", "day", area.day().toString()));
		return "cockpit/alerts";
	}

	private CockpitArea area(Jurisdiction who, @Nullable String region, @Nullable LocalDate day, Model model) {
		CockpitArea today = areas.of(who, region);
		CockpitArea area = day == null ? today : new CockpitArea(today.scope(), today.region(), day, today.at());
		model.addAttribute("area", area);
		model.addAttribute("areaName", areas.fullName(area.code()));
		return area;
	}

	private Map<String, String> places(List<String> codes) {
		var names = new java.util.HashMap<String, String>();
		codes.forEach(code -> names.computeIfAbsent(code, areas::fullName));
		return names;
	}

}
