package org.gridguard.responsibility;

/**
 * What parties answer for: a controlled person, a venue, an event or a quarantine site, by its id in its module.
 */
public record Subject(Type type, long id) {

	/** Kinds of subject. */
	public enum Type {

		RISK_PERSON, VENUE, EVENT, SITE

	}

	public static Subject riskPerson(long id) {
		return new Subject(Type.RISK_PERSON, id);
	}

	public static Subject venue(long id) {
		return new Subject(Type.VENUE, id);
	}

	public static Subject event(long id) {
		return new Subject(Type.EVENT, id);
	}

	public static Subject site(long id) {
		return new Subject(Type.SITE, id);
	}

}
