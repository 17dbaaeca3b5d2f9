package org.gridguard.quarantine.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.ListExport;
import org.gridguard.platform.ListExports;
import org.gridguard.platform.Messages;
import org.gridguard.quarantine.Site;
import org.gridguard.quarantine.SiteQueries;
import org.gridguard.quarantine.Stay;
import org.gridguard.quarantine.Transfer;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The export twins of the quarantine lists, for the pages (and, through {@link QuarantineExportApi}, the API): sites
 * with their occupancy, transfer orders and stays, with the lists' filters, authorized like the lists.
 */
@Controller
class QuarantineExportController {

	private final SiteQueries queries;

	private final PersonManagement persons;

	private final RegionManagement regions;

	private final ListExports exports;

	private final Messages messages;

	private final Clock clock;

	QuarantineExportController(SiteQueries queries, PersonManagement persons, RegionManagement regions,
			ListExports exports, Messages messages, Clock clock) {
		this.queries = queries;
		this.persons = persons;
		this.regions = regions;
		this.exports = exports;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/quarantine/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'EPIDEMIOLOGIST', 'SITE_STAFF')")
	void sites(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String region, Jurisdiction signedIn, HttpServletResponse response) {
		Jurisdiction who = signedIn.narrowedTo(region);
		Map<String, String> towns = new HashMap<>();
		exports.send(ListExport.of("quarantine-sites", queries.siteList(who, who == signedIn ? null : who.regionCode()),
				List.of("quarantine.site.name", "quarantine.site.town", "quarantine.fig.rooms", "quarantine.export.beds",
						"quarantine.fig.occupied", "quarantine.fig.free", "quarantine.room.state.DISINFECTION",
						"quarantine.fig.residents"),
				ListExport.<Site>eachRow(s -> List.of(s.name(), towns.computeIfAbsent(s.townCode(), regions::fullName),
						s.rooms(), s.beds(), s.occupied(), s.free(), s.awaitingDisinfection(), s.residents())))
			.filteredBy("region", region), format, response);
	}

	@GetMapping("/quarantine/transfers/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'EPIDEMIOLOGIST', 'SITE_STAFF')")
	void transfers(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) Transfer.@Nullable State state,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) @Nullable String region,
			Jurisdiction signedIn, HttpServletResponse response) {
		Jurisdiction who = signedIn.narrowedTo(region);
		Map<Long, String> siteNames = new HashMap<>();
		queries.sites(signedIn, null).forEach(s -> siteNames.put(s.id(), s.name()));
		exports.send(ListExport.ofPersons("quarantine-transfers",
				queries.transferList(new SiteQueries.TransferFilter(state, overdue, null), who),
				List.of("person.name", "person.idNumber", "common.status", "quarantine.transfer.due",
						"control.tasks.overdue", "quarantine.export.grid", "quarantine.export.site",
						"quarantine.transfer.vehicle", "quarantine.transfer.escort"),
				chunk -> transferCells(chunk, siteNames))
			.filteredBy("state", state, "overdue", overdue, "region", region), format, response);
	}

	private List<List<?>> transferCells(List<Transfer> chunk, Map<Long, String> siteNames) {
		Map<Long, Person> people = persons.findAll(chunk.stream().map(Transfer::personId).toList());
		Instant now = clock.instant();
		Map<String, String> grids = new HashMap<>();
		return chunk.stream().<List<?>>map(t -> {
			Person p = people.get(t.personId());
			return Arrays.asList(p == null ? null : p.name(), p == null ? null : p.idMasked(),
					messages.get("quarantine.transfer.state." + t.state()), t.dueAt(),
					messages.get(t.overdue(now) ? "common.yes" : "common.no"),
					grids.computeIfAbsent(t.regionCode(), regions::fullName),
					t.siteId() == null ? null : siteNames.getOrDefault(t.siteId(), "#" + t.siteId()), t.vehicle(),
					t.escort());
		}).toList();
	}

	@GetMapping("/quarantine/stays/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'EPIDEMIOLOGIST', 'SITE_STAFF')")
	void stays(@RequestParam(required = false) @Nullable String format, @RequestParam(required = false) @Nullable Long siteId,
			@RequestParam(required = false) Stay.@Nullable State state,
			@RequestParam(required = false) @Nullable String region, Jurisdiction signedIn, HttpServletResponse response) {
		Jurisdiction who = signedIn.narrowedTo(region);
		Map<Long, String> siteNames = new HashMap<>();
		queries.sites(signedIn, null).forEach(s -> siteNames.put(s.id(), s.name()));
		exports.send(ListExport.ofPersons("quarantine-stays",
				queries.stayList(new SiteQueries.StayFilter(siteId, state, who == signedIn ? null : who.regionCode()), who),
				List.of("person.name", "person.idNumber", "quarantine.export.site", "quarantine.room",
						"quarantine.stay.admittedAt", "quarantine.stay.plannedRelease", "common.status"),
				chunk -> stayCells(chunk, siteNames))
			.filteredBy("siteId", siteId, "state", state, "region", region), format, response);
	}

	private List<List<?>> stayCells(List<Stay> chunk, Map<Long, String> siteNames) {
		Map<Long, Person> people = persons.findAll(chunk.stream().map(Stay::personId).toList());
		return chunk.stream().<List<?>>map(s -> {
			Person p = people.get(s.personId());
			return Arrays.asList(p == null ? null : p.name(), p == null ? null : p.idMasked(),
					siteNames.getOrDefault(s.siteId(), "#" + s.siteId()), s.room(), s.admittedAt(), s.plannedReleaseOn(),
					messages.get("quarantine.stay.state." + s.state()));
		}).toList();
	}

}
