package org.gridguard.tracing;

import java.time.LocalDate;
import java.util.List;

/**
 * An epidemiologist confirmed contacts of a case: each is to be brought under control in their grid, with the case
 * (or, for a secondary contact, the close contact through whom) as the linked person.
 */
public record ContactsConfirmed(long investigationId, long casePersonId, List<Contact> contacts) {

	/**
	 * @param category {@code CLOSE_CONTACT}, {@code SECONDARY_CONTACT} or {@code GENERAL_CONTACT}
	 * @param lastExposure day 1 for protocols counted from the last exposure
	 */
	public record Contact(long personId, String category, long linkedPersonId, LocalDate lastExposure) {
	}

}
