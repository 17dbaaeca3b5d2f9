package org.gridguard.response;

/**
 * The kinds of value a profile setting holds, with how it is written in the profile editor and read by a module.
 */
public enum SettingType {

	/** A length of time in whole minutes, written as a number of the setting's unit (minutes, hours or days). */
	DURATION,
	/** A whole number. */
	INTEGER,
	/** A decimal number with at most the setting's number of decimals. */
	DECIMAL,
	/** A time of day, {@code HH:mm}. */
	TIME,
	/** Yes or no. */
	BOOLEAN,
	/** One of the setting's choices. */
	CHOICE

}
