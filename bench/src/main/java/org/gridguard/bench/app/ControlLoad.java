package org.gridguard.bench.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load of the control loop through the real HTTP API of a running GridGuard: imports pushed lists of {@code rows}
 * persons (valid identity numbers, addresses naming the city's towns, a share living elsewhere), timing each from
 * upload to DONE (matched, placed, turned into tasks), then runs the unmanaged detector over everyone under control
 * and prints its time.
 *
 * <pre>java -cp bench/target/classes org.gridguard.bench.app.ControlLoad http://localhost:8080 admin PASSWORD|gg_TOKEN 100000 2 [firstList] [hoursAgo]</pre>
 * Lists are numbered; list {@code n} always holds the same persons, so use a new {@code firstList} to import persons
 * GridGuard has not seen yet.
 */
public final class ControlLoad {

	private static final String[] TOWNS = { "东城街道", "西城街道", "江南街道", "石柱镇", "前仓镇", "舟山镇", "古山镇", "方岩镇", "龙山镇",
			"西溪镇", "象珠镇", "唐先镇", "花街镇", "芝英镇" };

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

	private ControlLoad() {
	}

	public static void main(String[] args) throws Exception {
		String base = args.length > 0 ? args[0] : "http://localhost:8080";
		String secret = args.length > 2 ? args[2] : "";
		// an API token (gg_…) avoids the password hash on every poll
		String auth = secret.startsWith("gg_") ? "Bearer " + secret : "Basic " + Base64.getEncoder()
			.encodeToString(((args.length > 1 ? args[1] : "admin") + ":" + secret).getBytes(StandardCharsets.UTF_8));
		int rows = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
		int lists = args.length > 4 ? Integer.parseInt(args[4]) : 1;
		int first = args.length > 5 ? Integer.parseInt(args[5]) : 0;
		// pushed this many hours ago: past their deadlines, every person is a violation for the detector to find
		int hoursAgo = args.length > 6 ? Integer.parseInt(args[6]) : 0;
		HttpClient http = HttpClient.newHttpClient();
		for (int list = first; list < first + lists; list++) {
			byte[] csv = generate(rows, 20240301L + list, list, hoursAgo);
			long start = System.nanoTime();
			String body = upload(http, base, auth, csv, "load-" + list + ".csv");
			Matcher m = ID.matcher(body);
			if (!m.find()) {
				throw new IllegalStateException("upload refused: " + body);
			}
			String id = m.group(1);
			long uploaded = System.nanoTime();
			String state;
			do {
				Thread.sleep(200);
				state = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/push-lists/" + id))
					.header("Authorization", auth)
					.build(), HttpResponse.BodyHandlers.ofString()).body();
			}
			while (state.contains("\"state\":\"RUNNING\""));
			long done = System.nanoTime();
			System.out.printf("list %d: %d rows, upload %.1f s, import %.1f s, total %.1f s — %s%n", list, rows,
					(uploaded - start) / 1e9, (done - uploaded) / 1e9, (done - start) / 1e9,
					state.replaceAll("\"rejections\":\\[.*?\\],?", ""));
		}
		for (int i = 0; i < 3; i++) {
			long start = System.nanoTime();
			String scan = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/unmanaged/scan"))
				.header("Authorization", auth)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString()).body();
			System.out.printf("detector run %d: %.2f s over HTTP — %s%n", i, (System.nanoTime() - start) / 1e9, scan);
		}
	}

	/** A pushed list: valid identity numbers born 1930-1999 outside the demo population's prefix. */
	static byte[] generate(int rows, long seed, int list, int hoursAgo) {
		var random = new SplittableRandom(seed);
		String pushed = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
			.minusHours(hoursAgo)
			.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
		var out = new StringBuilder(rows * 96).append("姓名,身份证号,手机号,现住址,类别,推送时间\n");
		LocalDate base = LocalDate.of(1930, 1, 1);
		for (int i = 0; i < rows; i++) {
			int n = list * rows + i;
			LocalDate birth = base.plusDays(n / 450 % 25000);
			String first17 = "110105" + birth.toString().replace("-", "") + "%03d".formatted(n % 450 * 2 + 1);
			String id = first17 + check(first17);
			String address = random.nextInt(100) < 5 ? "浙江省杭州市西湖区文三路" + i + "号"
					: "永康市" + TOWNS[random.nextInt(TOWNS.length)] + "某路" + random.nextInt(500) + "号";
			out.append("人员").append(i).append(',').append(id).append(",1").append(3 + random.nextInt(7))
				.append("%09d".formatted(random.nextInt(1_000_000_000))).append(',').append(address).append(',')
				.append(random.nextInt(3) == 0 ? "次密接" : "密接").append(',').append(pushed).append('\n');
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static char check(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return "10X98765432".charAt(sum % 11);
	}

	private static String upload(HttpClient http, String base, String auth, byte[] csv, String name)
			throws IOException, InterruptedException {
		String boundary = "----load" + System.nanoTime();
		var body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nCLOSE_CONTACT\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(csv);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/push-lists"))
			.header("Authorization", auth)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString()).body();
	}

}
