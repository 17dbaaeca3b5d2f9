package org.gridguard.region;

import java.util.List;

/**
 * A module's part of the home page (the page after sign-in): the work waiting for the signed-in person, as counts that
 * link to the module's own lists. A module contributes one bean; the home page asks every panel and shows what they
 * answer, in {@link #order()}. The page lives here, low in the stack, so that any module can contribute without an
 * arrow running up.
 */
public interface HomePanel {

	/** Position on the page, lower first. */
	int order();

	/** The work of {@code who} this module knows of; none when the module has nothing for the role. */
	List<HomeItem> items(Jurisdiction who);

}
