package org.gridguard.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fills the check-in table of a GridGuard database with the {@code BENCH.md} workload, moved to the 14 days before
 * today, so that the next start of GridGuard shows how long rebuilding the contact index from PostgreSQL takes
 * (the log line {@code Contact index rebuilt: ... in N ms}).
 *
 * <pre>
 * java -cp "bench/target/gridguard-bench.jar:bench/target/lib/*" org.gridguard.bench.AppRebuildLoad \
 *     jdbc:postgresql://localhost:PORT/gridguard gridguard "$(cat DATA/keys/db-gridguard.password)" [--small]
 * </pre>
 * Start GridGuard once with {@code --gridguard.database.embedded.port=PORT} (demo off is fine) so its schema and
 * the day partitions exist, run this while it runs, then restart it. Check-ins are written as {@code API} check-ins of
 * green, admitted persons with the workload's person and venue numbers as ids; use a throw-away data directory.
 */
public final class AppRebuildLoad {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

	private AppRebuildLoad() {
	}

	public static void main(String[] args) throws Exception {
		String url = args[0];
		String user = args.length > 1 ? args[1] : "gridguard";
		// the embedded server asks for the password that GridGuard generated into <data-dir>/keys
		String password = args.length > 2 && !args[2].startsWith("--") ? args[2] : "";
		boolean small = java.util.Arrays.asList(args).contains("--small");
		Workload w = small ? Workload.generate(50_000, 2_000)
				: Workload.generate(Workload.FULL_PERSONS, Workload.FULL_VENUES);
		TracingBenchmark.log("workload: %,d check-ins", w.size);
		ZoneId city = ZoneId.of("Asia/Shanghai");
		long base = LocalDate.now(city).minusDays(Workload.DAYS).atStartOfDay(city).toEpochSecond();
		// the text of each UTC date the shifted workload touches, by day number since base's UTC date
		long baseUtcDay = Math.floorDiv(base, 86_400L);
		byte[][] dates = new byte[Workload.DAYS + 3][];
		for (int d = 0; d < dates.length; d++) {
			dates[d] = LocalDate.ofEpochDay(baseUtcDay + d).format(DAY).getBytes(StandardCharsets.US_ASCII);
		}
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			try (Statement s = connection.createStatement();
					ResultSet rs = s.executeQuery("SELECT count(*) FROM venue_check_in")) {
				rs.next();
				TracingBenchmark.log("check-ins in the table before: %,d", rs.getLong(1));
			}
			long t0 = System.nanoTime();
			CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("COPY venue_check_in (at, until, venue_id, person_id, left_at, colour, admitted, channel) "
						+ "FROM STDIN (FORMAT text)");
			byte[] buffer = new byte[1 << 20];
			int used = 0;
			byte[] tail = "GREEN\tt\tAPI\n".getBytes(StandardCharsets.US_ASCII);
			for (int i = 0; i < w.size; i++) {
				if (used > buffer.length - 200) {
					copy.writeToCopy(buffer, 0, used);
					used = 0;
				}
				long at = base + w.start[i];
				long until = base + w.resolvedEnd(i);
				used = timestamp(buffer, used, at, baseUtcDay, dates, '\t');
				used = timestamp(buffer, used, until, baseUtcDay, dates, '\t');
				used = PostgresEngine.digits(buffer, used, w.venue[i], '\t');
				used = PostgresEngine.digits(buffer, used, w.person[i], '\t');
				if (w.end[i] < 0) {
					buffer[used++] = '\\';
					buffer[used++] = 'N';
					buffer[used++] = '\t';
				}
				else {
					used = timestamp(buffer, used, until, baseUtcDay, dates, '\t');
				}
				System.arraycopy(tail, 0, buffer, used, tail.length);
				used += tail.length;
			}
			copy.writeToCopy(buffer, 0, used);
			copy.endCopy();
			TracingBenchmark.log("COPY of %,d check-ins (%s .. %s) in %.1f s", w.size, Instant.ofEpochSecond(base),
					Instant.ofEpochSecond(base + Workload.DAYS * 86_400L), TracingBenchmark.seconds(t0));
			long t1 = System.nanoTime();
			try (Statement s = connection.createStatement()) {
				s.execute("VACUUM ANALYZE venue_check_in");
			}
			TracingBenchmark.log("VACUUM ANALYZE in %.1f s; now restart GridGuard and read its rebuild time",
					TracingBenchmark.seconds(t1));
		}
	}

	/** {@code yyyy-MM-dd HH:mm:ss+00} of an epoch second. */
	private static int timestamp(byte[] buffer, int at, long epochSecond, long baseUtcDay, byte[][] dates, char end) {
		long day = Math.floorDiv(epochSecond, 86_400L);
		int second = (int) (epochSecond - day * 86_400L);
		byte[] date = dates[(int) (day - baseUtcDay)];
		System.arraycopy(date, 0, buffer, at, date.length);
		at += date.length;
		buffer[at++] = ' ';
		at = two(buffer, at, second / 3600);
		buffer[at++] = ':';
		at = two(buffer, at, second / 60 % 60);
		buffer[at++] = ':';
		at = two(buffer, at, second % 60);
		buffer[at++] = '+';
		buffer[at++] = '0';
		buffer[at++] = '0';
		buffer[at++] = (byte) end;
		return at;
	}

	private static int two(byte[] buffer, int at, int value) {
		buffer[at++] = (byte) ('0' + value / 10);
		buffer[at++] = (byte) ('0' + value % 10);
		return at;
	}

}
