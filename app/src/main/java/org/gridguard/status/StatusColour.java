package org.gridguard.status;

/**
 * 绿码通行、黄码限制、红码禁止: the colours in increasing severity.
 */
public enum StatusColour {

	GREEN, YELLOW, RED;

	public boolean moreSevereThan(StatusColour other) {
		return ordinal() > other.ordinal();
	}

	/** Whether a venue entrance admits the person: green yes, yellow and red no (yellow needs a check by staff). */
	public boolean admitted() {
		return this == GREEN;
	}

}
