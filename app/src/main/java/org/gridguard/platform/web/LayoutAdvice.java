package org.gridguard.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.gridguard.platform.HeaderBadge;
import org.gridguard.platform.NavItem;
import org.gridguard.platform.Notifications;
import org.gridguard.platform.SignedInUser;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.stereotype.Controller;

/**
 * Puts what the page layout needs into every page's model: the navigation the user may use, the signed-in user,
 * the badges modules show in the header, and the current path (to mark the active entry and to build language links).
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	private final List<NavItem> items;

	private final Notifications notifications;

	private final java.time.Clock clock;

	private final ObjectProvider<HeaderBadge> badges;

	private final PageAccess access;

	LayoutAdvice(List<NavItem> items, Notifications notifications, java.time.Clock clock,
			ObjectProvider<HeaderBadge> badges, PageAccess access) {
		this.access = access;
		this.items = items.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
		this.notifications = notifications;
		this.clock = clock;
		this.badges = badges;
	}

	@ModelAttribute("headerBadges")
	List<HeaderBadge.Shown> headerBadges() {
		var shown = new java.util.ArrayList<HeaderBadge.Shown>();
		for (HeaderBadge badge : badges.orderedStream().toList()) {
			HeaderBadge.Shown one = badge.shown();
			if (one != null) {
				shown.add(one);
			}
		}
		return shown;
	}

	/** The city's time zone: pages show instants with {@code #temporals.format(x.atZone(zone), …)}. */
	@ModelAttribute("zone")
	java.time.ZoneId zone() {
		return clock.getZone();
	}

	@ModelAttribute("unreadNotifications")
	long unread() {
		SignedInUser user = me();
		return user == null ? 0 : notifications.unread(user);
	}

	@ModelAttribute("nav")
	List<NavItem> nav() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof SignedInUser)) {
			return List.of();
		}
		Set<String> held = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
		// the role list of an entry keeps it off menus cheaply; the page's own rule decides (a department's sector …)
		return items.stream().filter(item -> item.visibleTo(held) && access.opens(item.href())).toList();
	}

	/** A top-level navigation entry: a link, or a menu of links. */
	record NavEntry(String labelKey, @Nullable String href, List<NavItem> children) {

		public boolean menu() {
			return !children.isEmpty();
		}

		public boolean activeFor(@Nullable String path) {
			if (path == null) {
				return false;
			}
			if (href != null) {
				return !href.equals("/") && path.startsWith(href);
			}
			return children.stream().anyMatch(c -> path.startsWith(c.href()));
		}

	}

	/** The navigation as menus: entries of one group gathered at the position of the group's first entry. */
	@ModelAttribute("navMenu")
	List<NavEntry> navMenu() {
		var entries = new java.util.ArrayList<NavEntry>();
		var menus = new java.util.HashMap<String, List<NavItem>>();
		for (NavItem item : nav()) {
			if (item.group() == null) {
				entries.add(new NavEntry(item.labelKey(), item.href(), List.of()));
			}
			else if (menus.containsKey(item.group())) {
				menus.get(item.group()).add(item);
			}
			else {
				var children = new java.util.ArrayList<NavItem>();
				children.add(item);
				menus.put(item.group(), children);
				entries.add(new NavEntry(item.group(), null, children));
			}
		}
		return entries;
	}

	@ModelAttribute("me")
	@Nullable SignedInUser me() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof SignedInUser user ? user : null;
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

}
