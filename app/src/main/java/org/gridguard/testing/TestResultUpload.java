package org.gridguard.testing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A file of test results and how its import went (the import history).
 *
 * @param total data rows in the file (blank rows not counted)
 * @param processed rows handled so far (progress while RUNNING)
 * @param rejected refused rows (a row refused for several fields counts once)
 * @param failure why the file as a whole could not be imported (FAILED)
 * @param fileKept whether the uploaded file is still kept (for the correction file); it is deleted after the
 * retention period
 * @param fileUntil when the file will be deleted, or when it was
 */
public record TestResultUpload(long id, String filename, State state, int total, int processed, int accepted,
		int rejected, @Nullable String failure, @Nullable String encodingNote, String uploadedBy, Instant uploadedAt,
		@Nullable Instant finishedAt, boolean fileKept, Instant fileUntil) {

	/** Import states. */
	public enum State {

		RUNNING, DONE, FAILED

	}

	/** Whether the refused rows can be downloaded as a correction file: the import is over and the file still kept. */
	public boolean correctable() {
		return state == State.DONE && rejected > 0 && fileKept;
	}

	/** Per cent of the rows handled, for the progress bar. */
	public int percent() {
		if (total == 0) {
			return state == State.RUNNING ? 0 : 100;
		}
		return (int) Math.min(100, processed * 100L / total);
	}

}
