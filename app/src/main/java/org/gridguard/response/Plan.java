package org.gridguard.response;

import java.time.Instant;

/**
 * An emergency plan (应急预案): its scenario, title and owning party, and how many versions it has.
 *
 * @param latestVersion the number of the newest version (versions count from 1)
 */
public record Plan(long id, Scenario scenario, String title, Owner owner, int latestVersion, Instant createdAt,
		String createdBy, Instant updatedAt) {
}
