import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client for batched check-ins through the HTTP API (POST /api/v1/checkins), run as a separate process:
 *
 * <pre>
 * java bench/http/CheckInLoad.java http://127.0.0.1:18080 admin PASSWORD [batch=10000] [clients=4] [seconds=30] [people=100000]
 * java bench/http/CheckInLoad.java http://127.0.0.1:18080 admin PASSWORD people 20000 /tmp/scan-people.txt
 * </pre>
 * The second form only registers persons for the single-scan benchmark ({@code scan.lua}) and writes their numbers.
 *
 * It signs in as the city admin, issues itself an API token (bearer, so no password hashing per request), registers
 * 20 bench venues, registers the person pool once (warm-up, not measured), then for the given time keeps
 * {@code clients} connections each posting batches of {@code batch} check-ins, and prints accepted check-ins per
 * second and the request latencies. Request bodies are built before the clock starts, so the client spends its CPU on
 * sending, not on JSON. Every accepted check-in was durable before its response arrived.
 */
public class CheckInLoad {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	public static void main(String[] args) throws Exception {
		if (args.length < 3) {
			System.err.println("usage: java CheckInLoad.java BASE_URL ADMIN_USER ADMIN_PASSWORD [batch] [clients] [seconds] [people]");
			System.exit(2);
		}
		String base = args[0].replaceAll("/+$", "");
		if (args.length > 5 && args[3].equals("people")) {
			registerPeople(base, args[1], args[2], Integer.parseInt(args[4]), args[5]);
			return;
		}
		int batch = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
		int clients = args.length > 4 ? Integer.parseInt(args[4]) : 4;
		int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 30;
		int people = args.length > 6 ? Integer.parseInt(args[6]) : 100_000;

		String token = issueToken(base, args[1], args[2]);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String body = "{\"name\":\"压测场所" + i + "-" + System.currentTimeMillis() + "\",\"category\":\"MALL_SUPERMARKET\","
					+ "\"townCode\":\"330784001\",\"address\":\"压测路 " + i + " 号\",\"managerName\":\"压测\",\"managerPhone\":\"13800005555\"}";
			HttpResponse<String> created = post(http, base + "/api/v1/venues", token, body);
			Matcher m = Pattern.compile("\"code\":\"([A-Z0-9]+)\"").matcher(created.body());
			if (created.statusCode() != 201 || !m.find()) {
				throw new IllegalStateException("venue not registered: " + created.statusCode() + " " + created.body());
			}
			codes.add(m.group(1));
		}
		String[] ids = identityNumbers(people);
		var random = new SplittableRandom(42);
		System.out.printf("warm-up: registering %,d persons in batches of %,d%n", people, batch);
		for (int from = 0; from < people; from += batch) {
			String body = body(ids, from, Math.min(batch, people - from), codes, random, true);
			HttpResponse<String> response = post(http, base + "/api/v1/checkins", token, body);
			if (response.statusCode() != 200) {
				throw new IllegalStateException("warm-up failed: " + response.statusCode() + " " + response.body());
			}
		}
		// bodies ready before the clock starts; arrivals lie in the last two hours, so they stay valid for the run
		int perClient = 6;
		String[][] bodies = new String[clients][perClient];
		for (int c = 0; c < clients; c++) {
			for (int b = 0; b < perClient; b++) {
				bodies[c][b] = body(ids, -1, batch, codes, random, false);
			}
		}
		AtomicLong accepted = new AtomicLong();
		AtomicLong rejected = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		List<long[]> latencies = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long start = System.nanoTime();
		long end = start + TimeUnit.SECONDS.toNanos(seconds);
		Pattern acceptedField = Pattern.compile("\"accepted\":(\\d+)");
		for (int c = 0; c < clients; c++) {
			int client = c;
			long[] mine = new long[100_000];
			latencies.add(mine);
			pool.submit(() -> {
				HttpClient own = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
				int n = 0;
				while (System.nanoTime() < end) {
					long t0 = System.nanoTime();
					try {
						HttpResponse<String> response = post(own, base + "/api/v1/checkins", token, bodies[client][n % perClient]);
						mine[n % mine.length] = System.nanoTime() - t0;
						n++;
						Matcher m = acceptedField.matcher(response.body());
						if (response.statusCode() == 200 && m.find()) {
							long ok = Long.parseLong(m.group(1));
							accepted.addAndGet(ok);
							rejected.addAndGet(batch - ok);
						}
						else {
							failed.incrementAndGet();
						}
					}
					catch (Exception ex) {
						failed.incrementAndGet();
					}
				}
				mine[mine.length - 1] = n;
				return null;
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] all = latencies.stream()
			.flatMapToLong(l -> Arrays.stream(l, 0, (int) Math.min(l[l.length - 1], l.length - 1)))
			.sorted()
			.toArray();
		System.out.printf("batched check-ins: %d clients x %,d per request, %.1f s%n", clients, batch, elapsed);
		System.out.printf("accepted %,d (%,.0f per second), rejected %,d, failed requests %d%n", accepted.get(),
				accepted.get() / elapsed, rejected.get(), failed.get());
		if (all.length > 0) {
			System.out.printf("requests %d, latency p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", all.length,
					all[all.length / 2] / 1e6, all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)] / 1e6,
					all[all.length - 1] / 1e6);
		}
	}

	/**
	 * Registers {@code count} persons (one check-in each at a bench venue, through the batch API) and writes their
	 * identity numbers to {@code file}, one a line, for {@code scan.lua}: visitors at the door are mostly known persons.
	 */
	static void registerPeople(String base, String user, String password, int count, String file) throws Exception {
		String token = issueToken(base, user, password);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		HttpResponse<String> created = post(http, base + "/api/v1/venues", token, "{\"name\":\"压测登记点-"
				+ System.currentTimeMillis() + "\",\"category\":\"MALL_SUPERMARKET\",\"townCode\":\"330784001\","
				+ "\"address\":\"压测路\",\"managerName\":\"压测\",\"managerPhone\":\"13800005555\"}");
		Matcher m = Pattern.compile("\"code\":\"([A-Z0-9]+)\"").matcher(created.body());
		m.find();
		String[] ids = new String[count];
		String[] all = identityNumbers(count + 100_000);
		System.arraycopy(all, 100_000, ids, 0, count);
		var random = new SplittableRandom(11);
		for (int from = 0; from < count; from += 10_000) {
			HttpResponse<String> response = post(http, base + "/api/v1/checkins", token,
					body(ids, from, Math.min(10_000, count - from), List.of(m.group(1)), random, true));
			if (response.statusCode() != 200) {
				throw new IllegalStateException(response.statusCode() + " " + response.body());
			}
		}
		java.nio.file.Files.write(java.nio.file.Path.of(file), Arrays.asList(ids));
		System.out.printf("registered %,d persons; identity numbers in %s%n", count, file);
	}

	/** A batch of check-ins: person {@code from + i} in turn for the warm-up, random persons otherwise. */
	static String body(String[] ids, int from, int count, List<String> codes, SplittableRandom random, boolean inTurn) {
		long now = Instant.now().getEpochSecond();
		var sb = new StringBuilder(count * 110).append("{\"checkins\":[");
		for (int i = 0; i < count; i++) {
			String id = inTurn ? ids[from + i] : ids[random.nextInt(ids.length)];
			long at = now - 600 - random.nextInt(2 * 3600);
			sb.append(i == 0 ? "" : ",")
				.append("{\"venueCode\":\"").append(codes.get(random.nextInt(codes.size())))
				.append("\",\"idNumber\":\"").append(id)
				.append("\",\"at\":\"").append(OffsetDateTime.ofInstant(Instant.ofEpochSecond(at), ZoneOffset.ofHours(8)))
				.append("\"}");
		}
		return sb.append("]}").toString();
	}

	/** Valid, distinct resident identity numbers (born 1950-2009, sequence 100-699). */
	static String[] identityNumbers(int n) {
		String[] ids = new String[n];
		var random = new SplittableRandom(7);
		var seen = new java.util.HashSet<String>();
		for (int i = 0; i < n;) {
			var birth = java.time.LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 60));
			String first17 = "330784" + birth.toString().replace("-", "") + (100 + random.nextInt(600));
			int sum = 0;
			for (int k = 0; k < 17; k++) {
				sum += (first17.charAt(k) - '0') * WEIGHTS[k];
			}
			String id = first17 + "10X98765432".charAt(sum % 11);
			if (seen.add(id)) {
				ids[i++] = id;
			}
		}
		return ids;
	}

	static HttpResponse<String> post(HttpClient http, String url, String token, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(120))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** Signs in through the login form and issues an API token on the admin's own account page. */
	static String issueToken(String base, String user, String password) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		Pattern csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
		String login = get(browser, base + "/login");
		Matcher m = csrf.matcher(login);
		m.find();
		form(browser, base + "/login", "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1)));
		String list = get(browser, base + "/accounts?q=" + enc(user));
		Matcher account = Pattern.compile("href=\"/accounts/(\\d+)\"").matcher(list);
		if (!account.find()) {
			throw new IllegalStateException("sign-in failed or account " + user + " not found");
		}
		String page = get(browser, base + "/accounts/" + account.group(1));
		m = csrf.matcher(page);
		m.find();
		form(browser, base + "/accounts/" + account.group(1) + "/tokens", "name=bench-" + System.currentTimeMillis()
				+ "&validDays=1&_csrf=" + enc(m.group(1)));
		Matcher secret = Pattern.compile("id=\"token-secret\"[^>]*>(gg_[A-Za-z0-9_\\-]+)<")
			.matcher(get(browser, base + "/accounts/" + account.group(1)));
		if (!secret.find()) {
			throw new IllegalStateException("no token issued");
		}
		return secret.group(1);
	}

	static String get(HttpClient http, String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	static void form(HttpClient http, String url, String body) throws Exception {
		http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
