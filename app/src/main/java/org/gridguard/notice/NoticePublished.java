package org.gridguard.notice;

import java.time.Instant;

/**
 * A notice was published with its number (for the cockpit's information release and anyone else who follows notices).
 */
public record NoticePublished(long noticeId, String number, String title, Instant publishedAt) {
}
