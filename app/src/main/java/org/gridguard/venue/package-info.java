/**
 * Key and special places (重点场所、特殊场所): registration with their four parties, venue codes and QR posters,
 * check-in at the door (scan, companions, desk, batch API) with entry verification, closed management, staff
 * rosters, sentinel pharmacies, and the retention of check-ins. Check-ins reach other modules through
 * {@link org.gridguard.venue.CheckInFeed}; flagged scans and pharmacy purchases are published as events.
 */
@ApplicationModule(displayName = "Venue",
		allowedDependencies = { "shared", "platform", "region", "person", "status", "responsibility", "account",
				"response" })
@NullMarked
package org.gridguard.venue;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
