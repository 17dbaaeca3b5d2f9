package org.gridguard.venue;

import java.time.Instant;

/**
 * A person whose colour is red, or who is under central or home isolation, checked in at a venue. Published in the
 * transaction that stores the check-in; the control loop counts it as a sign of someone out of control.
 *
 * @param venueRegionCode where the venue lies (grid, village or town code)
 * @param at when the person checked in
 * @param colour their colour at that moment ({@code RED}, or another colour when isolation is the reason)
 */
public record FlaggedPersonScanned(long personId, long venueId, String venueName, String venueRegionCode, Instant at,
		String colour) {
}
