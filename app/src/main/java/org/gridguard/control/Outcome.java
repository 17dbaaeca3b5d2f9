package org.gridguard.control;

/**
 * What the grid worker found on site.
 */
public enum Outcome {

	/** Found; the measure was applied. */
	CONTROLLED,
	/** Not found at the address. */
	NOT_FOUND,
	/** Lives outside the city. */
	OUT_OF_AREA

}
