package org.gridguard.notice;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A published notice was withdrawn, by the city command or because {@code supersededBy} replaced it.
 */
public record NoticeWithdrawn(long noticeId, String number, Instant withdrawnAt, @Nullable Long supersededBy) {
}
