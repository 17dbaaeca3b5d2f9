package org.gridguard.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the embedded server: every connection proves a password (scram-sha-256, in {@code pg_hba.conf}),
 * and the application works as the role {@code gridguard}, which is no superuser and owns the database
 * {@code gridguard} and everything in it. A data directory from before (every local connection trusted, the
 * application's tables in the database {@code postgres}, owned by the superuser) is brought to that state at its first
 * start, keeping its data: the superuser gets its password, the database is renamed and handed over, and the
 * trusting lines of {@code pg_hba.conf} are made to ask for the password.
 */
final class EmbeddedDatabaseAccess {

	private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseAccess.class);

	static final String APP_ROLE = "gridguard";

	static final String APP_DATABASE = "gridguard";

	private static final String SUPERUSER = "postgres";

	/** The method field of an active {@code pg_hba.conf} line that lets anyone in. */
	private static final Pattern TRUST = Pattern.compile("(?m)^(\\s*[^#\\s][^#\\n]*?\\s)trust(\\s|$)");

	private EmbeddedDatabaseAccess() {
	}

	/** Whether the server in {@code dataDir} lets some connections in without a password. */
	static boolean trustsConnections(Path dataDir) throws IOException {
		Path hba = dataDir.resolve("pg_hba.conf");
		return Files.exists(hba) && TRUST.matcher(Files.readString(hba, StandardCharsets.UTF_8)).find();
	}

	/**
	 * Brings a started server to the state above. {@code trusting}: it was started letting connections in without a
	 * password (a data directory from before), so the superuser's password is set and {@code pg_hba.conf} closed here.
	 */
	static void secure(EmbeddedPostgres server, Path dataDir, EmbeddedCredentials credentials, boolean trusting)
			throws IOException {
		try {
			try (Connection c = server.getDatabase(SUPERUSER, "template1").getConnection();
					Statement s = c.createStatement()) {
				PGConnection pg = c.unwrap(PGConnection.class);
				if (trusting) {
					pg.alterUserPassword(SUPERUSER, credentials.superuser().toCharArray(), "scram-sha-256");
				}
				if (!exists(s, "SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "'")) {
					s.execute("CREATE ROLE " + APP_ROLE + " LOGIN");
				}
				s.execute("ALTER ROLE " + APP_ROLE
						+ " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
				pg.alterUserPassword(APP_ROLE, credentials.app().toCharArray(), "scram-sha-256");
				if (!exists(s, "SELECT 1 FROM pg_database WHERE datname = '" + APP_DATABASE + "'")) {
					if (holdsApplicationData(server)) {
						// the application used the superuser's database so far: it becomes the application's
						LOG.warn("Moving the data of database '{}' to database '{}', owned by role '{}'", SUPERUSER,
								APP_DATABASE, APP_ROLE);
						renameWhenFree(s, SUPERUSER, APP_DATABASE);
						s.execute("CREATE DATABASE " + SUPERUSER + " TEMPLATE template0");
					}
					else {
						s.execute("CREATE DATABASE " + APP_DATABASE + " OWNER " + APP_ROLE);
					}
				}
				s.execute("ALTER DATABASE " + APP_DATABASE + " OWNER TO " + APP_ROLE);
			}
			handOver(server);
			if (trusting) {
				closeHba(dataDir);
				try (Connection c = server.getDatabase(SUPERUSER, "template1").getConnection();
						Statement s = c.createStatement()) {
					s.execute("SELECT pg_reload_conf()");
				}
				LOG.warn("Embedded PostgreSQL in {} now asks every connection for a password; the passwords are in {}",
						dataDir, credentials.superuserFile().getParent());
			}
		}
		catch (SQLException ex) {
			throw new IOException("Could not secure the embedded PostgreSQL in " + dataDir + ": " + ex.getMessage(), ex);
		}
	}

	/** Renames a database, waiting a moment for sessions that just ended to leave it. */
	private static void renameWhenFree(Statement s, String from, String to) throws SQLException {
		for (int attempt = 1;; attempt++) {
			try {
				s.execute("ALTER DATABASE " + from + " RENAME TO " + to);
				return;
			}
			catch (SQLException ex) {
				// 55006 object_in_use: a session that closed a moment ago has not left yet
				if (!"55006".equals(ex.getSQLState()) || attempt == 50) {
					throw ex;
				}
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	/** Makes every trusting line of {@code pg_hba.conf} ask for a password instead. */
	static void closeHba(Path dataDir) throws IOException {
		Path hba = dataDir.resolve("pg_hba.conf");
		String text = Files.readString(hba, StandardCharsets.UTF_8);
		String closed = TRUST.matcher(text).replaceAll("$1scram-sha-256$2");
		if (!closed.equals(text)) {
			Files.writeString(hba, closed, StandardCharsets.UTF_8);
		}
	}

	private static boolean holdsApplicationData(EmbeddedPostgres server) throws SQLException {
		try (Connection c = server.getDatabase(SUPERUSER, SUPERUSER).getConnection();
				Statement s = c.createStatement()) {
			return exists(s, "SELECT 1 FROM pg_class WHERE relname = 'flyway_schema_history'");
		}
	}

	/** Gives the application role every schema, table, view and sequence of its database that it does not own yet. */
	private static void handOver(EmbeddedPostgres server) throws SQLException {
		try (Connection c = server.getDatabase(SUPERUSER, APP_DATABASE).getConnection();
				Statement s = c.createStatement()) {
			String userSchemas = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'";
			for (String schema : list(s, "SELECT quote_ident(n.nspname) FROM pg_namespace n WHERE " + userSchemas
					+ " AND pg_get_userbyid(n.nspowner) NOT IN ('" + APP_ROLE + "', 'pg_database_owner')")) {
				s.execute("ALTER SCHEMA " + schema + " OWNER TO " + APP_ROLE);
			}
			// tables first: their identity and serial sequences follow them
			for (String kinds : List.of("'r', 'p', 'v', 'm', 'f'", "'S'")) {
				var owned = new ArrayList<String[]>();
				try (ResultSet rs = s.executeQuery("SELECT c.relkind, c.oid::regclass::text FROM pg_class c "
						+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + userSchemas + " AND c.relkind IN ("
						+ kinds + ") AND pg_get_userbyid(c.relowner) <> '" + APP_ROLE + "' ORDER BY c.oid")) {
					while (rs.next()) {
						owned.add(new String[] { rs.getString(1), rs.getString(2) });
					}
				}
				for (String[] relation : owned) {
					s.execute("ALTER " + kindWord(relation[0]) + " " + relation[1] + " OWNER TO " + APP_ROLE);
				}
			}
		}
	}

	private static String kindWord(String relkind) {
		switch (relkind) {
			case "v":
				return "VIEW";
			case "m":
				return "MATERIALIZED VIEW";
			case "f":
				return "FOREIGN TABLE";
			case "S":
				return "SEQUENCE";
			default:
				return "TABLE";
		}
	}

	private static boolean exists(Statement s, String query) throws SQLException {
		try (ResultSet rs = s.executeQuery(query)) {
			return rs.next();
		}
	}

	private static List<String> list(Statement s, String query) throws SQLException {
		var values = new ArrayList<String>();
		try (ResultSet rs = s.executeQuery(query)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

}
