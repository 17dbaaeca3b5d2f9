package org.gridguard.control.web;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.gridguard.control.Category;
import org.gridguard.control.CategoryRule;
import org.gridguard.control.ControlQueries;
import org.gridguard.control.ProtocolCatalogue;
import org.gridguard.control.PushListImport;
import org.gridguard.control.RiskPerson;
import org.gridguard.control.UnmanagedDetector;
import org.gridguard.control.Violation;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.NavItem;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.RegionManagement;
import org.gridguard.responsibility.ResponsibilityManagement;
import org.gridguard.responsibility.Subject;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The officers' view of the control loop: overview, risk persons (list, detail with schedule and timeline, queue
 * placement, transfer, release) and the unmanaged list.
 */
@Controller
@RequestMapping("/control")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'EPIDEMIOLOGIST')")
class ControlController {

	private final ControlQueries queries;

	private final UnmanagedDetector detector;

	private final ProtocolCatalogue catalogue;

	private final PushListImport imports;

	private final PersonManagement persons;

	private final RegionManagement regions;

	private final ResponsibilityManagement responsibility;

	private final Clock clock;

	private final org.gridguard.platform.AuditLog audit;

	ControlController(ControlQueries queries, UnmanagedDetector detector,
			ProtocolCatalogue catalogue, PushListImport imports, PersonManagement persons, RegionManagement regions,
			ResponsibilityManagement responsibility, Clock clock, org.gridguard.platform.AuditLog audit) {
		this.audit = audit;
		this.queries = queries;
		this.detector = detector;
		this.catalogue = catalogue;
		this.imports = imports;
		this.persons = persons;
		this.regions = regions;
		this.responsibility = responsibility;
		this.clock = clock;
	}

	@Bean
	static NavItem controlNav() {
		return NavItem.in(NavItem.CONTROL, "nav.control", "/control", 300, "ROLE_CITY_ADMIN", "ROLE_TOWN_OFFICER", "ROLE_VILLAGE_OFFICER",
				"ROLE_EPIDEMIOLOGIST");
	}

	@Bean
	static NavItem unmanagedNav() {
		return NavItem.in(NavItem.CONTROL, "nav.unmanaged", "/control/unmanaged", 310, "ROLE_CITY_ADMIN", "ROLE_TOWN_OFFICER",
				"ROLE_VILLAGE_OFFICER", "ROLE_GRID_WORKER", "ROLE_EPIDEMIOLOGIST");
	}

	@GetMapping
	String overview(Jurisdiction who, Model model) {
		model.addAttribute("byState", byName(queries.countsByState(who)));
		model.addAttribute("byCategory", byName(queries.activeByCategory(who)));
		model.addAttribute("overdue", queries.overdueTasks(who));
		var violations = detector.openCounts(who);
		model.addAttribute("violations", byName(violations));
		model.addAttribute("unmanagedTotal", violations.values().stream().mapToLong(Long::longValue).sum());
		model.addAttribute("categories", Category.values());
		model.addAttribute("violationKinds", Violation.Kind.values());
		model.addAttribute("queued", queries.queue(who, new Paging(0, 1)).total());
		model.addAttribute("lists", imports.recent(who, 5));
		model.addAttribute("scopeName", regions.fullName(who.regionCode()));
		return "control/overview";
	}

	@GetMapping("/risk-persons")
	String riskPersons(@RequestParam(required = false) @Nullable Category category,
			@RequestParam(required = false) RiskPerson.@Nullable State state,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String idNumber,
			@RequestParam(required = false) @Nullable Long list,
			@RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @Nullable String individual,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(defaultValue = "false") boolean active,
			Jurisdiction who, Model model) {
		var filter = RiskPersonSearch.filter(category, state, region, idNumber, list, unit, individual, active, who, persons);
		PageResult<RiskPerson> result = queries.riskPersons(filter, who, Paging.of(page, 30));
		model.addAttribute("individual", individual);
		model.addAttribute("result", result);
		model.addAttribute("rows", RiskPersonRow.of(result.items(), persons, regions));
		model.addAttribute("categories", Category.values());
		model.addAttribute("states", RiskPerson.State.values());
		model.addAttribute("filter", filter);
		model.addAttribute("idNumber", idNumber);
		model.addAttribute("base", UriComponentsBuilder.fromPath("/control/risk-persons")
			.queryParamIfPresent("category", Optional.ofNullable(category))
			.queryParamIfPresent("state", Optional.ofNullable(state))
			.queryParamIfPresent("region", Optional.ofNullable(region).filter(s -> !s.isBlank()))
			.queryParamIfPresent("idNumber", Optional.ofNullable(idNumber).filter(s -> !s.isBlank()))
			.queryParamIfPresent("list", Optional.ofNullable(list))
			.queryParamIfPresent("unit", Optional.ofNullable(unit).filter(s -> !s.isBlank()))
			.queryParamIfPresent("individual", Optional.ofNullable(individual).filter(s -> !s.isBlank()))
			.queryParamIfPresent("active", Optional.of(active).filter(Boolean::booleanValue))
			.encode()
			.build()
			.toUriString());
		return "control/risk-persons";
	}

	@GetMapping("/risk-persons/{id}")
	String riskPerson(@PathVariable long id, Jurisdiction who, Model model) {
		RiskPerson risk = queries.riskPerson(id, who);
		audit.record("RISK_PERSON_VIEW", "person", String.valueOf(risk.personId()), "risk person " + id);
		model.addAttribute("risk", risk);
		model.addAttribute("person", persons.find(risk.personId()).orElse(null));
		model.addAttribute("placeName", regions.fullName(risk.regionCode()));
		model.addAttribute("protocol", risk.protocolId() == null ? null : catalogue.protocol(risk.protocolId()).orElse(null));
		model.addAttribute("stages", queries.stages(id));
		model.addAttribute("schedule", queries.schedule(id));
		model.addAttribute("checks", queries.checks(id));
		model.addAttribute("tests", queries.tests(risk.personId()));
		model.addAttribute("timeline", queries.timeline(id));
		model.addAttribute("tasks", queries.tasksOf(id));
		model.addAttribute("violations", detector.ofRiskPerson(id));
		model.addAttribute("parties", responsibility.of(Subject.riskPerson(id)).orElse(null));
		model.addAttribute("now", clock.instant());
		model.addAttribute("canAdminister", who.canAdminister(risk.regionCode()));
		model.addAttribute("grids", who.canAdminister(risk.regionCode()) ? gridsFor(risk, who) : List.of());
		boolean canRaise = risk.state().active() && who.mayRaiseControl(risk.regionCode());
		model.addAttribute("canRaise", canRaise);
		if (canRaise) {
			var rules = catalogue.categories();
			CategoryRule current = rules.get(risk.category());
			model.addAttribute("raiseCategories", rules.values()
				.stream()
				.filter(r -> r.category() == risk.category() || r.stricterThan(current))
				.sorted(java.util.Comparator.comparingInt(CategoryRule::strictness).reversed())
				.map(CategoryRule::category)
				.toList());
		}
		return "control/risk-person";
	}

	@GetMapping("/queue")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER')")
	String queue(@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable String region, Jurisdiction signedIn, Model model) {
		Jurisdiction who = signedIn.narrowedTo(region);
		PageResult<RiskPerson> result = queries.queue(who, Paging.of(page, 30));
		model.addAttribute("result", result);
		model.addAttribute("rows", RiskPersonRow.of(result.items(), persons, regions));
		model.addAttribute("base", who == signedIn ? "/control/queue" : "/control/queue?region=" + who.regionCode());
		return "control/queue";
	}

	/**
	 * Grids to suggest while an officer types a grid's name: those of their area whose name contains what was typed,
	 * the ones of the person's village (or town) first.
	 */
	@GetMapping("/grid-suggestions")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER')")
	String gridSuggestions(@RequestParam(required = false) @Nullable String grid,
			@RequestParam(required = false) @Nullable String near, Jurisdiction who, Model model) {
		String typed = grid == null ? "" : grid.strip();
		String close = near == null || near.length() < 9 ? who.regionCode() : near.substring(0, Math.min(12, near.length()));
		List<Region> found = regions.gridsBelow(who.regionCode())
			.stream()
			.filter(g -> g.active() && (typed.isEmpty() || g.name().contains(typed) || g.code().startsWith(typed)))
			.sorted(java.util.Comparator.comparing((Region g) -> !g.code().startsWith(close)).thenComparing(Region::code))
			.limit(20)
			.toList();
		model.addAttribute("gridOptions", found);
		return "control/queue :: gridOptions";
	}

	@GetMapping("/unmanaged")
	String unmanaged(@RequestParam(required = false) Violation.@Nullable Kind kind,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable String region,
			Jurisdiction signedIn, Model model) {
		Jurisdiction who = signedIn.narrowedTo(region);
		PageResult<Violation> result = detector.open(who, kind, Paging.of(page, 50));
		var risks = result.items().stream().map(v -> queries.riskPerson(v.riskPersonId(), who)).toList();
		model.addAttribute("result", result);
		model.addAttribute("rows", RiskPersonRow.of(risks, persons, regions));
		model.addAttribute("counts", byName(detector.openCounts(who)));
		model.addAttribute("kinds", Violation.Kind.values());
		model.addAttribute("kind", kind);
		model.addAttribute("now", clock.instant());
		model.addAttribute("region", who == signedIn ? null : who.regionCode());
		model.addAttribute("regionName", who == signedIn ? null : regions.fullName(who.regionCode()));
		model.addAttribute("base", UriComponentsBuilder.fromPath("/control/unmanaged")
			.queryParamIfPresent("kind", Optional.ofNullable(kind))
			.queryParamIfPresent("region", Optional.ofNullable(who == signedIn ? null : who.regionCode()))
			.build()
			.toUriString());
		return "control/unmanaged";
	}

	/** Enum-keyed counts as a name-keyed map, for templates: {@code ${counts['PENDING']}}. */
	static java.util.Map<String, Long> byName(java.util.Map<? extends Enum<?>, Long> counts) {
		var result = new java.util.HashMap<String, Long>();
		counts.forEach((k, v) -> result.put(k.name(), v));
		return result;
	}

	private List<Region> gridsFor(RiskPerson risk, Jurisdiction who) {
		String code = risk.regionCode().length() >= 12 ? risk.regionCode().substring(0, 12) : risk.regionCode();
		if (!who.canAdminister(code)) {
			code = who.regionCode();
		}
		List<Region> grids = regions.gridsBelow(code);
		return grids.size() > 300 ? grids.subList(0, 300) : grids;
	}

}
