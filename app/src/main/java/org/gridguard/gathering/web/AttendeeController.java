package org.gridguard.gathering.web;

import org.gridguard.gathering.AttendeeCorrections;
import org.gridguard.gathering.Attendees;
import org.gridguard.gathering.Upload;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.PageActions;
import org.gridguard.platform.PersonalDataReads;
import org.gridguard.platform.TableWriter;
import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An event's attendee list: import (CSV/XLSX) with the check of every person, the refused rows back as a corrections
 * file, and checking everyone again.
 */
@Controller
@RequestMapping("/events/{id}/attendees")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'ORGANIZER')")
class AttendeeController {

	private final Attendees attendees;

	private final AttendeeCorrections corrections;

	private final PersonalDataReads reads;

	AttendeeController(Attendees attendees, AttendeeCorrections corrections, PersonalDataReads reads) {
		this.attendees = attendees;
		this.corrections = corrections;
		this.reads = reads;
	}

	@PostMapping
	String importList(@PathVariable long id, @RequestParam(required = false) @Nullable MultipartFile file,
			Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			Upload upload = EventController.upload(file);
			Attendees.Imported imported = attendees.importList(id,
					upload == null ? new Upload(null, 0, () -> new byte[0]) : upload, who);
			flash.addFlashAttribute("imported", imported);
		});
		return "redirect:/events/" + id + "#attendees";
	}

	@PostMapping("/check")
	String recheck(@PathVariable long id, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> flash.addFlashAttribute("rechecked", attendees.recheck(id, who)));
		return "redirect:/events/" + id + "#attendees";
	}

	/**
	 * The refused rows of the latest import, as {@code corrections.csv} or {@code corrections.xlsx}, full numbers
	 * included: a bulk read of personal data. Once the uploaded file is deleted (retention), back to the event.
	 */
	@GetMapping("/corrections.{format:csv|xlsx}")
	Object corrections(@PathVariable long id, @PathVariable String format, Jurisdiction who, RedirectAttributes flash) {
		TableWriter.Format f = TableWriter.Format.of(format);
		AttendeeCorrections.Corrections file;
		try {
			file = corrections.of(id, who, f);
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
			return "redirect:/events/" + id + "#attendees";
		}
		reads.served("event-attendee-corrections", String.valueOf(id), file.rows(), null);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("corrections-" + id + "." + f.extension()).build().toString())
			.contentType(MediaType.parseMediaType(f.contentType()))
			.body(file.content());
	}

}
