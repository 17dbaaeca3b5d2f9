package org.gridguard.control;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An imported push list (协查/推送名单) and how its import went.
 *
 * @param total data rows in the file (blank rows not counted)
 * @param processed rows handled so far (progress while RUNNING)
 * @param accepted valid rows: each matched to a person who is now (or already was) under control
 * @param created new risk persons; {@code existing} were already under control
 * @param queued placed in a village/town/city queue for want of a grid; {@code transferred} live outside the city
 */
public record PushList(long id, String filename, Category category, @Nullable String source, State state, int total,
		int processed, int accepted, int rejected, int created, int existing, int queued, int transferred,
		@Nullable String failure, @Nullable String encodingNote, String uploadedBy, Instant uploadedAt,
		@Nullable Instant finishedAt) {

	/** Import states. */
	public enum State {

		RUNNING, DONE, FAILED

	}

	/** A refused row: its number in the file (header = 1), the field, and why. */
	public record Rejection(int row, String field, String message) {
	}

	/** A list with its rejections. */
	public record WithRejections(PushList list, List<Rejection> rejections) {
	}

}
