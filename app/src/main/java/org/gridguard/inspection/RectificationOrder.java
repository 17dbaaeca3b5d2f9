package org.gridguard.inspection;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A rectification order (整改单): one failed checklist item of an inspection, addressed to the place's responsible
 * person with a deadline by severity. It is {@code OPEN} until a re-inspection passes ({@code CLOSED}); evidence
 * marks it as awaiting re-inspection, a failed re-inspection reopens it with a new deadline.
 *
 * @param label the item's label: a message key after {@code #}, or the admin's text
 * @param escalation 0 none, 1 told the department and the town, 2 told the city command as well
 */
public record RectificationOrder(long id, long inspectionId, long venueId, String venueName, @Nullable String venueCode,
		String sector, String regionCode, String itemCode, String label, Severity severity, @Nullable String note,
		String responsiblePerson, @Nullable String responsiblePhone, boolean closed, Instant openedAt, Instant dueAt,
		@Nullable String evidenceNote, @Nullable Instant evidenceAt, @Nullable String evidenceBy, int reopened,
		@Nullable Instant closedAt, @Nullable String closedBy, int escalation) {

	/** The states the API and the lists show. */
	public enum State {

		OPEN, OVERDUE, CLOSED

	}

	/** Evidence is in and a re-inspection is due. */
	public boolean awaitingReinspection() {
		return !closed && evidenceAt != null;
	}

	/** Open, without evidence, past its deadline. */
	public boolean overdue(Instant now) {
		return !closed && evidenceAt == null && now.isAfter(dueAt);
	}

	public State state(Instant now) {
		return closed ? State.CLOSED : overdue(now) ? State.OVERDUE : State.OPEN;
	}

	public boolean standardLabel() {
		return label.startsWith("#");
	}

	public String labelKey() {
		return label.substring(1);
	}

}
