package org.gridguard.person;

import org.jspecify.annotations.Nullable;

/**
 * Search criteria for the person list.
 *
 * @param text a name (or part of one), a full identity number, a mobile number, a masked number such as
 * {@code 330784********1234}, or the last four characters of an identity number
 * @param regionCode only persons living at or below this node
 * @param sort {@code name}, {@code age}, {@code recent}
 */
public record PersonQuery(@Nullable String text, @Nullable String regionCode, @Nullable String sort) {
}
