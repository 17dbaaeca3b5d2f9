package org.gridguard.control.web;

import jakarta.annotation.security.PermitAll;

import org.gridguard.control.HealthChecks;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.NotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The personal link a controlled person reports their morning and evening temperature with, on their own phone.
 * The unguessable token in the link is the only credential; it only allows reporting.
 */
@Controller
@RequestMapping("/p")
class SelfReportController {

	private final HealthChecks checks;

	SelfReportController(HealthChecks checks) {
		this.checks = checks;
	}

	@GetMapping("/{token}")
	@PermitAll
	String form(@PathVariable String token, Model model) {
		model.addAttribute("token", token);
		return "control/self-report";
	}

	@PostMapping("/{token}")
	@PermitAll
	String report(@PathVariable String token, @RequestParam String slot,
			@RequestParam(required = false) @Nullable Double temperature,
			@RequestParam(required = false) @Nullable String symptoms, Model model) {
		model.addAttribute("token", token);
		try {
			checks.selfReport(token, slot, temperature, symptoms);
			model.addAttribute("saved", true);
		}
		catch (InvalidInput ex) {
			model.addAttribute("problems", ex.problems());
		}
		catch (NotFound ex) {
			model.addAttribute("unknown", true);
		}
		return "control/self-report";
	}

}
