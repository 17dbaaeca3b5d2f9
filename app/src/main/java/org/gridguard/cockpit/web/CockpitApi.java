package org.gridguard.cockpit.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.gridguard.cockpit.CheckInRecount;
import org.gridguard.cockpit.Cockpit;
import org.gridguard.cockpit.CockpitArea;
import org.gridguard.cockpit.CockpitAreas;
import org.gridguard.platform.AuditLog;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cockpit in the integration API (API.md, command layer): {@code GET /api/v1/cockpit} with the figures of a region
 * (default the caller's own area; 404 outside it), and the check-in list behind {@code checkinsToday}.
 */
@RestController
@RequestMapping("/api/v1/cockpit")
class CockpitApi {

	private final CockpitAreas areas;

	private final Cockpit cockpit;

	private final CheckInList checkIns;

	private final CheckInRecount recount;

	private final AuditLog audit;

	CockpitApi(CockpitAreas areas, Cockpit cockpit, CheckInList checkIns, CheckInRecount recount, AuditLog audit) {
		this.areas = areas;
		this.cockpit = cockpit;
		this.checkIns = checkIns;
		this.recount = recount;
		this.audit = audit;
	}

	@GetMapping
	@ApiResponse(responseCode = "200", description = "The figures of the region (default: the caller's own area)",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = CockpitAnswer.class)))
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER')")
	Map<String, Object> figures(@RequestParam(required = false) @Nullable String region, Jurisdiction who) {
		return cockpit.read(areas.of(who, region)).api();
	}

	/** Check-ins of a day (default today) by venue of the region, busiest first; {@code checkins} is their sum. */
	@GetMapping("/checkins")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER')")
	Map<String, Object> checkIns(@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
			Jurisdiction who) {
		CockpitArea today = areas.of(who, region);
		CockpitArea area = day == null ? today : new CockpitArea(today.scope(), today.region(), day, today.at());
		CheckInList.Page result = checkIns.of(area, Paging.of(page, size));
		var answer = new LinkedHashMap<String, Object>();
		answer.put("region", area.code());
		answer.put("day", area.day().toString());
		answer.put("checkins", result.checkins());
		answer.put("items", result.venues().items());
		answer.put("page", result.venues().page());
		answer.put("size", result.venues().size());
		answer.put("total", result.venues().total());
		return answer;
	}

	/**
	 * Counts days of check-ins again from the stored check-ins (after check-ins were loaded into the database by other
	 * means); {@code day} alone, or the last {@code days} days (default 1: today).
	 */
	@PostMapping("/recount")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	Map<String, Object> recount(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@RequestParam(defaultValue = "1") int days, Jurisdiction who) {
		long start = System.nanoTime();
		List<LocalDate> recounted = day != null ? List.of(day) : recount.recountRecent(Math.max(1, Math.min(days, 90)));
		if (day != null) {
			recount.recount(day);
		}
		audit.record("COCKPIT_RECOUNT", "cockpit", null, recounted.size() + " days");
		return Map.of("days", recounted.stream().map(LocalDate::toString).toList(), "millis",
				(System.nanoTime() - start) / 1_000_000);
	}

}
