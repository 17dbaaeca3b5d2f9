package org.gridguard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** DuckDB in a file on a temporary directory: a table sorted by {@code (venue, t_in)} plus an ART index on person. */
final class DuckDbEngine implements Engine {

	private final Path directory;
	private final Connection connection;
	private final PreparedStatement q1;
	private final long rows;

	private DuckDbEngine(Path directory, Connection connection, long rows) throws SQLException {
		this.directory = directory;
		this.connection = connection;
		this.rows = rows;
		this.q1 = connection.prepareStatement(SqlQueries.Q1);
	}

	static DuckDbEngine start(Workload w, TracingBenchmark.Result result) throws Exception {
		Path directory = Files.createTempDirectory("gridguard-bench-duckdb");
		Class.forName("org.duckdb.DuckDBDriver");
		Connection connection = DriverManager.getConnection("jdbc:duckdb:" + directory.resolve("bench.duckdb"));
		try (Statement s = connection.createStatement()) {
			s.execute("SET memory_limit = '8GB'");
			s.execute("SET threads = 2");
			s.execute("SET preserve_insertion_order = false");
			s.execute("CREATE TABLE staging (venue INTEGER, person INTEGER, t_in INTEGER, t_out INTEGER)");
		}
		long t0 = System.nanoTime();
		try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA,
				"staging")) {
			for (int i = 0; i < w.size; i++) {
				appender.beginRow();
				appender.append(w.venue[i]);
				appender.append(w.person[i]);
				appender.append(w.start[i]);
				appender.append(w.resolvedEnd(i));
				appender.endRow();
			}
		}
		double appendSeconds = TracingBenchmark.seconds(t0);
		try (Statement s = connection.createStatement()) {
			s.execute("CREATE TABLE checkin AS SELECT * FROM staging ORDER BY venue, t_in");
			s.execute("DROP TABLE staging");
			s.execute("CREATE INDEX checkin_person ON checkin (person)");
			s.execute("CHECKPOINT");
		}
		double loadSeconds = TracingBenchmark.seconds(t0);
		TracingBenchmark.log("DuckDB: appended %,d rows in %.1f s (%.2f M rows/s); sorted and indexed, %.1f s in all", w.size,
				appendSeconds, w.size / appendSeconds / 1e6, loadSeconds);
		result.loadSeconds = loadSeconds;
		result.loadNote = "appender %.2f M rows/s; %.0f s with sort + ART".formatted(w.size / appendSeconds / 1e6, loadSeconds);
		return new DuckDbEngine(directory, connection, w.size);
	}

	@Override
	public String name() {
		return "DuckDB";
	}

	@Override
	public void q1(int person, int tolerance, ContactRows out) throws SQLException {
		SqlQueries.q1(q1, person, tolerance, out);
	}

	@Override
	public void q2(int[] persons, ContactRows out) throws SQLException {
		SqlQueries.q2(connection, persons, out);
	}

	@Override
	public double bytesPerCheckIn() throws Exception {
		return (double) Files.size(directory.resolve("bench.duckdb")) / rows;
	}

	@Override
	public void close() throws Exception {
		q1.close();
		connection.close();
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}
}
