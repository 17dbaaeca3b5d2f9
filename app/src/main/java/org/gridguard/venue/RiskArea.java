package org.gridguard.venue;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An area a visitor may declare a recent stay in (中高风险地区). Message keys of levels: {@code venue.risk.<LEVEL>}.
 *
 * @param level HIGH, MID or LOW
 * @param endedAt when the area was taken off the list, {@code null} while listed
 */
public record RiskArea(long id, String name, String level, LocalDate since, @Nullable Instant endedAt) {

	/** A declared stay in a high- or medium-risk area stars the visitor's screen (行程卡 "*"). */
	public boolean stars() {
		return "HIGH".equals(level) || "MID".equals(level);
	}

}
