package org.gridguard.platform.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * What the operator reads when the port is taken: which port, that nothing was started, and which setting to change.
 */
class PortTakenAnalyzer extends AbstractFailureAnalyzer<PortTaken> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PortTaken cause) {
		int port = cause.port();
		return new FailureAnalysis("""
				Port %d is already in use: another GridGuard may be running, or another program listens there. \
				Nothing was started: the database was not opened.""".formatted(port),
				"""
						Stop the program that listens on port %d, or start GridGuard on another port: set the environment \
						variable PORT (for example PORT=8081) or pass --server.port=8081.""".formatted(port),
				cause);
	}

}
