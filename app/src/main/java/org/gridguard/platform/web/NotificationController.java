package org.gridguard.platform.web;

import org.gridguard.platform.Notifications;
import org.gridguard.platform.SignedInUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The user's notifications: alerts, escalations and reminders addressed to them or their role and area. */
@Controller
@RequestMapping("/notifications")
@PreAuthorize("isAuthenticated()")
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	String inbox(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("items", notifications.inbox(user, 200));
		return "platform/notifications";
	}

	@PostMapping("/{id}/read")
	String read(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		notifications.markRead(user, id);
		return "redirect:/notifications";
	}

	@PostMapping("/read-all")
	String readAll(@AuthenticationPrincipal SignedInUser user) {
		notifications.markAllRead(user);
		return "redirect:/notifications";
	}

}
