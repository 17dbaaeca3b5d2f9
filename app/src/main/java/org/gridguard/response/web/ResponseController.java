package org.gridguard.response.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.PageActions;
import org.gridguard.region.Jurisdiction;
import org.gridguard.response.LevelSwitch;
import org.gridguard.response.ProfileViews;
import org.gridguard.response.ResponseLevel;
import org.gridguard.response.ResponseLevels;
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

/**
 * The response level: in force since when and why, what is scheduled, the history; the city admin changes it in two
 * steps, the second showing what will change in every module before it is confirmed.
 */
@Controller
@RequestMapping("/response")
// everyone signed in reads the level (the header of every page links here); only the city admin changes it
@PreAuthorize("isAuthenticated()")
class ResponseController {

	private final ResponseLevels levels;

	private final LevelSwitch levelSwitch;

	private final ProfileViews views;

	private final Clock clock;

	ResponseController(ResponseLevels levels, LevelSwitch levelSwitch, ProfileViews views, Clock clock) {
		this.levels = levels;
		this.levelSwitch = levelSwitch;
		this.views = views;
		this.clock = clock;
	}

	/** The change form as typed, shown again when it is refused or when the confirmation goes back. */
	record ChangeForm(@Nullable String level, @Nullable String since, @Nullable String reason) {
	}

	@GetMapping
	String overview(@RequestParam(required = false) @Nullable Integer page, Jurisdiction who, Model model) {
		model.addAttribute("current", levels.current());
		model.addAttribute("scheduled", levels.scheduled());
		model.addAttribute("history", levels.history(Paging.of(page, 20)));
		model.addAttribute("levels", ResponseLevel.values());
		model.addAttribute("canEdit", who.isCityAdmin());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ChangeForm(null, null, null));
		}
		model.addAttribute("now", LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES));
		return "response/overview";
	}

	/** First step: the change is checked and what it changes is shown for confirmation. */
	@PostMapping("/level/preview")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String preview(@RequestParam(required = false) @Nullable String level,
			@RequestParam(required = false) @Nullable String since,
			@RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes flash) {
		LevelSwitch.Request request;
		try {
			request = levelSwitch.check(level, since, reason);
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
			flash.addFlashAttribute("form", new ChangeForm(level, since, reason));
			return "redirect:/response#change";
		}
		ResponseLevel from = levels.current().level();
		model.addAttribute("request", request);
		model.addAttribute("from", from);
		model.addAttribute("differences", views.differences(from, request.level()));
		model.addAttribute("form", new ChangeForm(level, since, reason));
		model.addAttribute("startsNow", !request.since().isAfter(clock.instant()));
		return "response/confirm";
	}

	/** Second step: the confirmed change is recorded. */
	@PostMapping("/level")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String change(@RequestParam(required = false) @Nullable String level,
			@RequestParam(required = false) @Nullable String since,
			@RequestParam(required = false) @Nullable String reason, Jurisdiction who, RedirectAttributes flash) {
		try {
			var change = levelSwitch.change(level, since, reason, who.username());
			flash.addFlashAttribute("changed", change);
			flash.addFlashAttribute("changedLater", change.since().isAfter(clock.instant()));
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
			flash.addFlashAttribute("form", new ChangeForm(level, since, reason));
		}
		return "redirect:/response";
	}

	@PostMapping("/level/{id}/cancel")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String cancel(@PathVariable long id, Jurisdiction who, RedirectAttributes flash) {
		PageActions.attempt(flash, () -> {
			levelSwitch.cancel(id, who.username());
			flash.addFlashAttribute("message", "response.cancel.done");
		});
		return "redirect:/response";
	}

}
