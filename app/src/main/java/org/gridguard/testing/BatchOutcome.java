package org.gridguard.testing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What happened to each item of a batch: the number accepted, each rejected item with the field and reason, and for
 * each accepted item the person's colour after recording.
 */
public record BatchOutcome(int accepted, List<Rejection> rejected, List<ItemResult> results) {

	/** A refused item. */
	public record Rejection(int index, @Nullable String field, String message) {
	}

	/** An accepted item: the person's colour now, and whether a venue would admit them. */
	public record ItemResult(int index, String status, boolean admit) {
	}

}
