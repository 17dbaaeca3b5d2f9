package org.gridguard.inspection.web;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.gridguard.inspection.Photos;
import org.gridguard.inspection.RectificationOrder;
import org.gridguard.inspection.RectificationQueries;
import org.gridguard.inspection.Rectifications;
import org.gridguard.platform.PageActions;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Rectification orders: the list by state (open, overdue, closed, awaiting re-inspection), and one order with the
 * responsible person's answer (a note and photos) and the inspector's re-inspection that closes or reopens it.
 */
@Controller
@RequestMapping("/inspection/rectifications")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'DEPARTMENT', 'VENUE_MANAGER')")
class RectificationController {

	private final RectificationQueries queries;

	private final Rectifications rectifications;

	private final Photos photos;

	private final RegionManagement regions;

	private final Clock clock;

	RectificationController(RectificationQueries queries, Rectifications rectifications, Photos photos,
			RegionManagement regions, Clock clock) {
		this.queries = queries;
		this.rectifications = rectifications;
		this.photos = photos;
		this.regions = regions;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(required = false) RectificationOrder.@Nullable State state,
			@RequestParam(defaultValue = "false") boolean awaiting, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable String region, Jurisdiction signedIn, Model model) {
		Jurisdiction who = signedIn.narrowedTo(region);
		PageResult<RectificationOrder> result = queries.search(new RectificationQueries.Filter(state, null, awaiting),
				who, Paging.of(page, 30));
		var places = new java.util.HashMap<String, String>();
		result.items().forEach(o -> places.computeIfAbsent(o.regionCode(), regions::fullName));
		model.addAttribute("result", result);
		model.addAttribute("places", places);
		model.addAttribute("state", state);
		model.addAttribute("awaiting", awaiting);
		model.addAttribute("now", clock.instant());
		model.addAttribute("regionName", who == signedIn ? null : regions.fullName(who.regionCode()));
		model.addAttribute("base", UriComponentsBuilder.fromPath("/inspection/rectifications")
			.queryParamIfPresent("state", Optional.ofNullable(state))
			.queryParamIfPresent("awaiting", awaiting ? Optional.of(true) : Optional.empty())
			.queryParamIfPresent("region", Optional.ofNullable(who == signedIn ? null : who.regionCode()))
			.build()
			.toUriString());
		return "inspection/rectifications";
	}

	@GetMapping("/{id}")
	String order(@PathVariable long id, Jurisdiction who, Model model) {
		RectificationOrder order = queries.get(id, who);
		model.addAttribute("order", order);
		model.addAttribute("place", regions.fullName(order.regionCode()));
		model.addAttribute("evidence", photos.ofOrder(id));
		model.addAttribute("mayAnswer", who.answersFor(order.venueId()) && !order.closed() && order.evidenceAt() == null);
		model.addAttribute("mayReinspect", who.mayInspect(order.regionCode(), order.sector()) && !order.closed());
		model.addAttribute("now", clock.instant());
		return "inspection/order";
	}

	@PostMapping("/{id}/evidence")
	String answer(@PathVariable long id, @RequestParam(required = false) @Nullable String note,
			HttpServletRequest request, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			rectifications.answer(id, note, Uploads.of(request), who);
			flash.addFlashAttribute("answered", true);
		});
		flash.addFlashAttribute("note", note);
		return "redirect:/inspection/rectifications/" + id;
	}

	@PostMapping("/{id}/reinspection")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT')")
	String reinspect(@PathVariable long id, @RequestParam(required = false) @Nullable Boolean passed,
			@RequestParam(required = false) @Nullable String note, HttpServletRequest request, Jurisdiction who,
			RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			RectificationOrder order = rectifications.reinspect(id, passed, note, Uploads.of(request),
					who);
			flash.addFlashAttribute("reinspected", order.closed() ? "closed" : "reopened");
		});
		return "redirect:/inspection/rectifications/" + id;
	}

}
