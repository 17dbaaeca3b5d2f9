package org.gridguard.status;

import java.time.Instant;

/**
 * The colour a kind of fact gives, editable by the city admin.
 */
public record StatusRule(FactKind kind, StatusColour colour, boolean enabled, Instant updatedAt, String updatedBy) {
}
