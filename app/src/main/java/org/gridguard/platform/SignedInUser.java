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

}
