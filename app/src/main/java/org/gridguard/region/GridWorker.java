package org.gridguard.region;

import org.jspecify.annotations.Nullable;

/**
 * A person working a grid: 网格长 (LEADER), 专职网格员 (FULL_TIME), 兼职网格员/微网格长 (PART_TIME) or a cadre sent
 * down during a surge (CADRE). {@code username} links the worker to a sign-in account when they have one.
 */
public record GridWorker(long id, String gridCode, String name, @Nullable String phone, Duty duty,
		@Nullable String username) {

	/** What the worker does in the grid. */
	public enum Duty {

		LEADER, FULL_TIME, PART_TIME, CADRE

	}

}
