package org.gridguard.quarantine;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the city enters to register a site.
 *
 * @param zones how the "三区两通道" layout is laid out (free text as recorded on site)
 */
public record NewSite(@Nullable String name, @Nullable String kind, @Nullable String townCode, @Nullable String address,
		@Nullable String operator, @Nullable String headName, @Nullable String headPhone, @Nullable String zones,
		List<NewRoom> rooms) {

	/** A room as registered; {@code kind} is null when what was given is no kind of room. */
	public record NewRoom(String number, @Nullable String building, @Nullable Integer floor, int beds,
			Site.@Nullable RoomKind kind) {
	}

}
