package org.gridguard.testing;

import java.time.Instant;

/**
 * A single (not pooled) sample tested positive: the person is a case. Tracing opens an investigation; control
 * escalates the person's contacts.
 */
public record PositiveResultRecorded(long personId, long resultId, Instant sampledAt, TestResult.Kind kind) {
}
