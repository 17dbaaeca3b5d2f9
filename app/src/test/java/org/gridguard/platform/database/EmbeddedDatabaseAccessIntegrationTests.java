package org.gridguard.platform.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server is closed: every connection needs a password, kept in the data directory for its owner only,
 * and the application works as a role that is no superuser and owns its database. A data directory from before, open
 * to every local connection and used as the superuser, is closed at its next start and keeps its data.
 */
class EmbeddedDatabaseAccessIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void aConnectionWithoutThePasswordIsRefused() throws Exception {
		try (EmbeddedDatabase db = EmbeddedDatabaseConfiguration.start(dir.resolve("pg"), false, 0)) {
			String base = "jdbc:postgresql://localhost:" + db.port() + "/";
			assertRefused(() -> DriverManager.getConnection(base + "postgres?user=postgres"));
			assertRefused(() -> DriverManager.getConnection(base + "gridguard?user=gridguard"));
			assertRefused(() -> DriverManager.getConnection(base + "gridguard", "gridguard", "not-the-password"));
			assertRefused(() -> DriverManager.getConnection(base + "postgres", "postgres", db.appPassword()));
			try (Connection c = DriverManager.getConnection(base + "gridguard", "gridguard", password("db-gridguard"))) {
				assertThat(c.isValid(5)).isTrue();
			}
		}
	}

	@Test
	void theApplicationRoleIsNoSuperuserAndOwnsItsDatabase() throws Exception {
		try (EmbeddedDatabase db = EmbeddedDatabaseConfiguration.start(dir.resolve("pg"), false, 0);
				Connection c = app(db); Statement s = c.createStatement()) {
			assertThat(text(s, "SELECT current_user || ' ' || current_database()")).isEqualTo("gridguard gridguard");
			assertThat(text(s, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user")).isEqualTo("false");
			assertThat(text(s, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
				.isEqualTo("gridguard");
			s.execute("CREATE TABLE mine (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v int)");
			s.execute("INSERT INTO mine (v) VALUES (1)");
			assertThatThrownBy(() -> s.execute("CREATE ROLE intruder SUPERUSER")).isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> s.execute("COPY mine FROM '/etc/passwd'")).isInstanceOf(SQLException.class);
		}
	}

	@Test
	void thePasswordsAreGeneratedIntoTheDataDirectoryForItsOwnerOnly() throws Exception {
		EmbeddedDatabaseConfiguration.start(dir.resolve("pg"), false, 0).close();
		for (String file : new String[] { "db-postgres.password", "db-gridguard.password" }) {
			Path path = dir.resolve("keys").resolve(file);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
			assertThat(Files.readString(path).strip()).hasSizeGreaterThanOrEqualTo(32);
		}
		assertThat(password("db-postgres")).isNotEqualTo(password("db-gridguard"));
		try (EmbeddedDatabase again = EmbeddedDatabaseConfiguration.start(dir.resolve("pg"), false, 0);
				Connection c = app(again)) {
			assertThat(c.isValid(5)).as("the same passwords at the next start").isTrue();
		}
	}

	@Test
	void aDataDirectoryFromBeforeIsClosedAtStartAndKeepsItsData() throws Exception {
		Path data = dir.resolve("pg");
		// as the embedded server was started before: every local connection trusted, the application as superuser
		try (EmbeddedPostgres before = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
			.start(); Connection c = before.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version text)");
			s.execute("INSERT INTO flyway_schema_history VALUES (1, '202611290100')");
			s.execute("CREATE TABLE kept (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v int)");
			s.execute("INSERT INTO kept (v) VALUES (42)");
			s.execute("CREATE TABLE stay (at date NOT NULL, v int) PARTITION BY RANGE (at)");
			s.execute("CREATE TABLE stay_2021 PARTITION OF stay FOR VALUES FROM ('2021-01-01') TO ('2022-01-01')");
			s.execute("INSERT INTO stay VALUES ('2021-12-09', 7)");
		}
		assertThat(Files.readString(data.resolve("pg_hba.conf"))).contains("trust");

		try (EmbeddedDatabase db = EmbeddedDatabaseConfiguration.start(data, false, 0)) {
			String base = "jdbc:postgresql://localhost:" + db.port() + "/";
			assertRefused(() -> DriverManager.getConnection(base + "postgres?user=postgres"));
			assertRefused(() -> DriverManager.getConnection(base + "gridguard?user=postgres"));
			try (Connection c = app(db); Statement s = c.createStatement()) {
				assertThat(text(s, "SELECT v::text FROM kept")).isEqualTo("42");
				assertThat(text(s, "SELECT v::text FROM stay")).isEqualTo("7");
				assertThat(text(s, "SELECT max(version) FROM flyway_schema_history")).isEqualTo("202611290100");
				s.execute("INSERT INTO kept (v) VALUES (43)");
				s.execute("ALTER TABLE kept ADD COLUMN note text");
				s.execute("CREATE TABLE stay_2022 PARTITION OF stay FOR VALUES FROM ('2022-01-01') TO ('2023-01-01')");
				s.execute("DROP TABLE stay_2021");
				assertThat(text(s, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user")).isEqualTo("false");
			}
			try (Connection c = db.server().getPostgresDatabase().getConnection()) {
				assertThat(c.isValid(5)).as("the superuser's maintenance database is there again").isTrue();
			}
		}
		assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#\\n]*\\strust\\b");
		try (EmbeddedDatabase again = EmbeddedDatabaseConfiguration.start(data, false, 0);
				Connection c = app(again); Statement s = c.createStatement()) {
			assertThat(text(s, "SELECT count(*)::text FROM kept")).isEqualTo("2");
		}
	}

	@Test
	void aClosedServerWhosePasswordFileIsLostSaysHowToRecover() throws Exception {
		EmbeddedDatabaseConfiguration.start(dir.resolve("pg"), false, 0).close();
		Files.delete(dir.resolve("keys").resolve("db-postgres.password"));
		assertThatThrownBy(() -> EmbeddedDatabaseConfiguration.start(dir.resolve("pg"), false, 0))
			.hasMessageContaining("db-postgres.password is missing")
			.hasMessageContaining("pg_hba.conf");
	}

	private Connection app(EmbeddedDatabase db) throws Exception {
		return DriverManager.getConnection(db.jdbcUrl(), "gridguard", password("db-gridguard"));
	}

	private String password(String name) throws Exception {
		return Files.readString(dir.resolve("keys").resolve(name + ".password")).strip();
	}

	private static String text(Statement s, String query) throws SQLException {
		try (ResultSet rs = s.executeQuery(query)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private interface Connect {

		Connection open() throws SQLException;

	}

	private static void assertRefused(Connect connect) {
		assertThatThrownBy(() -> connect.open().close()).isInstanceOf(SQLException.class)
			.satisfies(ex -> assertThat(((SQLException) ex).getSQLState()).isIn("28P01", "08004", "28000"));
	}

}
