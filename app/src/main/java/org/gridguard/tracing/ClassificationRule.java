package org.gridguard.tracing;

import org.jspecify.annotations.Nullable;

/**
 * Classifies candidates in bulk: every candidate matching all given criteria (still proposed, unless
 * {@code reclassify}) gets {@code target}. E.g. "overlap ≥ 15 min at venue X → close contact", "household →
 * close contact", "the rest at the mall → general contact".
 */
public record ClassificationRule(@Nullable Long venueId, Candidate.@Nullable Source source,
		@Nullable Integer minOverlapMinutes, @Nullable Integer maxOverlapMinutes, Candidate.Classification target,
		boolean reclassify) {

	/** The rule in words, recorded on every candidate it classifies. */
	public String describe(@Nullable String venueName) {
		var text = new StringBuilder();
		if (source != null) {
			text.append("source ").append(source).append(' ');
		}
		if (venueId != null) {
			text.append("at ").append(venueName == null ? "venue " + venueId : venueName).append(' ');
		}
		if (minOverlapMinutes != null) {
			text.append("overlap ≥ ").append(minOverlapMinutes).append(" min ");
		}
		if (maxOverlapMinutes != null) {
			text.append("overlap < ").append(maxOverlapMinutes).append(" min ");
		}
		if (text.isEmpty()) {
			text.append("all ");
		}
		return text.append("→ ").append(target).toString();
	}

}
