package org.gridguard.venue.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The scan page's device cookie: set once on a phone, sent with its scans, readable by no script (HttpOnly), never
 * sent from other sites' pages (SameSite=Lax), kept for about a year.
 */
final class ScanDevices {

	private static final Duration KEPT = Duration.ofDays(400);

	private ScanDevices() {
	}

	static void issue(String device, HttpServletRequest request, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(ScanGuard.DEVICE_COOKIE, device)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.path("/")
			.maxAge(KEPT)
			.build()
			.toString());
	}

}
