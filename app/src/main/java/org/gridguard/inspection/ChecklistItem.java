package org.gridguard.inspection;

/**
 * One item of a checklist.
 *
 * @param code stable identifier within the checklist, what the API calls {@code item} (e.g. {@code SCAN_CODE})
 * @param label a message key after {@code #} for the standard items ({@code #inspection.item.SCAN_CODE}), else the
 * admin's own text
 */
public record ChecklistItem(long id, String target, String code, String label, Severity severity, int position,
		boolean active) {

	/** Whether the label is a message key (shown in the reader's language). */
	public boolean standard() {
		return label.startsWith("#");
	}

	/** The message key of a standard label. */
	public String labelKey() {
		return label.substring(1);
	}

}
