package org.gridguard.inspection;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A stored inspection (or re-inspection of one order's item, {@code reinspects}) with its marks.
 */
public record InspectionRecord(long id, long venueId, String venueName, @Nullable String venueCode, String category,
		String sector, String regionCode, String inspector, Instant inspectedAt, int passed, int failed,
		@Nullable Long reinspects, List<Mark> marks) {

	/** One marked item; {@code label} as in {@link ChecklistItem#label()}. */
	public record Mark(String itemCode, String label, Severity severity, boolean passed, @Nullable String note) {

		public boolean standardLabel() {
			return label.startsWith("#");
		}

		public String labelKey() {
			return label.substring(1);
		}

	}

}
