package org.gridguard.platform.database;

import java.nio.file.Path;

/**
 * Started as a separate JVM by {@link EmbeddedPostgresIntegrationTests}: starts the embedded server on the given
 * directory, prints its port and waits to be killed, leaving the server orphaned.
 */
public final class OrphanMaker {

	private OrphanMaker() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedDatabase pg = EmbeddedDatabaseConfiguration.start(Path.of(args[0]), true, 0);
		System.out.println("READY " + pg.port());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
