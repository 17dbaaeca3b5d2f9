package org.gridguard.platform.database;

import java.io.Closeable;
import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A started embedded server and how the application signs in to it: as the role {@code gridguard}, to the database
 * {@code gridguard}, with the password from {@code <data-dir>/keys/db-gridguard.password}.
 *
 * @param server the server; its {@code getPostgresDatabase()} connects as the superuser, with that password
 * @param appPassword the password of the role {@code gridguard}
 */
record EmbeddedDatabase(EmbeddedPostgres server, String appPassword) implements Closeable {

	/** The application's JDBC URL, without the password. */
	String jdbcUrl() {
		return server.getJdbcUrl(EmbeddedDatabaseAccess.APP_ROLE, EmbeddedDatabaseAccess.APP_DATABASE);
	}

	int port() {
		return server.getPort();
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

}
