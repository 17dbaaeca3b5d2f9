package org.gridguard.platform.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The default database: a real PostgreSQL server started from the jar, durable, and able to start again after the
 * JVM that started it was killed.
 */
class EmbeddedPostgresIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void durableServerFlushesCommitsToDisk() throws Exception {
		try (EmbeddedDatabase pg = EmbeddedDatabaseConfiguration.start(dir.resolve("pg"), true, 0)) {
			assertThat(setting(pg, "fsync")).isEqualTo("on");
			assertThat(setting(pg, "synchronous_commit")).isEqualTo("on");
			assertThat(setting(pg, "full_page_writes")).isEqualTo("on");
		}
	}

	@Test
	void startsAgainOverAPostmasterOrphanedByAKilledJvmAndKeepsTheData() throws Exception {
		Path data = dir.resolve("pg");
		Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), OrphanMaker.class.getName(), data.toString())
			.redirectErrorStream(true)
			.start();
		int port;
		try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(jvm.getInputStream()))) {
			String line;
			do {
				line = out.readLine();
			}
			while (line != null && !line.startsWith("READY "));
			assertThat(line).as("orphan JVM started the server").isNotNull();
			port = Integer.parseInt(line.substring(6).trim());
			String url = "jdbc:postgresql://localhost:" + port + "/gridguard";
			try (Connection c = DriverManager.getConnection(url, "gridguard", appPassword());
					Statement s = c.createStatement()) {
				s.execute("CREATE TABLE kept (v int)");
				s.execute("INSERT INTO kept VALUES (42)");
			}
			jvm.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
		}
		long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
		assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("postmaster outlives its JVM").contains(true);
		try (EmbeddedDatabase again = EmbeddedDatabaseConfiguration.start(data, true, 0)) {
			assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			try (Connection c = app(again); Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getInt(1)).isEqualTo(42);
			}
		}
	}

	@Test
	void aServerThatCannotStartSaysWhyFromItsOwnLog() throws Exception {
		Path data = dir.resolve("pg");
		EmbeddedDatabaseConfiguration.start(data, false, 0).close();
		Files.writeString(data.resolve("PG_VERSION"), "9.6\n"); // as if the data came from another major version
		assertThatThrownBy(() -> EmbeddedDatabaseConfiguration.start(data, false, 0, java.time.Duration.ofSeconds(3)))
			.isInstanceOf(java.io.IOException.class)
			.hasMessageContaining("Embedded PostgreSQL did not start")
			.hasMessageContaining(dir.resolve("pg.log").toString())
			.hasMessageContaining("incompatible");
		assertThat(Files.readString(dir.resolve("pg.log"))).contains("database system is shut down");
	}

	private Connection app(EmbeddedDatabase db) throws Exception {
		return DriverManager.getConnection(db.jdbcUrl(), "gridguard", appPassword());
	}

	private String appPassword() throws Exception {
		return Files.readString(dir.resolve("keys").resolve("db-gridguard.password")).strip();
	}

	private static String setting(EmbeddedDatabase pg, String name) throws Exception {
		try (Connection c = pg.server().getPostgresDatabase().getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SHOW " + name)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
