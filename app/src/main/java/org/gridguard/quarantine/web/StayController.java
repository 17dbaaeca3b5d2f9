package org.gridguard.quarantine.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.gridguard.control.ControlQueries;
import org.gridguard.control.MeasureKind;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.Messages;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.PageActions;
import org.gridguard.quarantine.Care;
import org.gridguard.quarantine.Site;
import org.gridguard.quarantine.SiteChecks;
import org.gridguard.quarantine.SiteQueries;
import org.gridguard.quarantine.SiteReleases;
import org.gridguard.quarantine.Stay;
import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The residents of a site: the phone page on which staff record the twice-daily checks, a resident's stay with test
 * days, release sampling, the release gate and care requests, and the printable release notice.
 */
@Controller
@RequestMapping("/quarantine")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'EPIDEMIOLOGIST', 'SITE_STAFF')")
class StayController {

	private final SiteQueries queries;

	private final SiteChecks checks;

	private final SiteReleases releases;

	private final Care care;

	private final ControlQueries control;

	private final PersonManagement persons;

	private final ReleaseNotices notices;

	private final Messages messages;

	private final Clock clock;

	StayController(SiteQueries queries, SiteChecks checks, SiteReleases releases, Care care, ControlQueries control,
			PersonManagement persons, ReleaseNotices notices, Messages messages, Clock clock) {
		this.queries = queries;
		this.checks = checks;
		this.releases = releases;
		this.care = care;
		this.control = control;
		this.persons = persons;
		this.notices = notices;
		this.messages = messages;
		this.clock = clock;
	}

	/** One resident's card on the phone page. */
	record Resident(Stay stay, @Nullable Person person, ControlQueries.@Nullable ScheduleItem am,
			ControlQueries.@Nullable ScheduleItem pm, boolean testToday, boolean amOverdue, boolean pmOverdue) {
	}

	@GetMapping("/sites/{id}/residents")
	String residents(@PathVariable long id, Jurisdiction who, Model model) {
		Site site = queries.site(id, who);
		List<Stay> stays = queries.residents(id);
		Map<Long, Person> people = persons.readForList(stays.stream().map(Stay::personId).toList(),
				"quarantine-residents", String.valueOf(id), null);
		var now = clock.instant();
		var today = java.time.LocalDate.now(clock);
		List<Resident> cards = stays.stream().map(s -> {
			var items = checks.today(s);
			var am = items.stream().filter(i -> "AM".equals(i.slot())).findFirst().orElse(null);
			var pm = items.stream().filter(i -> "PM".equals(i.slot())).findFirst().orElse(null);
			boolean test = checks.testDays(s).stream().anyMatch(i -> i.day().equals(today));
			return new Resident(s, people.get(s.personId()), am, pm, test, am != null && am.overdue(now),
					pm != null && pm.overdue(now));
		}).toList();
		model.addAttribute("site", site);
		model.addAttribute("residents", cards);
		model.addAttribute("runs", who.runsSite(id));
		model.addAttribute("slot", LocalTime.now(clock).isBefore(LocalTime.NOON) ? "AM" : "PM");
		return "quarantine/residents";
	}

	@PostMapping("/stays/{id}/checks")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'SITE_STAFF')")
	String check(@PathVariable long id, @RequestParam(required = false) @Nullable String slot,
			@RequestParam(required = false) @Nullable String temperature,
			@RequestParam(required = false) @Nullable String symptoms, Jurisdiction who, RedirectAttributes flash) {
		Stay stay = queries.stay(id, who);
		try {
			Double value = temperature == null || temperature.isBlank() ? null
					: Double.valueOf(temperature.strip().replace('，', '.'));
			checks.recordCheck(id, slot, value, symptoms, who);
			flash.addFlashAttribute("saved", stay.room());
		}
		catch (NumberFormatException ex) {
			flash.addFlashAttribute("problems", List.of(messages.problem("temperature", "quarantine.check.number")));
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
		}
		return "redirect:/quarantine/sites/" + stay.siteId() + "/residents#stay-" + id;
	}

	@GetMapping("/stays/{id}")
	String stay(@PathVariable long id, Jurisdiction who, Model model) {
		Stay stay = queries.stay(id, who);
		Site site = queries.site(stay.siteId(), who);
		Person person = persons.readForList(List.of(stay.personId()), "quarantine-stay", String.valueOf(id), null)
			.get(stay.personId());
		model.addAttribute("stay", stay);
		model.addAttribute("site", site);
		model.addAttribute("person", person);
		model.addAttribute("runs", who.runsSite(site.id()));
		model.addAttribute("stages", control.stages(stay.riskPersonId()));
		model.addAttribute("central", MeasureKind.CENTRAL_ISOLATION);
		model.addAttribute("tests", checks.testDays(stay));
		model.addAttribute("checks", control.checks(stay.riskPersonId()).stream().limit(14).toList());
		model.addAttribute("samples", queries.sampleResults(id));
		model.addAttribute("sampleKinds", List.of("PERSON", "OBJECTS", "ROOM"));
		model.addAttribute("unmet", stay.state() == Stay.State.IN ? releases.unmet(stay) : List.of());
		model.addAttribute("careKinds", Care.Kind.values());
		model.addAttribute("care", care.of(site.id(), who).stream().filter(r -> r.stayId() == id).toList());
		return "quarantine/stay";
	}

	@PostMapping("/stays/{id}/samples")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'SITE_STAFF')")
	String sample(@PathVariable long id, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String result, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> checks.recordSample(id, kind, result, who));
		return "redirect:/quarantine/stays/" + id;
	}

	@PostMapping("/stays/{id}/release")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'SITE_STAFF')")
	String release(@PathVariable long id, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			SiteReleases.Released released = releases.release(id, who);
			flash.addFlashAttribute("released", released.handedOver() ? "handedOver" : "planDone");
		});
		return "redirect:/quarantine/stays/" + id;
	}

	@PostMapping("/stays/{id}/care")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'SITE_STAFF')")
	String request(@PathVariable long id, @RequestParam(required = false) Care.@Nullable Kind kind,
			@RequestParam(required = false) @Nullable String note, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> care.request(id, kind, note, who));
		return "redirect:/quarantine/stays/" + id + "#care";
	}

	@GetMapping("/stays/{id}/notice.pdf")
	ResponseEntity<byte[]> notice(@PathVariable long id, Jurisdiction who) {
		Stay stay = queries.stay(id, who);
		if (stay.state() != Stay.State.RELEASED) {
			throw new NotFound("notice " + id);
		}
		Site site = queries.site(stay.siteId(), who);
		Person person = persons.readForList(List.of(stay.personId()), "quarantine-notice", String.valueOf(id), null)
			.get(stay.personId());
		byte[] pdf = notices.pdf(stay, site, person, control.stages(stay.riskPersonId()));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("release-notice-" + id + ".pdf", StandardCharsets.UTF_8).build().toString())
			.body(pdf);
	}

}
