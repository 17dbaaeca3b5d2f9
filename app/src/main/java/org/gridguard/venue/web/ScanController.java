package org.gridguard.venue.web;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridguard.venue.RiskAreas;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The page a venue's QR code opens on a visitor's phone. Public: no account. The page itself only shows the form
 * and the entrance screen; {@code static/js/venue-scan.js} remembers the visitor on the device and posts the
 * check-in to the public scan endpoint. The first visit registers the phone as a device (a cookie), so that its scans
 * are counted together.
 */
@Controller
class ScanController {

	private final VenueManagement venues;

	private final RiskAreas riskAreas;

	private final ScanRateLimiter limiter;

	private final ScanGuard guard;

	ScanController(VenueManagement venues, RiskAreas riskAreas, ScanRateLimiter limiter, ScanGuard guard) {
		this.venues = venues;
		this.riskAreas = riskAreas;
		this.limiter = limiter;
		this.guard = guard;
	}

	@GetMapping("/s/{code}")
	@PermitAll
	String scan(@PathVariable String code, @CookieValue(name = ScanGuard.DEVICE_COOKIE, required = false) @Nullable String device,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!ScanGuard.isDevice(device)) {
			ScanDevices.issue(guard.newDevice(), request, response);
		}
		if (!limiter.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("state", "tooMany");
			return "venue/scan";
		}
		Venue venue = venues.byCode(code).orElse(null);
		if (venue == null) {
			response.setStatus(venues.revoked(code) ? HttpStatus.GONE.value() : HttpStatus.NOT_FOUND.value());
			model.addAttribute("state", venues.revoked(code) ? "revoked" : "unknown");
			return "venue/scan";
		}
		model.addAttribute("state", "ready");
		model.addAttribute("venue", venue);
		model.addAttribute("code", venue.code());
		model.addAttribute("areas", riskAreas.listed());
		return "venue/scan";
	}

}
