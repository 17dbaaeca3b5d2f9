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

/** The city admin searches the audit trail: who signed in, changed what, viewed whose personal data. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('CITY_ADMIN')")
class AuditController {

	private final AuditLog audit;

	private final Clock clock;

	AuditController(AuditLog audit, Clock clock) {
		this.audit = audit;
		this.clock = clock;
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
