package org.gridguard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL 15 (real server binaries, started embedded on a temporary directory): {@code COPY} into an empty table,
 * a btree on {@code (person)}, and on {@code (venue, t_in)} either plain or covering {@code INCLUDE (t_out, person)}.
 */
final class PostgresEngine implements Engine {

	private final Path directory;
	private final EmbeddedPostgres server;
	private final Connection connection;
	private final long rows;
	private PreparedStatement q1;
	private String name = "PostgreSQL 15";

	private PostgresEngine(Path directory, EmbeddedPostgres server, Connection connection, long rows) {
		this.directory = directory;
		this.server = server;
		this.connection = connection;
		this.rows = rows;
	}

	static PostgresEngine start(Workload w, TracingBenchmark.Result result) throws IOException, SQLException {
		Path directory = Files.createTempDirectory("gridguard-bench-pg");
		TracingBenchmark.log("PostgreSQL: starting an embedded server in %s", directory);
		EmbeddedPostgres server = EmbeddedPostgres.builder()
				.setOverrideWorkingDirectory(directory.resolve("binaries").toFile())
				.setDataDirectory(directory.resolve("data"))
				.setCleanDataDirectory(true)
				.setPGStartupWait(java.time.Duration.ofSeconds(60))
				.setServerConfig("shared_buffers", "4GB")
				.setServerConfig("effective_cache_size", "12GB")
				.setServerConfig("work_mem", "512MB")
				.setServerConfig("maintenance_work_mem", "2GB")
				.setServerConfig("max_wal_size", "16GB")
				.setServerConfig("checkpoint_timeout", "1h")
				.setServerConfig("max_parallel_workers_per_gather", "2")
				.setServerConfig("max_parallel_maintenance_workers", "2")
				.start();
		Connection connection = server.getPostgresDatabase().getConnection();
		PostgresEngine engine = new PostgresEngine(directory, server, connection, w.size);
		engine.load(w, result);
		return engine;
	}

	private void load(Workload w, TracingBenchmark.Result result) throws SQLException, IOException {
		try (Statement s = connection.createStatement()) {
			s.execute("CREATE TABLE checkin (venue int4 NOT NULL, person int4 NOT NULL, t_in int4 NOT NULL, t_out int4 NOT NULL)");
		}
		long t0 = System.nanoTime();
		CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY checkin FROM STDIN (FORMAT text)");
		byte[] buffer = new byte[1 << 20];
		int used = 0;
		for (int i = 0; i < w.size; i++) {
			if (used > buffer.length - 64) {
				copy.writeToCopy(buffer, 0, used);
				used = 0;
			}
			used = digits(buffer, used, w.venue[i], '\t');
			used = digits(buffer, used, w.person[i], '\t');
			used = digits(buffer, used, w.start[i], '\t');
			used = digits(buffer, used, w.resolvedEnd(i), '\n');
		}
		copy.writeToCopy(buffer, 0, used);
		copy.endCopy();
		double copySeconds = TracingBenchmark.seconds(t0);
		TracingBenchmark.log("PostgreSQL: COPY %,d rows in %.1f s (%.2f M rows/s)", w.size, copySeconds, w.size / copySeconds / 1e6);
		long t1 = System.nanoTime();
		execute("CREATE INDEX checkin_person ON checkin (person)");
		TracingBenchmark.log("PostgreSQL: btree (person) in %.1f s", TracingBenchmark.seconds(t1));
		result.loadSeconds = copySeconds;
		result.loadNote = "COPY %.2f M rows/s".formatted(w.size / copySeconds / 1e6);
	}

	/** Replaces the venue index by the plain or the covering variant, then vacuums so index-only scans apply. */
	void useVenueIndex(boolean covering, TracingBenchmark.Result result) throws SQLException {
		long t0 = System.nanoTime();
		execute("DROP INDEX IF EXISTS checkin_venue_t_in");
		execute(covering ? "CREATE INDEX checkin_venue_t_in ON checkin (venue, t_in) INCLUDE (t_out, person)"
				: "CREATE INDEX checkin_venue_t_in ON checkin (venue, t_in)");
		execute("VACUUM ANALYZE checkin");
		TracingBenchmark.log("PostgreSQL: %s venue index and VACUUM ANALYZE in %.1f s", covering ? "covering" : "plain",
				TracingBenchmark.seconds(t0));
		name = covering ? "PostgreSQL 15 + covering index" : "PostgreSQL 15 btree";
		if (q1 != null) {
			q1.close();
		}
		q1 = connection.prepareStatement(SqlQueries.Q1);
	}

	private void execute(String sql) throws SQLException {
		try (Statement s = connection.createStatement()) {
			s.execute(sql);
		}
	}

	static int digits(byte[] buffer, int at, int value, char end) {
		if (value == 0) {
			buffer[at++] = '0';
		}
		else {
			int from = at;
			for (int v = value; v > 0; v /= 10) {
				buffer[at++] = (byte) ('0' + v % 10);
			}
			for (int a = from, b = at - 1; a < b; a++, b--) {
				byte t = buffer[a];
				buffer[a] = buffer[b];
				buffer[b] = t;
			}
		}
		buffer[at++] = (byte) end;
		return at;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public void q1(int person, int tolerance, ContactRows out) throws SQLException {
		SqlQueries.q1(q1, person, tolerance, out);
	}

	@Override
	public void q2(int[] persons, ContactRows out) throws SQLException {
		connection.setAutoCommit(false);
		try {
			SqlQueries.q2(connection, persons, out);
		}
		finally {
			connection.commit();
			connection.setAutoCommit(true);
		}
	}

	@Override
	public double bytesPerCheckIn() throws SQLException {
		try (Statement s = connection.createStatement();
				ResultSet rs = s.executeQuery("SELECT pg_total_relation_size('checkin')")) {
			rs.next();
			return (double) rs.getLong(1) / rows;
		}
	}

	@Override
	public void close() throws Exception {
		connection.close();
		server.close();
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}
}
