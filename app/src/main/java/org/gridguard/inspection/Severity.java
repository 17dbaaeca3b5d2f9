package org.gridguard.inspection;

/**
 * How serious a failed checklist item is; decides the deadline of its rectification order
 * ({@link InspectionProfile#deadline}). Message keys: {@code inspection.severity.<NAME>}.
 */
public enum Severity {

	/** 一般: put right within days. */
	MINOR,
	/** 较重: put right within a day. */
	MAJOR,
	/** 严重: put right on the spot, within hours. */
	CRITICAL;

	public String messageKey() {
		return "inspection.severity." + name();
	}

}
