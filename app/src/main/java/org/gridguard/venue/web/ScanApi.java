package org.gridguard.venue.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.Messages;
import org.gridguard.venue.CheckIns;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public endpoint the scan page posts to: a visitor (and companions) check in at the venue of a code. No account;
 * the scan page's device cookie, when present, tells scans of one phone apart. Rate-limited per client address, and
 * guarded against use as an oracle or an alarm bell ({@link ScanGuard}). Answers what the entrance screen shows.
 */
@RestController
@RequestMapping("/api/public/scans")
class ScanApi {

	private final CheckIns checkIns;

	private final ScanRateLimiter limiter;

	private final ScanGuard guard;

	private final Messages messages;

	ScanApi(CheckIns checkIns, ScanRateLimiter limiter, ScanGuard guard, Messages messages) {
		this.checkIns = checkIns;
		this.limiter = limiter;
		this.guard = guard;
		this.messages = messages;
	}

	record Companion(@Nullable String name, @Nullable String idNumber) {
	}

	record ScanRequest(@Nullable String name, @Nullable String idNumber, @Nullable String phone,
			@Nullable List<Companion> companions, @Nullable Long riskArea) {
	}

	record ScanView(String venueName, Instant at, boolean star, @Nullable String riskArea, boolean allAdmitted,
			List<CheckIns.Entry> entries) {
	}

	@PostMapping("/{code}")
	@PermitAll
	ResponseEntity<?> scan(@PathVariable String code, @RequestBody ScanRequest body,
			@CookieValue(name = ScanGuard.DEVICE_COOKIE, required = false) @Nullable String device,
			HttpServletRequest request, HttpServletResponse response) {
		if (!limiter.tryAcquire(request.getRemoteAddr())) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header("Retry-After", "10")
				.body(Map.of("errors", List.of(new FieldProblem("rate", messages.get("venue.scan.tooMany")))));
		}
		if (!ScanGuard.isDevice(device)) {
			// a phone that has not opened the scan page: counted by its address only, and given a device from now on
			device = null;
			ScanDevices.issue(guard.newDevice(), request, response);
		}
		var visitors = new ArrayList<CheckIns.Visitor>();
		var idNumbers = new ArrayList<@Nullable String>();
		visitors.add(new CheckIns.Visitor(body.name(), body.idNumber(), body.phone()));
		idNumbers.add(body.idNumber());
		if (body.companions() != null) {
			for (Companion c : body.companions()) {
				visitors.add(new CheckIns.Visitor(c == null ? null : c.name(), c == null ? null : c.idNumber(), null));
				idNumbers.add(c == null ? null : c.idNumber());
			}
		}
		ScanGuard.Verdict verdict = guard.admit(request.getRemoteAddr(), device, idNumbers);
		if (verdict.refused()) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header("Retry-After", "60")
				.body(Map.of("errors",
						List.of(messages.problem(verdict.field(), verdict.messageKey(), verdict.args()))));
		}
		CheckIns.ScanOutcome outcome = checkIns.scan(code, visitors, body.riskArea(), verdict.plausible());
		return ResponseEntity.ok(new ScanView(outcome.venueName(), outcome.at(), outcome.star(), outcome.riskArea(),
				outcome.allAdmitted(), outcome.entries()));
	}

}
