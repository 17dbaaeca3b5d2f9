package org.gridguard.tracing.web;

import java.util.ArrayList;
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
import org.gridguard.region.Jurisdiction;
import org.gridguard.tracing.Candidate;
import org.gridguard.tracing.Investigation;
import org.gridguard.tracing.InvestigationManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The export twins of the investigation list and of an investigation's contacts: the rows the pages show with the
 * same filters; a case or contact the reader may not see stays without a name, as on the pages.
 */
@Controller
class InvestigationExportController {

	private static final List<String> LIST_HEADERS = List.of("tracing.number", "tracing.case", "tracing.onset",
			"common.status", "tracing.candidates", "tracing.classification.PROPOSED", "tracing.classification.CLOSE_CONTACT",
			"tracing.openedAt");

	private static final List<String> CONTACT_HEADERS = List.of("person.name", "person.idNumber", "tracing.source",
			"tracing.venue", "tracing.overlapStart", "tracing.overlapMinutes", "tracing.classificationLabel",
			"tracing.confirmedAt", "tracing.rule");

	private final InvestigationManagement investigations;

	private final PersonManagement persons;

	private final ListExports exports;

	private final Messages messages;

	InvestigationExportController(InvestigationManagement investigations, PersonManagement persons, ListExports exports,
			Messages messages) {
		this.investigations = investigations;
		this.persons = persons;
		this.exports = exports;
		this.messages = messages;
	}

	@GetMapping("/tracing/investigations/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'EPIDEMIOLOGIST', 'TOWN_OFFICER', 'VILLAGE_OFFICER')")
	void list(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) Investigation.@Nullable State state,
			@RequestParam(required = false) @Nullable String region, Jurisdiction signedIn, HttpServletResponse response) {
		Jurisdiction who = signedIn.narrowedTo(region);
		exports.send(ListExport.ofPersons("investigations", investigations.listQuery(who, state), LIST_HEADERS,
				chunk -> listCells(chunk, who))
			.filteredBy("state", state, "region", region), format, response);
	}

	private List<List<?>> listCells(List<Investigation> chunk, Jurisdiction who) {
		Map<Long, Person> cases = visible(chunk.stream().map(Investigation::casePersonId).toList(), who);
		var rows = new ArrayList<List<?>>(chunk.size());
		for (Investigation i : chunk) {
			Map<String, Long> counts = investigations.counts(i.id());
			Person person = cases.get(i.casePersonId());
			rows.add(Arrays.asList(i.id(), person == null ? messages.get("tracing.case.outside") : person.name(),
					i.onsetDate(), messages.get("tracing.state." + i.state()),
					counts.values().stream().mapToLong(Long::longValue).sum(), counts.getOrDefault("PROPOSED", 0L),
					counts.getOrDefault("CLOSE_CONTACT", 0L), i.openedAt()));
		}
		return rows;
	}

	@GetMapping("/tracing/investigations/{id}/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'EPIDEMIOLOGIST', 'TOWN_OFFICER', 'VILLAGE_OFFICER')")
	void contacts(@PathVariable long id, @RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) Candidate.@Nullable Classification classification,
			@RequestParam(required = false) @Nullable Long venue, Jurisdiction who, HttpServletResponse response) {
		var query = investigations.candidateList(id, classification, venue, who);
		Map<Long, String> venueNames = new HashMap<>();
		investigations.caseTimeline(id).forEach(v -> venueNames.put(v.venueId(), v.venueName()));
		exports.send(ListExport.ofPersons("contacts", query, CONTACT_HEADERS, chunk -> contactCells(chunk, who, venueNames))
			.about(id)
			.filteredBy("classification", classification, "venue", venue), format, response);
	}

	private List<List<?>> contactCells(List<Candidate> chunk, Jurisdiction who, Map<Long, String> venueNames) {
		Map<Long, Person> people = visible(chunk.stream().map(Candidate::personId).toList(), who);
		var rows = new ArrayList<List<?>>(chunk.size());
		for (Candidate c : chunk) {
			Person p = people.get(c.personId());
			rows.add(Arrays.asList(p == null ? String.valueOf(c.personId()) : p.name(), p == null ? null : p.idMasked(),
					messages.get("tracing.source." + c.source()),
					c.venueId() == null ? null : venueNames.getOrDefault(c.venueId(), "#" + c.venueId()), c.overlapStart(),
					c.overlapStart() == null ? null : c.overlapMinutes(),
					messages.get("tracing.classification." + c.classification()),
					c.confirmedAt(), c.rule()));
		}
		return rows;
	}

	/** Of these persons, those the reader may see, as the pages show them (the export audits and counts the rows). */
	private Map<Long, Person> visible(List<Long> ids, Jurisdiction who) {
		var result = new HashMap<Long, Person>();
		persons.findAll(ids).forEach((id, p) -> {
			if (persons.visible(p, who)) {
				result.put(id, p);
			}
		});
		return result;
	}

}
