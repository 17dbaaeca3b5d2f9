package org.gridguard.gathering.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridguard.gathering.Approvals;
import org.gridguard.gathering.Filings;
import org.gridguard.gathering.Gathering;
import org.gridguard.gathering.GatheringQueries;
import org.gridguard.gathering.NewGathering;
import org.gridguard.gathering.Organizers;
import org.gridguard.gathering.Step;
import org.gridguard.gathering.Upload;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.PageActions;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.RegionManagement;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.gridguard.shared.Sector;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The events pages: the list with its filters (awaiting my decision, pending, overdue, running today …), filing an
 * event with its prevention plan, and one event with its decision, steps, plan and code. Attendees are
 * {@link AttendeeController}'s.
 */
@Controller
@RequestMapping("/events")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT', 'EPIDEMIOLOGIST', 'ORGANIZER')")
class EventController {

	private final GatheringQueries queries;

	private final Filings filings;

	private final Approvals approvals;

	private final Organizers organizers;

	private final EventViews views;

	private final RegionManagement regions;

	private final Messages messages;

	private final Clock clock;

	EventController(GatheringQueries queries, Filings filings, Approvals approvals, Organizers organizers,
			EventViews views, RegionManagement regions, Messages messages, Clock clock) {
		this.queries = queries;
		this.filings = filings;
		this.approvals = approvals;
		this.organizers = organizers;
		this.views = views;
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(required = false) Gathering.@Nullable State state,
			@RequestParam(defaultValue = "false") boolean today, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable String region, Jurisdiction signedIn, Model model) {
		Jurisdiction who = signedIn.narrowedTo(region);
		var filter = new GatheringQueries.Filter(state, today, overdue, mine);
		PageResult<Gathering> result = queries.page(filter, who, Paging.of(page, 50));
		model.addAttribute("result", result);
		model.addAttribute("towns", views.townNames(result.items()));
		model.addAttribute("state", state);
		model.addAttribute("today", today);
		model.addAttribute("overdue", overdue);
		model.addAttribute("mine", mine);
		model.addAttribute("mayFile", signedIn.mayFileEvents());
		model.addAttribute("regionName", who == signedIn ? null : regions.fullName(who.regionCode()));
		model.addAttribute("base", UriComponentsBuilder.fromPath("/events")
			.queryParamIfPresent("state", Optional.ofNullable(state))
			.queryParamIfPresent("today", today ? Optional.of(true) : Optional.empty())
			.queryParamIfPresent("overdue", overdue ? Optional.of(true) : Optional.empty())
			.queryParamIfPresent("mine", mine ? Optional.of(true) : Optional.empty())
			.queryParamIfPresent("region", Optional.ofNullable(who == signedIn ? null : who.regionCode()))
			.build()
			.toUriString());
		return "gathering/list";
	}

	@ModelAttribute("sectors")
	Sector[] sectors() {
		return Sector.values();
	}

	@GetMapping("/new")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'ORGANIZER')")
	String newForm(Jurisdiction who, Model model) {
		NewGathering form = NewGathering.empty();
		if (who.organizerUnit() != null) {
			Organizers.Organizer unit = organizers.get(who.organizerUnit());
			form = new NewGathering("", unit.id(), unit.name(), unit.contactName(), unit.contactPhone(),
					unit.townCode(), "", "", "", "", null, null, "");
		}
		else if (who.regionCode().length() == 9) {
			form = new NewGathering("", null, "", "", "", who.regionCode(), "", "", "", "", null, null, "");
		}
		return form(form, who, model);
	}

	private String form(NewGathering form, Jurisdiction who, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("townChoices", regions.children(Region.CITY_CODE));
		model.addAttribute("units", who.organizerUnit() != null ? List.of() : organizers.list(who));
		model.addAttribute("ownUnit", who.organizerUnit() != null);
		return "gathering/new";
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'ORGANIZER')")
	String file(@ModelAttribute NewGathering form, @RequestParam(required = false) @Nullable MultipartFile plan,
			Jurisdiction who, Model model, RedirectAttributes flash) {
		try {
			Filings.Filed filed = filings.file(form, upload(plan), who);
			flash.addFlashAttribute("filed", true);
			return "redirect:/events/" + filed.event().id();
		}
		catch (InvalidInput ex) {
			model.addAttribute("problems", ex.problems());
			return form(form, who, model);
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Jurisdiction who, Model model) {
		Gathering event = queries.get(id, who);
		List<Step> steps = queries.steps(id);
		model.addAttribute("event", event);
		model.addAttribute("steps", steps);
		model.addAttribute("decidable", steps.stream().filter(s -> approvals.mayDecide(s, steps, who)).map(Step::id).toList());
		model.addAttribute("reasons", queries.reasons(id).stream().map(r -> r.render(messages)).toList());
		model.addAttribute("townName", regions.fullName(event.townCode()));
		model.addAttribute("mayChange", Filings.mayChange(event, who));
		model.addAttribute("organizerLinked", event.organizerId() != null && (event.organizerId().equals(who.organizerUnit())
				|| who.mayRegisterOrganizers(event.townCode())));
		model.addAttribute("now", clock.instant());
		views.attendees(event, who, model);
		return "gathering/show";
	}

	@PostMapping("/{id}/steps/{stepId}")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT')")
	String decide(@PathVariable long id, @PathVariable long stepId, @RequestParam String decision,
			@RequestParam(required = false) @Nullable String note, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			approvals.decide(id, stepId, "APPROVE".equals(decision), note, who);
			flash.addFlashAttribute("decided", true);
		});
		return "redirect:/events/" + id;
	}

	@PostMapping("/{id}/cancel")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'ORGANIZER')")
	String cancel(@PathVariable long id, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> approvals.cancel(id, who));
		return "redirect:/events/" + id;
	}

	@PostMapping("/{id}/plan")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'ORGANIZER')")
	String uploadPlan(@PathVariable long id, @RequestParam(required = false) @Nullable MultipartFile plan,
			Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			Upload upload = upload(plan);
			filings.uploadPlan(id, upload == null ? new Upload(null, 0, () -> new byte[0]) : upload, who);
			flash.addFlashAttribute("planSaved", true);
		});
		return "redirect:/events/" + id;
	}

	@GetMapping("/{id}/plan")
	ResponseEntity<byte[]> plan(@PathVariable long id, Jurisdiction who) {
		Filings.PlanDocument doc = filings.plan(id, who).orElseThrow(() -> new org.gridguard.platform.NotFound("plan"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(doc.mediaType()))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(doc.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(doc.content());
	}

	static @Nullable Upload upload(@Nullable MultipartFile file) {
		if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
			return null;
		}
		return new Upload(file.getOriginalFilename(), file.getSize(), () -> {
			try {
				return file.getBytes();
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
	}


}
