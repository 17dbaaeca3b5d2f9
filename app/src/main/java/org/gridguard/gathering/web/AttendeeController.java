package org.gridguard.gathering.web;

import org.gridguard.gathering.Attendees;
import org.gridguard.gathering.Upload;
import org.gridguard.platform.PageActions;
import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An event's attendee list: import (CSV/XLSX) with the check of every person, and checking everyone again. */
@Controller
@RequestMapping("/events/{id}/attendees")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'ORGANIZER')")
class AttendeeController {

	private final Attendees attendees;

	AttendeeController(Attendees attendees) {
		this.attendees = attendees;
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

}
