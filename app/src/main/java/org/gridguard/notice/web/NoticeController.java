package org.gridguard.notice.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.gridguard.notice.Approval;
import org.gridguard.notice.Drafting;
import org.gridguard.notice.Notice;
import org.gridguard.notice.NoticeDraft;
import org.gridguard.notice.NoticeProperties;
import org.gridguard.notice.NoticeQueries;
import org.gridguard.notice.Publishing;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NavItem;
import org.gridguard.platform.PageActions;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.gridguard.tracing.VenueNotices;
import org.gridguard.venue.RiskAreas;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Notices for those who write and issue them: the list with the investigations' venue notices waiting to become
 * public, the form, a notice with its history, each step of its way (submit, approve or send back, publish, withdraw)
 * and its PDF. Drafting is for the city command, 疾控 and the towns; the steps after submission are the city
 * command's.
 */
@Controller
@RequestMapping("/notices")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'EPIDEMIOLOGIST', 'TOWN_OFFICER')")
class NoticeController {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final NoticeQueries queries;

	private final Drafting drafting;

	private final Approval approval;

	private final Publishing publishing;

	private final VenueNotices venueNotices;

	private final VenueManagement venues;

	private final RiskAreas riskAreas;

	private final NoticePdf pdf;

	private final NoticeProperties properties;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	NoticeController(NoticeQueries queries, Drafting drafting, Approval approval, Publishing publishing,
			VenueNotices venueNotices, VenueManagement venues, RiskAreas riskAreas, NoticePdf pdf,
			NoticeProperties properties, AuditLog audit, Messages messages, Clock clock) {
		this.queries = queries;
		this.drafting = drafting;
		this.approval = approval;
		this.publishing = publishing;
		this.venueNotices = venueNotices;
		this.venues = venues;
		this.riskAreas = riskAreas;
		this.pdf = pdf;
		this.properties = properties;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	@Bean
	static NavItem noticesNav() {
		return NavItem.of("nav.notices", "/notices", 550, "ROLE_CITY_ADMIN", "ROLE_EPIDEMIOLOGIST", "ROLE_TOWN_OFFICER");
	}

	/** A venue notice of an investigation, with its venue and the public notice drafted from it, if any. */
	record VenueNoticeRow(VenueNotices.VenueNotice venueNotice, String venueName, @Nullable Notice notice) {
	}

	@GetMapping
	String list(@RequestParam(required = false) Notice.@Nullable State state,
			@RequestParam(required = false) @Nullable Integer page, Jurisdiction who, Model model) {
		PageResult<Notice> result = queries.list(state, who, Paging.of(page, 30));
		List<VenueNotices.VenueNotice> recent = venueNotices.recent(who, 10);
		Map<Long, Notice> drafted = queries.fromVenueNotices(recent.stream().map(VenueNotices.VenueNotice::id).toList());
		model.addAttribute("result", result);
		model.addAttribute("state", state);
		model.addAttribute("states", Notice.State.values());
		model.addAttribute("venueNotices", recent.stream()
			.map(v -> new VenueNoticeRow(v, venues.find(v.venueId()).map(Venue::name).orElse("#" + v.venueId()),
					drafted.get(v.id())))
			.toList());
		model.addAttribute("now", clock.instant());
		model.addAttribute("base", state == null ? "/notices" : "/notices?state=" + state);
		return "notice/list";
	}

	@GetMapping("/new")
	String newNotice(Model model) {
		return form(new NoticeDraft(null, null, null, null, List.of(), null), null, model);
	}

	@PostMapping
	String create(@ModelAttribute NoticeDraft draft, Jurisdiction who, Model model) {
		try {
			return "redirect:/notices/" + drafting.draft(draft, who).id();
		}
		catch (InvalidInput ex) {
			model.addAttribute("problems", ex.problems());
			return form(draft, null, model);
		}
	}

	@PostMapping("/from-venue-notice/{venueNoticeId}")
	String fromVenueNotice(@PathVariable long venueNoticeId, Jurisdiction who, RedirectAttributes flash) {
		try {
			Notice notice = drafting.fromVenueNotice(venueNoticeId, who);
			return "redirect:/notices/" + notice.id() + (notice.state() == Notice.State.DRAFT ? "/edit" : "");
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
			return "redirect:/notices";
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Jurisdiction who, Model model) {
		Notice notice = queries.get(id, who);
		Instant now = clock.instant();
		boolean editor = notice.draftedBy().equals(who.username()) || who.mayPublishNotices();
		model.addAttribute("notice", notice);
		model.addAttribute("issuer", notice.issuer() == null ? properties.issuer() : notice.issuer());
		model.addAttribute("inForce", notice.inForce(now));
		model.addAttribute("lapsed", notice.lapsed(now));
		model.addAttribute("mayEdit", editor && notice.state() == Notice.State.DRAFT);
		model.addAttribute("command", who.mayPublishNotices());
		model.addAttribute("venue", notice.venueId() == null ? null : venues.find(notice.venueId()).orElse(null));
		model.addAttribute("supersedes", notice.supersedesId() == null ? null : queries.find(notice.supersedesId(), who).orElse(null));
		model.addAttribute("supersededBy", notice.supersededBy() == null ? null : queries.find(notice.supersededBy(), who).orElse(null));
		model.addAttribute("history", audit.forSubject("notice", String.valueOf(id), 50));
		return "notice/show";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Jurisdiction who, Model model) {
		Notice notice = queries.get(id, who);
		if (notice.state() != Notice.State.DRAFT) {
			return "redirect:/notices/" + id;
		}
		var draft = new NoticeDraft(notice.title(), notice.body(), local(notice.effectiveFrom()),
				local(notice.effectiveUntil()), notice.riskAreas().stream().map(Notice.ListedArea::areaId).toList(),
				notice.supersedesId());
		model.addAttribute("notice", notice);
		return form(draft, notice, model);
	}

	@PostMapping("/{id}")
	String save(@PathVariable long id, @ModelAttribute NoticeDraft draft, Jurisdiction who, Model model,
			RedirectAttributes flash) {
		try {
			drafting.edit(id, draft, who);
			flash.addFlashAttribute("message", messages.get("notice.saved"));
			return "redirect:/notices/" + id;
		}
		catch (InvalidInput ex) {
			Notice notice = queries.get(id, who);
			model.addAttribute("problems", ex.problems());
			model.addAttribute("notice", notice);
			return form(draft, notice, model);
		}
	}

	@PostMapping("/{id}/submit")
	String submit(@PathVariable long id, Jurisdiction who, RedirectAttributes flash) {
		return step(id, flash, "notice.submitted", () -> drafting.submit(id, who));
	}

	@PostMapping("/{id}/discard")
	String discard(@PathVariable long id, Jurisdiction who, RedirectAttributes flash) {
		String back = step(id, flash, "notice.discarded", () -> drafting.discard(id, who));
		return flash.getFlashAttributes().containsKey("problems") ? back : "redirect:/notices";
	}

	@PostMapping("/{id}/approve")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String approve(@PathVariable long id, Jurisdiction who, RedirectAttributes flash) {
		return step(id, flash, "notice.approved", () -> approval.approve(id, who));
	}

	@PostMapping("/{id}/return")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String sendBack(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, Jurisdiction who,
			RedirectAttributes flash) {
		return step(id, flash, "notice.returned", () -> approval.sendBack(id, reason, who));
	}

	@PostMapping("/{id}/publish")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String publish(@PathVariable long id, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			Notice published = publishing.publish(id, who);
			flash.addFlashAttribute("message", messages.get("notice.published", published.number()));
		});
		return "redirect:/notices/" + id;
	}

	@PostMapping("/{id}/withdraw")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String withdraw(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, Jurisdiction who,
			RedirectAttributes flash) {
		return step(id, flash, "notice.withdrawn", () -> publishing.withdraw(id, reason, who));
	}

	/** The notice as a PDF; stamped as a draft until it is published. */
	@GetMapping("/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id, Jurisdiction who) {
		Notice notice = queries.get(id, who);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("notice-" + id + ".pdf", StandardCharsets.UTF_8).build().toString())
			.body(pdf.pdf(notice));
	}

	private String step(long id, RedirectAttributes flash, String doneKey, Runnable action) {
		PageActions.attempt(flash, () -> {
			action.run();
			flash.addFlashAttribute("message", messages.get(doneKey));
		});
		return "redirect:/notices/" + id;
	}

	private String form(NoticeDraft draft, @Nullable Notice notice, Model model) {
		model.addAttribute("draft", draft);
		model.addAttribute("editing", notice);
		model.addAttribute("areas", riskAreas.listed());
		model.addAttribute("replaceable", queries.inForce(clock.instant())
			.stream()
			.filter(n -> notice == null || n.id() != notice.id())
			.toList());
		model.addAttribute("issuer", properties.issuer());
		return "notice/form";
	}

	private @Nullable String local(@Nullable Instant at) {
		return at == null ? null : LOCAL.format(at.atZone(clock.getZone()));
	}

}
