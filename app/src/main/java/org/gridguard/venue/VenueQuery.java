package org.gridguard.venue;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the venue list; empty ones match everything.
 *
 * @param text part of the name, address or code
 * @param category a {@link VenueCategory} name
 * @param region a region code prefix
 * @param closure a {@link Closure} name
 */
public record VenueQuery(@Nullable String text, @Nullable String category, @Nullable String region,
		@Nullable String closure) {
}
