package org.gridguard.bench.app;

import java.io.IOException;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Speed of the command cockpit at a county's scale, against a running GridGuard: first paint of the city's cockpit
 * and each drill-down (town, village, grid), through HTTP like a browser.
 *
 * <pre>
 * java -cp "bench/target/gridguard-bench.jar:bench/target/lib/*" org.gridguard.bench.app.CockpitLoad \
 *     http://localhost:18080 ADMIN_PASSWORD jdbc:postgresql://localhost:15432/gridguard DATA_DIR/keys/db-gridguard.password \
 *     [checkInsPerDay] [days] [venues]
 * </pre>
 * Start GridGuard with its own data directory, {@code --gridguard.database.embedded.port=15432} and a port that is not
 * 8080; the harness connects to its database as the application's role with the password GridGuard generated into the
 * data directory. Bring risk persons in first through its API ({@link ControlLoad}, e.g. two lists of 100,000). This
 * harness then adds venues up to {@code venues} (default 20,000) spread over the grids, writes {@code checkInsPerDay} check-ins
 * (default 3,000,000) on each of the last {@code days} days (default 14, today up to now) straight into the check-in
 * table with COPY, asks GridGuard to count them again ({@code POST /api/v1/cockpit/recount}), checks that the city's
 * check-ins of today equal the stored rows, and times the pages: the city's cockpit (the HTML, then the three requests
 * its page makes: trends, heat, alert feed, in parallel as a browser does) and the cockpit of random towns, villages and
 * grids (a drill-down is a new page: the HTML, the same three requests, and the API answer). Persons behind the
 * check-ins are numbers only; the cockpit counts, it does not read persons.
 */
public final class CockpitLoad {

	private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private CockpitLoad() {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String password = args[1];
		String jdbc = args[2];
		String dbPassword = java.nio.file.Files.readString(java.nio.file.Path.of(args[3])).strip();
		long perDay = args.length > 4 ? Long.parseLong(args[4]) : 3_000_000L;
		int days = args.length > 5 ? Integer.parseInt(args[5]) : 14;
		int venues = args.length > 6 ? Integer.parseInt(args[6]) : 20_000;
		String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
		List<String> grids;
		try (Connection db = DriverManager.getConnection(jdbc, "gridguard", dbPassword)) {
			grids = strings(db, "SELECT code FROM region_node WHERE level = 'GRID' AND active ORDER BY code");
			addVenues(db, venues, grids);
			if (perDay > 0) {
				writeCheckIns(db, perDay, days);
			}
		}
		HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		long t0 = System.nanoTime();
		String recount = send(api, HttpRequest.newBuilder(URI.create(base + "/api/v1/cockpit/recount?days=" + days))
			.header("Authorization", basic)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		log("recount of %d days over HTTP: %.1f s — %s", days, seconds(t0), recount);
		try (Connection db = DriverManager.getConnection(jdbc, "gridguard", dbPassword)) {
			long stored = longValue(db, "SELECT count(*) FROM venue_check_in WHERE at >= '"
					+ LocalDate.now(CITY).atStartOfDay(CITY).toInstant() + "'");
			String figures = send(api, HttpRequest.newBuilder(URI.create(base + "/api/v1/cockpit")).header("Authorization", basic).build());
			Matcher m = Pattern.compile("\"checkinsToday\":(\\d+)").matcher(figures);
			long shown = m.find() ? Long.parseLong(m.group(1)) : -1;
			log("check-ins today: stored %,d, cockpit %,d — %s", stored, shown, stored == shown ? "equal" : "DIFFERENT");
			log("active risk persons: %,d", longValue(db, "SELECT count(*) FROM control_risk_person "
					+ "WHERE state IN ('PENDING', 'CONTROLLED', 'READY_FOR_RELEASE', 'NOT_FOUND')"));
		}

		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
		signIn(browser, base, password);
		var random = new SplittableRandom(20261206);
		for (int i = 0; i < 5; i++) {
			firstPaint(browser, base, "330784");
		}
		double[] html = new double[20];
		double[] paint = new double[20];
		for (int i = 0; i < html.length; i++) {
			double[] t = firstPaint(browser, base, "330784");
			html[i] = t[0];
			paint[i] = t[1];
		}
		report("city cockpit, HTML", html);
		report("city cockpit, HTML + trends + heat + feed (first paint)", paint);
		for (int level : new int[] { 9, 12, 15 }) {
			List<String> codes = grids.stream().map(g -> g.substring(0, level)).distinct().toList();
			double[] page = new double[30];
			double[] whole = new double[30];
			double[] json = new double[30];
			for (int i = 0; i < page.length; i++) {
				String code = codes.get(random.nextInt(codes.size()));
				double[] t = firstPaint(browser, base, code);
				page[i] = t[0];
				whole[i] = t[1];
				json[i] = time(api, base + "/api/v1/cockpit?region=" + code, basic);
			}
			String name = level == 9 ? "town" : level == 12 ? "village" : "grid";
			report("drill-down to a " + name + ", HTML", page);
			report("drill-down to a " + name + ", HTML + trends + heat + feed", whole);
			report("drill-down to a " + name + ", GET /api/v1/cockpit", json);
		}
	}

	/** [HTML ms, HTML and the page's three requests in parallel ms] of one cockpit. */
	private static double[] firstPaint(HttpClient browser, String base, String region) throws Exception {
		long t0 = System.nanoTime();
		String html = send(browser, HttpRequest.newBuilder(URI.create(base + "/cockpit?region=" + region)).build());
		if (!html.contains("cockpit-region")) {
			throw new IllegalStateException("not the cockpit: " + html.substring(0, Math.min(300, html.length())));
		}
		double htmlMs = (System.nanoTime() - t0) / 1e6;
		var parts = new ArrayList<CompletableFuture<HttpResponse<String>>>();
		for (String path : new String[] { "/cockpit/trends.json?days=14&region=", "/cockpit/heat.json?region=",
				"/cockpit/feed?region=" }) {
			parts.add(browser.sendAsync(HttpRequest.newBuilder(URI.create(base + path + region)).build(),
					HttpResponse.BodyHandlers.ofString()));
		}
		for (var part : parts) {
			if (part.get().statusCode() != 200) {
				throw new IllegalStateException("status " + part.get().statusCode());
			}
		}
		return new double[] { htmlMs, (System.nanoTime() - t0) / 1e6 };
	}

	private static void addVenues(Connection db, int wanted, List<String> grids) throws Exception {
		long have = longValue(db, "SELECT count(*) FROM venue");
		if (have >= wanted) {
			log("venues: %,d", have);
			return;
		}
		var random = new SplittableRandom(42);
		var rows = new StringBuilder();
		for (long i = have; i < wanted; i++) {
			rows.append("负载场所").append(i).append('\t').append(i % 3 == 0 ? "MARKET" : "MALL_SUPERMARKET").append('\t')
				.append(grids.get(random.nextInt(grids.size()))).append("\t负载路").append(i).append("号\t")
				.append(i % 3 == 0 ? "MARKET_REGULATION" : "COMMERCE").append("\t负载\t13900000000\t")
				.append(Instant.now()).append("\tbench\t").append(Instant.now()).append('\n');
		}
		CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY venue (name, category, region_code, address, "
				+ "sector, manager_name, manager_phone, created_at, created_by, updated_at) FROM STDIN (FORMAT text)");
		byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		copy.endCopy();
		log("venues: %,d added, %,d in all", wanted - have, wanted);
	}

	/** {@code perDay} check-ins on each of the last {@code days} days (today: up to now) at random venues. */
	private static void writeCheckIns(Connection db, long perDay, int days) throws Exception {
		long[] venues = strings(db, "SELECT id::text FROM venue ORDER BY id").stream().mapToLong(Long::parseLong).toArray();
		var random = new SplittableRandom(20240301);
		long now = Instant.now().getEpochSecond();
		long t0 = System.nanoTime();
		CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI()
			.copyIn("COPY venue_check_in (at, until, venue_id, person_id, colour, admitted, channel) FROM STDIN (FORMAT text)");
		var line = new StringBuilder(96);
		byte[] buffer = new byte[1 << 20];
		int used = 0;
		for (int d = days - 1; d >= 0; d--) {
			long start = LocalDate.now(CITY).minusDays(d).atStartOfDay(CITY).toEpochSecond();
			long span = Math.max(60, Math.min(86_400L, now - start - 60));
			for (long i = 0; i < perDay; i++) {
				long at = start + random.nextLong(span);
				line.setLength(0);
				line.append(Instant.ofEpochSecond(at)).append('\t').append(Instant.ofEpochSecond(at + 1800)).append('\t')
					.append(venues[random.nextInt(venues.length)]).append('\t').append(1 + random.nextInt(1_000_000))
					.append("\tGREEN\tt\tAPI\n");
				byte[] bytes = line.toString().getBytes(StandardCharsets.US_ASCII);
				if (used + bytes.length > buffer.length) {
					copy.writeToCopy(buffer, 0, used);
					used = 0;
				}
				System.arraycopy(bytes, 0, buffer, used, bytes.length);
				used += bytes.length;
			}
		}
		copy.writeToCopy(buffer, 0, used);
		copy.endCopy();
		log("COPY of %,d check-ins over %d days in %.1f s", perDay * days, days, seconds(t0));
		long t1 = System.nanoTime();
		try (Statement s = db.createStatement()) {
			s.execute("VACUUM ANALYZE venue_check_in");
		}
		log("VACUUM ANALYZE in %.1f s", seconds(t1));
	}

	private static void signIn(HttpClient browser, String base, String password) throws Exception {
		String login = send(browser, HttpRequest.newBuilder(URI.create(base + "/login")).build());
		Matcher m = CSRF.matcher(login);
		if (!m.find()) {
			throw new IllegalStateException("no sign-in form");
		}
		String form = "username=admin&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("sign-in refused");
		}
	}

	private static double time(HttpClient client, String url, String authorization) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(url));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		long t0 = System.nanoTime();
		HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		double ms = (System.nanoTime() - t0) / 1e6;
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + ": " + response.statusCode());
		}
		return ms;
	}

	private static String send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(request.uri() + ": " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	private static void report(String what, double[] millis) {
		double[] sorted = millis.clone();
		Arrays.sort(sorted);
		log("%-58s median %6.0f ms, p90 %6.0f ms, max %6.0f ms (%d runs)", what, sorted[sorted.length / 2],
				sorted[(int) Math.ceil(sorted.length * 0.9) - 1], sorted[sorted.length - 1], sorted.length);
	}

	private static List<String> strings(Connection db, String sql) throws Exception {
		var result = new ArrayList<String>();
		try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				result.add(rs.getString(1));
			}
		}
		return result;
	}

	private static long longValue(Connection db, String sql) throws Exception {
		try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	private static void log(String format, Object... args) {
		System.out.println(java.time.LocalTime.now().withNano(0) + " " + String.format(format, args));
	}

}
