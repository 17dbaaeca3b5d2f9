package org.gridguard.platform.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.gridguard.platform.AuditLog;
import org.gridguard.platform.NavItem;
import org.gridguard.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import jakarta.servlet.http.HttpServletResponse;
import org.gridguard.platform.ListExport;
import org.gridguard.platform.ListExports;
import java.util.Arrays;
import java.util.List;

/** The city admin searches the audit trail: who signed in, changed what, viewed whose personal data. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('CITY_ADMIN')")
class AuditController {

	private final AuditLog audit;

	private final Clock clock;

	private final ListExports exports;

	AuditController(AuditLog audit, Clock clock, ListExports exports) {
		this.audit = audit;
		this.clock = clock;
		this.exports = exports;
	}

	/** The entries the list shows with the same criteria, every one of them, as CSV or XLSX. */
	@GetMapping("/export")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	void export(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			HttpServletResponse response) {
		var query = new AuditLog.AuditQuery(actor, action, subject, from, to);
		exports.send(ListExport.of("audit", audit.searchList(query, clock.getZone()),
				List.of("audit.at", "audit.actor", "audit.action", "audit.subject", "audit.detail", "audit.remote"),
				ListExport.<AuditLog.AuditEntry>eachRow(e -> Arrays.asList(e.at(), e.actor(), e.action(),
						e.subjectType() == null ? e.subjectId() : e.subjectType() + (e.subjectId() == null ? "" : " " + e.subjectId()),
						e.detail(), e.remoteAddr())))
			.filteredBy("actor", actor, "action", action, "subject", subject, "from", from, "to", to), format, response);
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Integer page, Model model) {
		var query = new AuditLog.AuditQuery(actor, action, subject, from, to);
		model.addAttribute("query", query);
		model.addAttribute("result", audit.search(query, Paging.of(page, 50), clock.getZone()));
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("base", UriComponentsBuilder.fromPath("/audit")
			.queryParamIfPresent("actor", Optional.ofNullable(actor).filter(s -> !s.isBlank()))
			.queryParamIfPresent("action", Optional.ofNullable(action).filter(s -> !s.isBlank()))
			.queryParamIfPresent("subject", Optional.ofNullable(subject).filter(s -> !s.isBlank()))
			.queryParamIfPresent("from", Optional.ofNullable(from))
			.queryParamIfPresent("to", Optional.ofNullable(to))
			.encode()
			.build()
			.toUriString());
		return "platform/audit";
	}

	@Bean
	static NavItem auditNav() {
		return NavItem.in(NavItem.ADMIN, "nav.audit", "/audit", 990, "ROLE_CITY_ADMIN");
	}

}
