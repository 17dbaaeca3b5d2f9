package org.gridguard.gathering.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.gridguard.gathering.Attendee;
import org.gridguard.gathering.Attendees;
import org.gridguard.gathering.Gathering;
import org.gridguard.gathering.GatheringQueries;
import org.gridguard.gathering.Reason;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.ListExport;
import org.gridguard.platform.ListExports;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The export twins of the events list and of an event's attendee list (CSV or XLSX, every row of the filter, header
 * in the reader's language), authorized like the lists.
 */
@Controller
class EventExportController {

	private final GatheringQueries queries;

	private final Attendees attendees;

	private final EventViews views;

	private final PersonManagement persons;

	private final RegionManagement regions;

	private final ListExports exports;

	private final Messages messages;

	EventExportController(GatheringQueries queries, Attendees attendees, EventViews views, PersonManagement persons,
			RegionManagement regions, ListExports exports, Messages messages) {
		this.queries = queries;
		this.attendees = attendees;
		this.views = views;
		this.persons = persons;
		this.regions = regions;
		this.exports = exports;
		this.messages = messages;
	}

	@GetMapping("/events/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT', 'EPIDEMIOLOGIST', 'ORGANIZER')")
	void events(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) Gathering.@Nullable State state,
			@RequestParam(defaultValue = "false") boolean today, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) @Nullable String region,
			Jurisdiction signedIn, HttpServletResponse response) {
		Jurisdiction who = signedIn.narrowedTo(region);
		Map<String, String> towns = new HashMap<>();
		exports.send(ListExport.of("events", queries.list(new GatheringQueries.Filter(state, today, overdue, mine), who),
				List.of("gathering.name", "gathering.organizer", "gathering.town", "gathering.address",
						"gathering.startsAt", "gathering.endsAt", "gathering.headcount", "gathering.indoor",
						"gathering.state", "gathering.tier", "gathering.code"),
				ListExport.<Gathering>eachRow(g -> java.util.Arrays.asList(g.name(), g.organizer(),
						towns.computeIfAbsent(g.townCode(), regions::nameOf), g.address(), g.startsAt(), g.endsAt(),
						g.expectedHeadcount(), messages.get(g.indoor() ? "common.yes" : "common.no"),
						messages.get(g.state().messageKey()), messages.get(g.tierKey()), g.code())))
			.filteredBy("state", state, "today", today, "overdue", overdue, "mine", mine, "region", region), format,
				response);
	}

	@GetMapping("/events/{id}/attendees/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT', 'EPIDEMIOLOGIST', 'ORGANIZER')")
	void attendees(@PathVariable long id, @RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) Attendee.@Nullable Verdict verdict, Jurisdiction who,
			HttpServletResponse response) {
		exports.send(ListExport.ofPersons("event-attendees", attendees.list(id, verdict, who),
				List.of("person.name", "person.idNumber", "gathering.attendee.travel.header", "gathering.attendee.verdict",
						"gathering.attendee.reasons"),
				chunk -> cells(chunk, who))
			.about(id)
			.filteredBy("verdict", verdict), format, response);
	}

	private List<List<?>> cells(List<Attendee> chunk, Jurisdiction who) {
		Map<Long, Person> people = persons.findAll(chunk.stream().map(Attendee::personId).toList());
		Map<Long, List<Reason>> reasons = attendees.reasons(chunk);
		return chunk.stream().<List<?>>map(a -> {
			Person p = people.get(a.personId());
			return java.util.Arrays.asList(p == null ? null : p.name(), p == null ? null : p.idMasked(), a.travel(),
					messages.get(a.verdict().messageKey()),
					String.join("；", views.reasons(reasons.getOrDefault(a.id(), List.of()), who)));
		}).toList();
	}

}
