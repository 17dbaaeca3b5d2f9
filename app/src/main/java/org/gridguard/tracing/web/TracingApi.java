package org.gridguard.tracing.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.gridguard.person.IdDocument;
import org.gridguard.person.IdType;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.region.Jurisdiction;
import org.gridguard.tracing.Candidate;
import org.gridguard.tracing.ClassificationRule;
import org.gridguard.tracing.Investigation;
import org.gridguard.tracing.InvestigationManagement;
import org.gridguard.tracing.TransmissionChain;
import org.gridguard.tracing.TracingIndex;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/tracing/queries} (API.md): co-presence contacts of index persons; and the investigation API
 * that other systems (and the timeliness benchmark) drive: find, classify by rule, confirm.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'EPIDEMIOLOGIST')")
class TracingApi {

	static final int MAX_INDEX_PERSONS = 10_000;

	private final TracingIndex index;

	private final InvestigationManagement investigations;

	private final TransmissionChain chain;

	private final PersonManagement persons;

	private final VenueManagement venues;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	TracingApi(TracingIndex index, InvestigationManagement investigations, TransmissionChain chain,
			PersonManagement persons, VenueManagement venues, AuditLog audit, Messages messages, Clock clock) {
		this.index = index;
		this.investigations = investigations;
		this.chain = chain;
		this.persons = persons;
		this.venues = venues;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	record QueryRequest(@Nullable List<@Nullable String> idNumbers, @Nullable String from, @Nullable String to,
			@Nullable Integer toleranceMinutes, @Nullable Integer minOverlapMinutes) {
	}

	record ContactRow(String indexIdNumber, String contactIdNumber, String venueCode, OffsetDateTime overlapStart,
			OffsetDateTime overlapEnd) {
	}

	record QueryResponse(List<ContactRow> contacts) {
	}

	@PostMapping("/tracing/queries")
	QueryResponse query(@RequestBody QueryRequest request, Jurisdiction who) {
		var problems = new ArrayList<FieldProblem>();
		List<@Nullable String> numbers = request.idNumbers() == null ? List.of() : request.idNumbers();
		if (numbers.isEmpty()) {
			problems.add(messages.problem("idNumbers", "tracing.query.idNumbers"));
		}
		else if (numbers.size() > MAX_INDEX_PERSONS) {
			problems.add(messages.problem("idNumbers", "tracing.query.tooMany", MAX_INDEX_PERSONS));
		}
		var documents = new ArrayList<IdDocument>();
		for (int i = 0; i < numbers.size() && i < MAX_INDEX_PERSONS; i++) {
			IdDocument.Parsed parsed = IdDocument.parse(IdType.RESIDENT_ID, numbers.get(i), LocalDate.now(clock),
					"idNumbers[" + i + "]", messages);
			if (parsed.problem() != null) {
				problems.add(parsed.problem());
			}
			else {
				documents.add(parsed.document());
			}
		}
		Instant from = time(request.from(), "from", problems);
		Instant to = time(request.to(), "to", problems);
		if (from != null && to != null && !from.isBefore(to)) {
			problems.add(messages.problem("to", "tracing.query.order"));
		}
		int tolerance = minutes(request.toleranceMinutes(), "toleranceMinutes", problems);
		int minOverlap = minutes(request.minOverlapMinutes(), "minOverlapMinutes", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		var personIds = new ArrayList<Long>();
		var idOf = new HashMap<Long, String>();
		for (IdDocument d : documents) {
			persons.findByDocument(d).ifPresent(p -> {
				personIds.add(p.id());
				idOf.put(p.id(), d.number());
			});
		}
		var rows = new ArrayList<long[]>();
		var times = new ArrayList<Instant[]>();
		index.contacts(personIds.stream().mapToLong(Long::longValue).toArray(), from, to, tolerance * 60, minOverlap * 60,
				(indexPerson, contact, venue, start, end) -> {
					rows.add(new long[] { indexPerson, contact, venue });
					times.add(new Instant[] { start, end });
				});
		var contactIds = new java.util.HashSet<Long>();
		rows.forEach(r -> contactIds.add(r[1]));
		Map<Long, String> contactNumbers = persons.idNumbersOf(contactIds);
		var venueCodes = new HashMap<Long, String>();
		var result = new ArrayList<ContactRow>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			long[] r = rows.get(i);
			String code = venueCodes.computeIfAbsent(r[2], v -> venues.find(v).map(Venue::code).orElse("#" + v));
			result.add(new ContactRow(idOf.getOrDefault(r[0], ""), contactNumbers.getOrDefault(r[1], ""), code == null ? "" : code,
					times.get(i)[0].atZone(clock.getZone()).toOffsetDateTime(),
					times.get(i)[1].atZone(clock.getZone()).toOffsetDateTime()));
		}
		audit.record("TRACING_QUERY", "person", documents.size() == 1 ? documents.get(0).masked() : documents.size() + " persons",
				from + "…" + to + ": " + result.size() + " contacts");
		return new QueryResponse(result);
	}

	record InvestigationView(long id, long casePersonId, @Schema(implementation = Investigation.State.class) String state,
			LocalDate onsetDate, Instant windowFrom,
			Instant windowTo, Map<String, Long> counts, @Nullable Long parentId) {

		static InvestigationView of(Investigation i, Map<String, Long> counts) {
			return new InvestigationView(i.id(), i.casePersonId(), i.state().name(), i.onsetDate(), i.windowFrom(),
					i.windowTo(), counts, i.parentId());
		}

	}

	/** The investigation of a case, found by the case's identity number. */
	@GetMapping("/investigations")
	InvestigationView find(@RequestParam String idNumber, Jurisdiction who) {
		IdDocument.Parsed parsed = IdDocument.parse(IdType.RESIDENT_ID, idNumber, LocalDate.now(clock), "idNumber", messages);
		if (parsed.document() == null) {
			throw new InvalidInput(List.of(parsed.problem()));
		}
		Person person = persons.findByDocument(parsed.document()).orElseThrow(() -> new NotFound("person"));
		Investigation investigation = investigations.openFor(person.id()).orElseThrow(() -> new NotFound("investigation"));
		investigations.get(investigation.id(), who);
		return InvestigationView.of(investigation, investigations.counts(investigation.id()));
	}

	@GetMapping("/investigations/{id}")
	InvestigationView one(@PathVariable long id, Jurisdiction who) {
		return InvestigationView.of(investigations.get(id, who), investigations.counts(id));
	}

	record RuleRequest(@Nullable Long venueId, @Schema(implementation = Candidate.Source.class) @Nullable String source,
			@Nullable Integer minOverlapMinutes, @Nullable Integer maxOverlapMinutes,
			@Schema(implementation = Candidate.Classification.class) @Nullable String classification,
			@Nullable Boolean reclassify) {
	}

	@PostMapping("/investigations/{id}/classifications")
	Map<String, Integer> classify(@PathVariable long id, @RequestBody RuleRequest rule, Jurisdiction who) {
		Candidate.Classification target;
		Candidate.Source source;
		try {
			target = Candidate.Classification.valueOf(rule.classification() == null ? "" : rule.classification());
			source = rule.source() == null ? null : Candidate.Source.valueOf(rule.source());
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInput.of("classification", messages.get("tracing.classify.target"));
		}
		int count = investigations.classify(id, new ClassificationRule(rule.venueId(), source, rule.minOverlapMinutes(),
				rule.maxOverlapMinutes(), target, rule.reclassify() != null && rule.reclassify()), who);
		return Map.of("classified", count);
	}

	@PostMapping("/investigations/{id}/confirmation")
	Map<String, Integer> confirm(@PathVariable long id, Jurisdiction who) {
		return Map.of("toControl", investigations.confirm(id, who));
	}

	@GetMapping("/investigations/{id}/graph")
	TransmissionChain.Graph graph(@PathVariable long id, Jurisdiction who) {
		return chain.graph(id, who, 300);
	}


	private @Nullable Instant time(@Nullable String text, String field, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(messages.problem(field, "error.required"));
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			problems.add(messages.problem(field, "testing.sampledAt.format"));
			return null;
		}
	}

	private int minutes(@Nullable Integer value, String field, List<FieldProblem> problems) {
		int v = value == null ? 0 : value;
		if (v < 0 || v > 7 * 24 * 60) {
			problems.add(messages.problem(field, "tracing.query.minutes"));
			return 0;
		}
		return v;
	}


}
