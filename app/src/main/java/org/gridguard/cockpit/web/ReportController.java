package org.gridguard.cockpit.web;

import java.time.Clock;
import java.time.LocalDate;

import org.gridguard.cockpit.DailyReports;
import org.gridguard.platform.NavItem;
import org.gridguard.platform.PageActions;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The archive of daily reports: every report with its XLSX and PDF, and the city admin's "generate now".
 */
@Controller
@RequestMapping("/cockpit/reports")
@PreAuthorize("hasRole('CITY_ADMIN')")
class ReportController {

	private final DailyReports reports;

	private final Clock clock;

	ReportController(DailyReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@Bean
	static NavItem reportsNav() {
		return NavItem.in(NavItem.CONTROL, "nav.reports", "/cockpit/reports", 390, "ROLE_CITY_ADMIN");
	}

	@GetMapping
	String archive(@RequestParam(required = false) @Nullable Integer page, Jurisdiction who, Model model) {
		model.addAttribute("result", reports.archive(who, Paging.of(page, 30)));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("base", "/cockpit/reports");
		return "cockpit/reports";
	}

	@PostMapping
	String generate(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			long id = reports.generate(day == null ? LocalDate.now(clock) : day, who);
			flash.addFlashAttribute("generated", id);
		});
		return "redirect:/cockpit/reports";
	}

	@GetMapping("/{id}.{format}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable String format, Jurisdiction who) {
		DailyReports.File file = reports.download(id, format, who);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name()).build().toString())
			.body(file.bytes());
	}

}
