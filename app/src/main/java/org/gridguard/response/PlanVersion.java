package org.gridguard.response;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One uploaded version of a plan's document (the bytes are read with {@link Plans#file}).
 *
 * @param sha256 hex digest of the document, to tell copies apart
 * @param note what changed in this version, as typed
 */
public record PlanVersion(long planId, int version, String filename, String mediaType, int sizeBytes, String sha256,
		@Nullable String note, Instant uploadedAt, String uploadedBy) {
}
