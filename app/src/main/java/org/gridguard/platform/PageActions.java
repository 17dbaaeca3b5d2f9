package org.gridguard.platform;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shape of a page's form action that redirects afterwards: run it; when it is refused, its field problems go to
 * the flash ({@code problems}) so that the next page shows them with the {@code fragments/paging :: problems}
 * fragment. The action puts its own success message in the flash.
 */
public final class PageActions {

	private PageActions() {
	}

	/** Runs {@code action}; an {@link InvalidInput} it throws becomes the flash attribute {@code problems}. */
	public static void attempt(RedirectAttributes flash, Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
		}
	}

}
