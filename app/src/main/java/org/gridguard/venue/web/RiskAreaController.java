package org.gridguard.venue.web;

import java.time.LocalDate;

import org.gridguard.platform.InvalidInput;
import org.gridguard.region.Jurisdiction;
import org.gridguard.venue.RiskAreas;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
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
 * The city admin keeps the list of risk areas visitors may declare a recent stay in at the door (linked from the venue
 * list rather than the main navigation, which is full).
 */
@Controller
@RequestMapping("/risk-areas")
@PreAuthorize("hasRole('CITY_ADMIN')")
class RiskAreaController {

	private final RiskAreas areas;

	RiskAreaController(RiskAreas areas) {
		this.areas = areas;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("areas", areas.listed());
		return "venue/risk-areas";
	}

	@PostMapping
	String add(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String level,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate since,
			Jurisdiction who, RedirectAttributes flash) {
		try {
			areas.add(name, level, since, who.username());
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
			flash.addFlashAttribute("typedName", name);
		}
		return "redirect:/risk-areas";
	}

	@PostMapping("/{id}/end")
	String end(@PathVariable long id) {
		areas.end(id);
		return "redirect:/risk-areas";
	}

}
