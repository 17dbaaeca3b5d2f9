package org.gridguard.platform;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the main navigation, contributed by a module as a bean. The layout shows it only to users holding
 * one of {@code authorities} (for example {@code ROLE_CITY_ADMIN}); an empty set means every signed-in user. Entries
 * of the same {@code group} appear together under one menu.
 *
 * @param labelKey message key of the label
 * @param href path the entry links to
 * @param order position, lower first (a group takes the position of its first entry)
 * @param authorities who may see the entry
 * @param group message key of the menu the entry belongs to, {@code null} for a top-level entry
 */
public record NavItem(String labelKey, String href, int order, Set<String> authorities, @Nullable String group) {

	/** The menus of the navigation. */
	public static final String BASE = "nav.group.base";

	public static final String CONTROL = "nav.group.control";

	public static final String ADMIN = "nav.group.admin";

	public NavItem {
		authorities = Set.copyOf(authorities);
	}

	public static NavItem of(String labelKey, String href, int order, String... authorities) {
		return new NavItem(labelKey, href, order, Set.of(authorities), null);
	}

	public static NavItem in(String group, String labelKey, String href, int order, String... authorities) {
		return new NavItem(labelKey, href, order, Set.of(authorities), group);
	}

	public boolean visibleTo(Set<String> held) {
		return authorities.isEmpty() || authorities.stream().anyMatch(held::contains);
	}

}
