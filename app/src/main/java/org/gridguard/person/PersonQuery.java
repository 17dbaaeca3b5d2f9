package org.gridguard.person;

import org.jspecify.annotations.Nullable;

/**
 * Search criteria for the person list.
 *
 * @param text a name (or part of one), a full identity number, a mobile number, or a masked number as lists show it
 * ({@code 330*************34}); the last characters alone are not searched, because they would complete the mask
 * @param regionCode only persons living at or below this node
 * @param sort {@code name}, {@code age}, {@code recent}
 */
public record PersonQuery(@Nullable String text, @Nullable String regionCode, @Nullable String sort) {
}
