package org.gridguard.control.web;

import org.gridguard.control.Category;
import org.gridguard.control.ControlQueries;
import org.gridguard.control.Raises;
import org.gridguard.control.HealthChecks;
import org.gridguard.control.QueueDecisions;
import org.gridguard.control.Releases;
import org.gridguard.control.RiskPerson;
import org.gridguard.control.SelfReportLinks;
import org.gridguard.platform.PageActions;
import org.gridguard.platform.QrCodes;
import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What officers and grid workers do on a risk person's page: place them in a grid, push them on, release them,
 * record a health check, send the personal self-report link.
 */
@Controller
@RequestMapping("/control")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'EPIDEMIOLOGIST')")
class RiskPersonActionsController {

	private final ControlQueries queries;

	private final QueueDecisions queue;

	private final Releases releases;

	private final HealthChecks checks;

	private final SelfReportLinks links;

	private final Raises raises;

	RiskPersonActionsController(ControlQueries queries, QueueDecisions queue, Releases releases, HealthChecks checks,
			SelfReportLinks links, Raises raises) {
		this.raises = raises;
		this.queries = queries;
		this.queue = queue;
		this.releases = releases;
		this.checks = checks;
		this.links = links;
	}

	@PostMapping("/risk-persons/{id}/grid")
	String assignGrid(@PathVariable long id, @RequestParam(required = false) @Nullable String grid,
			@RequestParam(required = false) @Nullable String back, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			queue.assignGrid(id, grid, who);
			flash.addFlashAttribute("message", "control.assigned");
		});
		return "queue".equals(back) ? "redirect:/control/queue" : "redirect:/control/risk-persons/" + id;
	}

	/** Raises the person's control by hand (a stricter category, red at once), with a reason: audited. */
	@PostMapping("/risk-persons/{id}/raise")
	String raise(@PathVariable long id, @RequestParam(required = false) @Nullable Category category,
			@RequestParam(required = false) @Nullable String reason, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			raises.raiseByHand(id, category, reason, who);
			flash.addFlashAttribute("message", "control.raised");
		});
		return "redirect:/control/risk-persons/" + id;
	}

	@PostMapping("/risk-persons/{id}/transfer")
	String transfer(@PathVariable long id, @RequestParam String reason, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			queue.transferOut(id, reason, who);
			flash.addFlashAttribute("message", "control.transferred");
		});
		return "redirect:/control/risk-persons/" + id;
	}

	@PostMapping("/risk-persons/{id}/release")
	String release(@PathVariable long id, @RequestParam(required = false) @Nullable String note, Jurisdiction who,
			RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			releases.release(id, note, who);
			flash.addFlashAttribute("message", "control.released");
		});
		return "redirect:/control/risk-persons/" + id;
	}

	@PostMapping("/risk-persons/{id}/checks")
	String check(@PathVariable long id, @RequestParam String slot, @RequestParam(required = false) @Nullable Double temperature,
			@RequestParam(required = false) @Nullable String symptoms, Jurisdiction who, RedirectAttributes flash) {
		queries.riskPerson(id, who);
		PageActions.attempt(flash, () -> {
			checks.recordCheck(id, slot, temperature, symptoms, "WORKER", who.username());
			flash.addFlashAttribute("message", "control.check.saved");
		});
		return "redirect:/control/risk-persons/" + id;
	}

	/**
	 * Issues a new personal report link (the old one stops working) and shows it once: the full address, its QR code
	 * to scan from the screen, a copy button and "send by SMS".
	 */
	@PostMapping("/risk-persons/{id}/link")
	String link(@PathVariable long id, Jurisdiction who, RedirectAttributes flash) {
		RiskPerson risk = queries.riskPerson(id, who);
		show(links.issue(risk), flash);
		return "redirect:/control/risk-persons/" + id;
	}

	/** Sends the link just shown to the person's mobile (audited), and shows it again. */
	@PostMapping("/risk-persons/{id}/link/sms")
	String sendLink(@PathVariable long id, @RequestParam(required = false) @Nullable String token, Jurisdiction who,
			RedirectAttributes flash) {
		RiskPerson risk = queries.riskPerson(id, who);
		String link = token == null ? "" : token.strip();
		PageActions.attempt(flash, () -> {
			flash.addFlashAttribute("selfLinkSentTo", links.send(risk, link));
		});
		if (!link.isEmpty()) {
			show(new SelfReportLinks.Link(link, links.url(link)), flash);
		}
		return "redirect:/control/risk-persons/" + id;
	}

	private static void show(SelfReportLinks.Link link, RedirectAttributes flash) {
		flash.addFlashAttribute("selfLink", link.url());
		flash.addFlashAttribute("selfToken", link.token());
		flash.addFlashAttribute("selfLinkQr", QrCodes.pngDataUrl(link.url(), 6));
	}

}
