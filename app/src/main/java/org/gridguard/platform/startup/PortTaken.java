package org.gridguard.platform.startup;

import org.jspecify.annotations.Nullable;

/** The HTTP port GridGuard is to serve on is in use already; nothing was started. */
public class PortTaken extends RuntimeException {

	private final int port;

	PortTaken(int port, @Nullable String address, Throwable cause) {
		super("Port " + port + (address == null || address.isBlank() ? "" : " on " + address) + " is already in use",
				cause);
		this.port = port;
	}

	public int port() {
		return port;
	}

}
