package org.gridguard.control;

import org.jspecify.annotations.Nullable;

/**
 * Where a pushed person is placed: in a grid (a grid worker answers), in a queue at a village, town or the city
 * (officers must assign a grid), or outside the city (transfer out, 推送外地).
 *
 * @param regionCode the grid, or the queue's node; the city for transfers out
 * @param note why, in words (shown on the person and in the queue)
 */
public record Placement(Kind kind, String regionCode, @Nullable String note) {

	/** Placement kinds. */
	public enum Kind {

		GRID, QUEUE, OUTSIDE

	}

}
