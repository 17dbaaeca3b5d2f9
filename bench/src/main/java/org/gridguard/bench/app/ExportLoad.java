package org.gridguard.bench.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Speed of a list export through a running GridGuard: a venue's visitor log of {@code rows} check-ins (seeded
 * straight into PostgreSQL with {@code generate_series} when the venue has fewer, visitors drawn from the registered
 * persons), exported as CSV and as XLSX by the page's export link, signed in like a browser. Prints, per run, the time
 * to the first byte of the body, to the first data row (CSV), the total time, the bytes and (CSV) the rows received.
 * An export of a million person records spends the reader's budget for a minute (docs/exports.md): a run refused with
 * 429 waits as {@code Retry-After} says and is measured then.
 *
 * <pre>java -cp bench/target/gridguard-bench.jar:bench/target/lib/* org.gridguard.bench.app.ExportLoad
 *     http://localhost:18095 admin PASSWORD jdbc:postgresql://localhost:15495/gridguard gridguard DBPASSWORD 1000000 [runs]</pre>
 */
public final class ExportLoad {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private ExportLoad() {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String user = args[1];
		String password = args[2];
		int rows = args.length > 6 ? Integer.parseInt(args[6]) : 1_000_000;
		int runs = args.length > 7 ? Integer.parseInt(args[7]) : 3;
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		long venue;
		try (Connection db = DriverManager.getConnection(args[3], args[4], args[5]); Statement st = db.createStatement()) {
			venue = seed(st, rows, today);
		}
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		signIn(http, base, user, password);
		String path = "/venues/" + venue + "/visits/export?from=" + today.minusDays(1) + "&to=" + today + "&format=";
		for (String format : new String[] { "csv", "xlsx" }) {
			for (int run = 0; run < runs; run++) {
				measure(http, base + path + format, format);
			}
		}
	}

	/** The venue with the most check-ins of the last two days, topped up to {@code rows} of them. */
	private static long seed(Statement st, int rows, LocalDate today) throws Exception {
		long venue;
		try (ResultSet rs = st.executeQuery("SELECT id FROM venue ORDER BY id LIMIT 1")) {
			rs.next();
			venue = rs.getLong(1);
		}
		long have;
		try (ResultSet rs = st.executeQuery("SELECT count(*) FROM venue_check_in WHERE venue_id = " + venue
				+ " AND at >= now() - interval '6 hours'")) {
			rs.next();
			have = rs.getLong(1);
		}
		if (have < rows) {
			long start = System.nanoTime();
			// one check-in every 20 ms over the last 5.5 hours (today's and at most yesterday's partition)
			st.executeUpdate("""
					INSERT INTO venue_check_in (at, until, venue_id, person_id, left_at, colour, admitted, channel)
					SELECT now() - g * interval '20 milliseconds', now() - g * interval '20 milliseconds' + interval '30 minutes',
						%d, p.ids[1 + g %% p.n], NULL, 'GREEN', true, 'SCAN'
					FROM generate_series(1, %d) g,
						(SELECT array_agg(id) AS ids, count(*)::int AS n FROM person) p""".formatted(venue, rows - have));
			st.execute("ANALYZE venue_check_in");
			System.out.printf("seeded %,d check-ins at venue %d in %.1f s%n", rows - have, venue,
					(System.nanoTime() - start) / 1e9);
		}
		try (ResultSet rs = st.executeQuery("SELECT count(*) FROM venue_check_in WHERE venue_id = " + venue
				+ " AND at >= '" + today.minusDays(1) + "'::date AT TIME ZONE 'Asia/Shanghai'")) {
			rs.next();
			System.out.printf("venue %d: %,d check-ins in the exported days%n", venue, rs.getLong(1));
		}
		return venue;
	}

	private static void signIn(HttpClient http, String base, String user, String password) throws Exception {
		String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = CSRF.matcher(login);
		if (!m.find()) {
			throw new IllegalStateException("no sign-in form at " + base);
		}
		String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
		HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (done.headers().firstValue("Location").orElse("error").contains("error")) {
			throw new IllegalStateException("sign-in refused: " + done.statusCode());
		}
	}

	private static void measure(HttpClient http, String url, String format) throws IOException, InterruptedException {
		long start = System.nanoTime();
		HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		if (response.statusCode() == 429) {
			// a million person records take the reader's budget for a minute: wait as the answer says, then measure
			response.body().close();
			long wait = Long.parseLong(response.headers().firstValue("Retry-After").orElse("60")) + 1;
			System.out.printf("%s: budget of person records spent, waiting %d s%n", format, wait);
			Thread.sleep(wait * 1000);
			measure(http, url, format);
			return;
		}
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode());
		}
		long firstByte = -1;
		long firstRow = -1;
		long bytes = 0;
		long lines = 0;
		byte[] buffer = new byte[65536];
		try (InputStream in = response.body()) {
			for (int n; (n = in.read(buffer)) > 0;) {
				if (firstByte < 0) {
					firstByte = System.nanoTime();
				}
				bytes += n;
				for (int i = 0; i < n; i++) {
					if (buffer[i] == '\n') {
						lines++;
						if (lines == 2 && firstRow < 0) {
							firstRow = System.nanoTime();
						}
					}
				}
			}
		}
		long end = System.nanoTime();
		System.out.printf("%s: first byte %.0f ms, first row %s, total %.1f s, %,d bytes%s%n", format,
				(firstByte - start) / 1e6, "csv".equals(format) ? "%.0f ms".formatted((firstRow - start) / 1e6) : "—",
				(end - start) / 1e9, bytes, "csv".equals(format) ? ", %,d rows after the header".formatted(lines - 1) : "");
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
