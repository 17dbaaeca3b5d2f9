package org.gridguard.platform;

/**
 * What the page layout shows of the signed-in user; the security principal implements it.
 */
public interface SignedInUser {

	String getUsername();

	String displayName();

	/** Message key of the role's name. */
	String roleKey();

	/** Human-readable name of the part of the city the user is responsible for. */
	String scopeName();

	/** Code of the region node the user is bound to. */
	String regionCode();

	/**
	 * The notification audiences the user belongs to: the role name, {@code DEPARTMENT:<sector>} for departments and
	 * {@code SITE_STAFF:<site id>} for quarantine-site staff, {@code ORGANIZER:<unit id>} for organizers.
	 */
	java.util.List<String> audiences();

}
