package org.gridguard.status;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A person's colour now, why, and since when.
 *
 * @param reasons the active facts behind the colour, most severe first, as {@code KIND: detail}
 * @param since when the person last changed to this colour; {@code null} for a person who was always green
 */
public record PersonStatus(long personId, StatusColour colour, List<String> reasons, @Nullable Instant since) {

	public static PersonStatus green(long personId) {
		return new PersonStatus(personId, StatusColour.GREEN, List.of(), null);
	}

}
