package org.gridguard.venue.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.PublicAddress;
import org.gridguard.region.Jurisdiction;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The printable QR poster of a venue's active code, as PNG or PDF, for those who run the venue.
 */
@Controller
@RequestMapping("/venues/{id}")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT', 'VENUE_MANAGER')")
class PosterController {

	private final VenueManagement venues;

	private final Posters posters;

	private final Messages messages;

	private final PublicAddress address;

	private final Clock clock;

	PosterController(VenueManagement venues, Posters posters, Messages messages, PublicAddress address, Clock clock) {
		this.venues = venues;
		this.posters = posters;
		this.messages = messages;
		this.address = address;
		this.clock = clock;
	}

	@GetMapping("/poster.png")
	ResponseEntity<byte[]> png(@PathVariable long id, Jurisdiction who) {
		Venue venue = venues.getToRun(id, who);
		return file(posters.png(content(venue)), MediaType.IMAGE_PNG, venue, "png");
	}

	@GetMapping("/poster.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id, Jurisdiction who) {
		Venue venue = venues.getToRun(id, who);
		return file(posters.pdf(content(venue)), MediaType.APPLICATION_PDF, venue, "pdf");
	}

	/** The QR code alone, for the venue page. */
	@GetMapping("/qr.png")
	ResponseEntity<byte[]> qr(@PathVariable long id, Jurisdiction who) {
		Venue venue = venues.getToRun(id, who);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(posters.qrPng(scanUrl(requireCode(venue)), 8));
	}

	private Posters.Content content(Venue venue) {
		String code = requireCode(venue);
		return new Posters.Content(messages.get("venue.poster.title"), venue.name(), venue.address(), scanUrl(code),
				messages.get("venue.poster.code", code), messages.get("venue.poster.rule"),
				messages.get("venue.poster.hint"),
				messages.get("venue.poster.footer", venue.managerName(), venue.managerPhone(), LocalDate.now(clock)));
	}

	private static String requireCode(Venue venue) {
		if (venue.code() == null) {
			throw new NotFound("venue " + venue.id() + " has no active code");
		}
		return venue.code();
	}

	private String scanUrl(String code) {
		return address.link("/s/" + code);
	}

	private static ResponseEntity<byte[]> file(byte[] body, MediaType type, Venue venue, String extension) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename("venue-" + venue.id() + "-" + venue.code() + "." + extension, StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(body);
	}

}
