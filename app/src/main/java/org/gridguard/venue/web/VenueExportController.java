package org.gridguard.venue.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.gridguard.platform.ListExport;
import org.gridguard.platform.ListExports;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.gridguard.venue.Purchase;
import org.gridguard.venue.SentinelPharmacy;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;
import org.gridguard.venue.VenueQuery;
import org.gridguard.venue.Visit;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The export twins of the venue list, a venue's visitor log (its check-ins) and a pharmacy's purchases: every row the
 * page shows with the same filters, visitors masked as on the page, authorized like the page.
 */
@Controller
class VenueExportController {

	private static final String READERS = "hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', "
			+ "'DEPARTMENT', 'EPIDEMIOLOGIST', 'VENUE_MANAGER')";

	private final VenueManagement venues;

	private final SentinelPharmacy pharmacy;

	private final RegionManagement regions;

	private final ListExports exports;

	private final Messages messages;

	private final Clock clock;

	VenueExportController(VenueManagement venues, SentinelPharmacy pharmacy, RegionManagement regions,
			ListExports exports, Messages messages, Clock clock) {
		this.venues = venues;
		this.pharmacy = pharmacy;
		this.regions = regions;
		this.exports = exports;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/venues/export")
	@PreAuthorize(READERS)
	void venues(@RequestParam(required = false) @Nullable String format, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String closure, Jurisdiction who, HttpServletResponse response) {
		Map<String, String> places = new HashMap<>();
		exports.send(ListExport.of("venues", venues.searchList(who, new VenueQuery(q, category, region, closure)),
				List.of("venue.name", "venue.category", "venue.region", "venue.address", "venue.sector", "venue.closure",
						"venue.code"),
				ListExport.<Venue>eachRow(v -> java.util.Arrays.asList(v.name(), messages.get(v.category().messageKey()),
						places.computeIfAbsent(v.regionCode(), regions::fullName), v.address(),
						messages.get("sector." + v.sector()), messages.get("venue.closure." + v.closure()), v.code())))
			.filteredBy("q", q, "category", category, "region", region, "closure", closure), format, response);
	}

	@GetMapping("/venues/{id}/visits/export")
	@PreAuthorize(READERS)
	void visits(@PathVariable long id, @RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) Visit.@Nullable Only only, Jurisdiction who, HttpServletResponse response) {
		LocalDate today = LocalDate.now(clock);
		LocalDate start = from == null ? today : from;
		LocalDate end = to == null ? today : to;
		exports.send(ListExport.ofPersons("venue-visits", venues.visitList(id, start, end, only, who),
				List.of("venue.visit.at", "venue.visit.until", "person.name", "person.idNumber", "common.status",
						"venue.visit.admitted", "venue.visit.channel"),
				chunk -> venues.visitsForExport(chunk).stream().map(this::visitCells).toList())
			.about(id)
			.filteredBy("from", start, "to", end, "only", only), format, response);
	}

	private List<?> visitCells(Visit v) {
		return List.of(v.at(), v.until(), v.name(), v.idMasked(), messages.get("status.colour." + v.colour()),
				messages.get(v.admitted() ? "common.yes" : "common.no"), messages.get("venue.channel." + v.channel()));
	}

	@GetMapping("/venues/{id}/purchases/export")
	@PreAuthorize(READERS)
	void purchases(@PathVariable long id, @RequestParam(required = false) @Nullable String format, Jurisdiction who,
			HttpServletResponse response) {
		exports.send(ListExport.ofPersons("pharmacy-purchases", pharmacy.recentList(id, who),
				List.of("venue.visit.at", "person.name", "person.idNumber", "venue.purchase.medicinesLabel",
						"venue.purchase.quantityLabel", "venue.purchase.fever"),
				chunk -> pharmacy.purchasesForExport(chunk).stream().map(this::purchaseCells).toList())
			.about(id), format, response);
	}

	private List<?> purchaseCells(Purchase p) {
		var medicines = new StringBuilder();
		for (String m : p.medicines().split(",")) {
			if (!m.isBlank()) {
				medicines.append(medicines.isEmpty() ? "" : "、").append(messages.get("venue.medicine." + m));
			}
		}
		return List.of(p.at(), p.name(), p.idMasked(), medicines.toString(), p.quantity(),
				messages.get(p.fever() ? "common.yes" : "common.no"));
	}

}
