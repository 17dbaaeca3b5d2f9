package org.gridguard.platform;

import java.util.Set;

/**
 * One entry of the main navigation, contributed by a module as a bean. The layout shows it only to users holding
 * one of {@code authorities} (for example {@code ROLE_CITY_ADMIN}); an empty set means every signed-in user.
 *
 * @param labelKey message key of the label
 * @param href path the entry links to
 * @param order position, lower first
 * @param authorities who may see the entry
 */
public record NavItem(String labelKey, String href, int order, Set<String> authorities) {

	public NavItem {
		authorities = Set.copyOf(authorities);
	}

	public static NavItem of(String labelKey, String href, int order, String... authorities) {
		return new NavItem(labelKey, href, order, Set.of(authorities));
	}

	public boolean visibleTo(Set<String> held) {
		return authorities.isEmpty() || authorities.stream().anyMatch(held::contains);
	}

}
