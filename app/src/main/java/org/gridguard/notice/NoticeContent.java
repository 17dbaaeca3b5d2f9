package org.gridguard.notice;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A notice's content after {@link NoticeChecks} accepted it: title and body stripped, times as instants, the chosen
 * risk areas as the venue module lists them now.
 */
record NoticeContent(String title, String body, @Nullable Instant effectiveFrom, @Nullable Instant effectiveUntil,
		List<Notice.ListedArea> areas, @Nullable Long supersedesId) {
}
