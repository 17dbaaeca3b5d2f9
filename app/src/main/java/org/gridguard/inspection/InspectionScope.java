package org.gridguard.inspection;

import java.util.List;

import org.gridguard.region.Jurisdiction;

/**
 * The rows of {@code inspection} and {@code inspection_order} a reader sees, as a SQL condition over a table alias,
 * following {@link Jurisdiction#seesInspectionsOf}: a venue manager their venue's, a department its sector's inside
 * its region, the region roles theirs; nothing for the others.
 */
final class InspectionScope {

	private InspectionScope() {
	}

	/** A WHERE condition over alias {@code a}; appends its parameters. */
	static String condition(Jurisdiction who, String a, List<Object> params) {
		if (!who.seesInspections()) {
			return "false";
		}
		if (who.venueId() != null && !who.isSectorBound() && !who.role().seesResidents()) {
			params.add(who.venueId());
			return a + ".venue_id = ?";
		}
		params.add(who.regionCode() + "%");
		if (who.isSectorBound()) {
			params.add(who.sector() == null ? "-" : who.sector());
			return a + ".region_code LIKE ? AND " + a + ".sector = ?";
		}
		return a + ".region_code LIKE ?";
	}

}
