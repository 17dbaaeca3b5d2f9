package org.gridguard.bench.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timeliness of the case path through the real HTTP API of a running GridGuard: {@code contacts} persons check in at
 * a venue together with a case; a positive result of the case arrives; the harness waits for the investigation,
 * classifies every proposed contact as a close contact by one rule, confirms, and waits until a verification task
 * exists for each. It prints the time from the positive result to the last task.
 *
 * <pre>java -cp bench/target/classes org.gridguard.bench.app.CaseTimeliness http://localhost:8080 admin PASSWORD|gg_TOKEN VENUECODE 1000</pre>
 * The account needs the city-admin role (it posts check-ins and results and drives the investigation).
 */
public final class CaseTimeliness {

	private static final Pattern ID_FIELD = Pattern.compile("\"id\":(\\d+)");

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private CaseTimeliness() {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String auth = args[2].startsWith("gg_") ? "Bearer " + args[2]
				: "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
		String venue = args[3];
		int contacts = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
		HttpClient http = HttpClient.newHttpClient();
		long seed = System.currentTimeMillis() % 100_000;
		String caseId = id(seed, 0);
		OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3).withNano(0);
		var batch = new StringBuilder("{\"checkins\":[");
		batch.append(item(venue, caseId, at, at.plusHours(2)));
		for (int i = 1; i <= contacts; i++) {
			batch.append(',').append(item(venue, id(seed, i), at.plusMinutes(i % 60), at.plusMinutes(30 + i % 60)));
		}
		batch.append("]}");
		System.out.println("check-ins: " + post(http, base + "/api/v1/checkins", batch.toString(), auth).substring(0, 40));
		Thread.sleep(1500); // the index publishes appended check-ins within half a second
		int before = total(get(http, base + "/api/v1/tasks?size=1&state=OPEN", auth));
		long start = System.nanoTime();
		post(http, base + "/api/v1/test-results", "{\"results\":[{\"idNumber\":\"" + caseId + "\",\"sampledAt\":\""
				+ OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(5).withNano(0) + "\",\"kind\":\"NAT\",\"result\":\"POSITIVE\"}]}", auth);
		String investigation;
		do {
			investigation = get(http, base + "/api/v1/investigations?idNumber=" + caseId, auth);
		}
		while (!ID_FIELD.matcher(investigation).find());
		long opened = System.nanoTime();
		Matcher m = ID_FIELD.matcher(investigation);
		m.find();
		String id = m.group(1);
		post(http, base + "/api/v1/investigations/" + id + "/classifications", "{\"classification\":\"CLOSE_CONTACT\"}", auth);
		post(http, base + "/api/v1/investigations/" + id + "/confirmation", null, auth);
		long confirmed = System.nanoTime();
		// every confirmed contact gets an open verification task (in their grid, or in a queue when not a resident)
		int open;
		do {
			open = total(get(http, base + "/api/v1/tasks?size=1&state=OPEN", auth)) - before;
		}
		while (open < contacts);
		long done = System.nanoTime();
		System.out.printf("investigation %s: opened %.2f s after the result, confirmed at %.2f s, %d tasks at %.2f s%n", id,
				(opened - start) / 1e9, (confirmed - start) / 1e9, open, (done - start) / 1e9);
	}

	private static int total(String page) {
		Matcher m = Pattern.compile("\"total\":(\\d+)").matcher(page);
		return m.find() ? Integer.parseInt(m.group(1)) : 0;
	}

	private static String item(String venue, String id, OffsetDateTime at, OffsetDateTime left) {
		return "{\"venueCode\":\"" + venue + "\",\"idNumber\":\"" + id + "\",\"at\":\"" + at + "\",\"leftAt\":\"" + left + "\"}";
	}

	private static String id(long seed, int n) {
		String first17 = "110105" + (1940 + (int) (seed % 50)) + "%02d%02d".formatted(1 + n / 900 % 12, 1 + n / 30 % 28)
				+ "%03d".formatted(n % 30 * 2 + 1 + (int) (seed % 7) * 100 % 900);
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	private static String post(HttpClient http, String url, String json, String auth) throws Exception {
		var builder = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).header("Content-Type", "application/json");
		builder.POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		return http.send(builder.build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private static String get(HttpClient http, String url, String auth) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build(),
				HttpResponse.BodyHandlers.ofString()).body();
	}

}
