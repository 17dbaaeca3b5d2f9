package org.gridguard.responsibility;

import org.gridguard.shared.Sector;
import org.jspecify.annotations.Nullable;

/**
 * Selects subjects by a party: territory (a region code prefix), department, unit name, or individual name; empty
 * criteria match everything.
 */
public record PartyFilter(@Nullable String territory, @Nullable Sector sector, @Nullable String unit,
		@Nullable String individual, Subject.@Nullable Type type) {

	public static PartyFilter none() {
		return new PartyFilter(null, null, null, null, null);
	}

}
