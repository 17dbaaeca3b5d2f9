package org.gridguard.notice;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A public notice (通告) of the city command, from draft to publication and withdrawal. Its number, issuer and effective
 * time are fixed when it is published; its risk areas are the venue module's areas as they were listed when the notice
 * was drafted or last edited.
 *
 * @param effectiveFrom when its measures take effect; {@code null} while unpublished means "from publication"
 * @param effectiveUntil when it lapses by itself, {@code null} for "until withdrawn"
 * @param venueId the venue a notice drafted from an investigation's venue notice is about
 * @param venueNoticeId that venue notice (tracing)
 * @param supersedesId the notice in force that this one withdraws when it is published
 * @param number as printed, e.g. {@code 〔2026〕6号}, once published
 * @param returnReason why the approver sent it back to its drafter, the last time
 * @param supersededBy the notice whose publication withdrew this one
 */
public record Notice(long id, State state, String title, String body, @Nullable Instant effectiveFrom,
		@Nullable Instant effectiveUntil, @Nullable Long venueId, @Nullable Long venueNoticeId,
		@Nullable Long supersedesId, List<ListedArea> riskAreas, Instant draftedAt, String draftedBy, Instant updatedAt,
		String updatedBy, @Nullable Instant submittedAt, @Nullable String submittedBy, @Nullable String returnReason,
		@Nullable Instant approvedAt, @Nullable String approvedBy, @Nullable Integer year, @Nullable Integer seq,
		@Nullable String number, @Nullable String issuer, @Nullable Instant publishedAt, @Nullable String publishedBy,
		@Nullable Instant withdrawnAt, @Nullable String withdrawnBy, @Nullable String withdrawReason,
		@Nullable Long supersededBy) {

	/** Where a notice stands. Message keys: {@code notice.state.<STATE>}. */
	public enum State {

		/** Being written; only its drafter (or the city command) changes it. */
		DRAFT,
		/** Handed to the city command for approval. */
		SUBMITTED,
		/** Approved; waits to be published. */
		APPROVED,
		/** Public, with its number. */
		PUBLISHED,
		/** Taken back by the city command, or superseded by a later notice; still public as no longer in force. */
		WITHDRAWN,
		/** A draft thrown away. */
		DISCARDED

	}

	/** One risk area a notice lists, as it was listed. Levels: HIGH, MID, LOW. */
	public record ListedArea(long areaId, String name, String level) {
	}

	/** Whether the public sees it: published, or published once and withdrawn since. */
	public boolean isPublic() {
		return state == State.PUBLISHED || state == State.WITHDRAWN;
	}

	/** Published, not withdrawn, and not lapsed at {@code now} (a notice taking effect later is already in force). */
	public boolean inForce(Instant now) {
		return state == State.PUBLISHED && (effectiveUntil == null || effectiveUntil.isAfter(now));
	}

	/** Published and lapsed by its own end time. */
	public boolean lapsed(Instant now) {
		return state == State.PUBLISHED && effectiveUntil != null && !effectiveUntil.isAfter(now);
	}

	/** The path of its public page, once it has a number: {@code /public/notices/2026/6}. */
	public @Nullable String publicPath() {
		return year == null || seq == null ? null : "/public/notices/" + year + "/" + seq;
	}

	/** The body's paragraphs, blank lines dropped. */
	public List<String> paragraphs() {
		return body.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

	/** The listed areas of one level, in their order. */
	public List<ListedArea> areas(String level) {
		return riskAreas.stream().filter(a -> a.level().equals(level)).toList();
	}

	Notice withRiskAreas(List<ListedArea> areas) {
		return new Notice(id, state, title, body, effectiveFrom, effectiveUntil, venueId, venueNoticeId, supersedesId,
				List.copyOf(areas), draftedAt, draftedBy, updatedAt, updatedBy, submittedAt, submittedBy, returnReason,
				approvedAt, approvedBy, year, seq, number, issuer, publishedAt, publishedBy, withdrawnAt, withdrawnBy,
				withdrawReason, supersededBy);
	}

}
