package org.gridguard.platform;

/**
 * The thing asked for does not exist, or exists outside the caller's jurisdiction: both answer 404 so that
 * existence does not leak.
 */
public class NotFound extends RuntimeException {

	public NotFound(String what) {
		super(what);
	}

}
