package org.gridguard.tracing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridguard.person.IdDocument;
import org.gridguard.person.IdType;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NavItem;
import org.gridguard.platform.PageActions;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.gridguard.tracing.Candidate;
import org.gridguard.tracing.ClassificationRule;
import org.gridguard.tracing.Investigation;
import org.gridguard.tracing.InvestigationManagement;
import org.gridguard.tracing.TransmissionChain;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Case investigations: the list, and for one case its venues, proposed contacts with provenance, bulk classification
 * by rule, venue-level notices, second-degree proposals, confirmation, and the transmission chain.
 */
@Controller
@RequestMapping("/tracing/investigations")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'EPIDEMIOLOGIST', 'TOWN_OFFICER', 'VILLAGE_OFFICER')")
class InvestigationController {

	private final InvestigationManagement investigations;

	private final TransmissionChain chain;

	private final PersonManagement persons;

	private final Messages messages;

	private final Clock clock;

	private final org.gridguard.platform.AuditLog audit;

	InvestigationController(InvestigationManagement investigations, TransmissionChain chain, PersonManagement persons,
			Messages messages, Clock clock, org.gridguard.platform.AuditLog audit) {
		this.audit = audit;
		this.investigations = investigations;
		this.chain = chain;
		this.persons = persons;
		this.messages = messages;
		this.clock = clock;
	}

	@Bean
	static NavItem investigationsNav() {
		return NavItem.of("nav.investigations", "/tracing/investigations", 500, "ROLE_CITY_ADMIN", "ROLE_EPIDEMIOLOGIST",
				"ROLE_TOWN_OFFICER", "ROLE_VILLAGE_OFFICER");
	}

	/** An investigation with its case and counts, for the list. */
	record Row(Investigation investigation, @Nullable Person casePerson, Map<String, Long> counts) {

		public long total() {
			return counts.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	@GetMapping
	String list(@RequestParam(required = false) Investigation.@Nullable State state,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable String region,
			Jurisdiction signedIn, Model model) {
		Jurisdiction who = signedIn.narrowedTo(region);
		PageResult<Investigation> result = investigations.list(who, state, Paging.of(page, 30));
		// officers see the investigations touching their area; a case living elsewhere stays anonymous
		Map<Long, Person> cases = persons.readVisible(result.items().stream().map(Investigation::casePersonId).toList(), who,
				"investigation-list", null);
		model.addAttribute("rows", result.items()
			.stream()
			.map(i -> new Row(i, cases.get(i.casePersonId()), investigations.counts(i.id())))
			.toList());
		model.addAttribute("result", result);
		model.addAttribute("state", state);
		model.addAttribute("mayWork", mayWork(who));
		model.addAttribute("region", who == signedIn ? null : who.regionCode());
		model.addAttribute("base", org.springframework.web.util.UriComponentsBuilder.fromPath("/tracing/investigations")
			.queryParamIfPresent("state", java.util.Optional.ofNullable(state))
			.queryParamIfPresent("region", java.util.Optional.ofNullable(who == signedIn ? null : who.regionCode()))
			.build()
			.toUriString());
		return "tracing/list";
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'EPIDEMIOLOGIST')")
	String open(@RequestParam String idNumber, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate onset,
			Jurisdiction who, RedirectAttributes flash) {
		IdDocument.Parsed parsed = IdDocument.parse(IdType.RESIDENT_ID, idNumber, LocalDate.now(clock), "idNumber", messages);
		try {
			if (parsed.document() == null) {
				throw new InvalidInput(List.of(parsed.problem()));
			}
			Person person = persons.findByDocument(parsed.document())
				.orElseThrow(() -> InvalidInput.of("idNumber", messages.get("tracing.case.unknown")));
			Investigation investigation = investigations.openManually(person.id(), onset, who);
			return "redirect:/tracing/investigations/" + investigation.id();
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
			return "redirect:/tracing/investigations";
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) Candidate.@Nullable Classification classification,
			@RequestParam(required = false) @Nullable Long venue, @RequestParam(required = false) @Nullable Integer page,
			Jurisdiction who, Model model) {
		Investigation investigation = investigations.get(id, who);
		audit.record("INVESTIGATION_VIEW", "investigation", String.valueOf(id), null);
		PageResult<Candidate> candidates = investigations.candidates(id, classification, venue, who, Paging.of(page, 50));
		var shown = new java.util.HashSet<Long>();
		candidates.items().forEach(c -> shown.add(c.personId()));
		shown.add(investigation.casePersonId());
		Map<Long, Person> people = persons.readVisible(shown, who, "investigation", String.valueOf(id));
		var venueNames = new HashMap<Long, String>();
		List<InvestigationManagement.VenueSummary> venues = investigations.caseTimeline(id);
		venues.forEach(v -> venueNames.put(v.venueId(), v.venueName()));
		model.addAttribute("investigation", investigation);
		model.addAttribute("casePerson", people.get(investigation.casePersonId()));
		model.addAttribute("counts", investigations.counts(id));
		model.addAttribute("venues", venues);
		model.addAttribute("venueNames", venueNames);
		model.addAttribute("candidates", candidates);
		model.addAttribute("people", people);
		model.addAttribute("classifications", Candidate.Classification.values());
		model.addAttribute("sources", Candidate.Source.values());
		model.addAttribute("classification", classification);
		model.addAttribute("venue", venue);
		model.addAttribute("mayWork", mayWork(who) && investigation.state() == Investigation.State.OPEN);
		model.addAttribute("base", "/tracing/investigations/" + id + "?" + (classification == null ? "" : "classification="
				+ classification + "&") + (venue == null ? "" : "venue=" + venue));
		return "tracing/show";
	}

	@GetMapping("/{id}/graph.json")
	@ResponseBody
	TransmissionChain.Graph graph(@PathVariable long id, Jurisdiction who) {
		return chain.graph(id, who, 300);
	}

	@PostMapping("/{id}/rules")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'EPIDEMIOLOGIST')")
	String rule(@PathVariable long id, @RequestParam(required = false) @Nullable Long venueId,
			@RequestParam(required = false) Candidate.@Nullable Source source,
			@RequestParam(required = false) @Nullable Integer minOverlapMinutes,
			@RequestParam(required = false) @Nullable Integer maxOverlapMinutes,
			@RequestParam Candidate.Classification target, @RequestParam(defaultValue = "false") boolean reclassify,
			Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			int count = investigations.classify(id, new ClassificationRule(venueId, source, minOverlapMinutes,
					maxOverlapMinutes, target, reclassify), who);
			flash.addFlashAttribute("message", messages.get("tracing.classified", count));
		});
		return "redirect:/tracing/investigations/" + id;
	}

	@PostMapping("/{id}/manual")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'EPIDEMIOLOGIST')")
	String manual(@PathVariable long id, @RequestParam(name = "candidate", required = false) @Nullable List<Long> candidates,
			@RequestParam Candidate.Classification target, Jurisdiction who, RedirectAttributes flash) {
		int count = investigations.classifyByHand(id, candidates == null ? List.of() : candidates, target, who);
		flash.addFlashAttribute("message", messages.get("tracing.classified", count));
		return "redirect:/tracing/investigations/" + id;
	}

	@PostMapping("/{id}/venues/{venueId}/notice")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'EPIDEMIOLOGIST')")
	String notice(@PathVariable long id, @PathVariable long venueId, Jurisdiction who, RedirectAttributes flash) {
		int count = investigations.venueNotice(id, venueId, who);
		flash.addFlashAttribute("message", messages.get("tracing.noticed", count));
		return "redirect:/tracing/investigations/" + id;
	}

	@PostMapping("/{id}/second-degree")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'EPIDEMIOLOGIST')")
	String secondDegree(@PathVariable long id, Jurisdiction who, RedirectAttributes flash) {
		int count = investigations.proposeSecondDegree(id, who);
		flash.addFlashAttribute("message", messages.get("tracing.secondDegree.done", count));
		return "redirect:/tracing/investigations/" + id;
	}

	@PostMapping("/{id}/confirmation")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'EPIDEMIOLOGIST')")
	String confirm(@PathVariable long id, Jurisdiction who, RedirectAttributes flash) {
		int count = investigations.confirm(id, who);
		flash.addFlashAttribute("message", messages.get("tracing.confirmed", count));
		return "redirect:/tracing/investigations/" + id;
	}

	@PostMapping("/{id}/close")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'EPIDEMIOLOGIST')")
	String close(@PathVariable long id, @RequestParam(required = false) @Nullable String note, Jurisdiction who) {
		investigations.close(id, note, who);
		return "redirect:/tracing/investigations/" + id;
	}

	private static boolean mayWork(Jurisdiction who) {
		return who.mayInvestigate();
	}

}
