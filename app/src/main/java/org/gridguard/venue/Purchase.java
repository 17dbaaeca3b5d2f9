package org.gridguard.venue;

import java.time.Instant;

/**
 * A real-name purchase at a sentinel pharmacy, as the pharmacy's list shows it (buyer masked).
 *
 * @param medicines comma-separated codes, message keys {@code venue.medicine.<CODE>}
 */
public record Purchase(long id, Instant at, long personId, String name, String idMasked, String medicines,
		int quantity, boolean fever, boolean proxy) {
}
