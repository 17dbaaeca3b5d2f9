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
 * persons (valid identity numbers; addresses written as households of the city's real villages in the demo's forms
 * and in other spellings, villages only, towns only, elsewhere, and unrecognised), timing each from upload to DONE
 * (matched, placed through households, villages and towns, turned into tasks), then runs the unmanaged detector over
 * everyone under control and prints its time and how the rows were placed.
 *
 * <pre>java -cp bench/target/classes org.gridguard.bench.app.ControlLoad http://localhost:8080 admin PASSWORD|gg_TOKEN 100000 2 [firstList] [hoursAgo]</pre>
 * Lists are numbered; list {@code n} always holds the same persons, so use a new {@code firstList} to import persons
 * GridGuard has not seen yet.
 */
public final class ControlLoad {

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
		java.util.List<String[]> villages = villages(http, base, auth);
		java.util.List<String[]> households = cachedHouseholds(http, base, auth);
		System.out.printf("%d villages, %d household addresses%n", villages.size(), households.size());
		for (int list = first; list < first + lists; list++) {
			byte[] csv = generate(rows, 20240301L + list, list, hoursAgo, villages, households);
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

	/** [town name, village short name, community?] of every village, from the region API. */
	static java.util.List<String[]> villages(HttpClient http, String base, String auth)
			throws IOException, InterruptedException {
		var result = new java.util.ArrayList<String[]>();
		Pattern node = Pattern.compile("\\{\"code\":\"(\\d+)\",\"name\":\"([^\"]+)\"");
		Matcher towns = node.matcher(get(http, base + "/api/v1/regions/330784/children", auth));
		while (towns.find()) {
			String town = towns.group(2);
			Matcher v = node.matcher(get(http, base + "/api/v1/regions/" + towns.group(1) + "/children", auth));
			while (v.find()) {
				String name = v.group(2);
				boolean community = name.endsWith("居委会") && !name.endsWith("村委会");
				String shortName = name.endsWith("村委会") ? name.substring(0, name.length() - 3) + "村"
						: name.endsWith("居委会") ? name.substring(0, name.length() - 3) : name;
				result.add(new String[] { town, shortName, String.valueOf(community) });
			}
		}
		return result;
	}

	private static String get(HttpClient http, String url, String auth) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build(),
				HttpResponse.BodyHandlers.ofString()).body();
	}

	/**
	 * An address not taken from the registered households: 45 % a household in a village's own form (as the demo registers them; many exist, some not),
	 * written with the city and town, or in a short or dashed form; 25 % a village only; 15 % a town only; 5 %
	 * elsewhere; 10 % a street of the city that names no town or village.
	 */
	static String address(SplittableRandom random, int i, java.util.List<String[]> villages) {
		int roll = random.nextInt(100);
		if (villages.isEmpty() || roll < 5) {
			return "浙江省杭州市西湖区文三路" + i + "号";
		}
		if (roll < 15) {
			return "永康市某路" + random.nextInt(500) + "号";
		}
		String[] v = villages.get(random.nextInt(villages.size()));
		if (roll < 30) {
			return "永康市" + v[0] + "某路" + random.nextInt(500) + "号";
		}
		if (roll < 55) {
			return "永康市" + v[0] + v[1];
		}
		boolean community = Boolean.parseBoolean(v[2]);
		int building = 1 + random.nextInt(20);
		int unit = 1 + random.nextInt(3);
		int room = (1 + random.nextInt(6)) * 100 + 1 + random.nextInt(4);
		return switch (random.nextInt(3)) {
			case 0 -> "永康市" + v[0] + v[1] + (community ? building + "幢" + unit + "单元" + room + "室" : (5 + random.nextInt(400)) + "号");
			case 1 -> v[1] + (community ? building + "-" + unit + "-" + room : (5 + random.nextInt(400)) + "号");
			default -> "浙江省金华市永康市" + v[1] + (community ? building + "栋" + unit + "单元" + room : (5 + random.nextInt(400)) + "号");
		};
	}

	/**
	 * The households read once per instance and kept in {@code target/control-load-households-<port>.tsv}: once
	 * lists of non-residents have been imported, reading the residents' addresses through the person API takes minutes.
	 * Delete the file when the instance on that port is started on fresh data.
	 */
	static java.util.List<String[]> cachedHouseholds(HttpClient http, String base, String auth)
			throws IOException, InterruptedException {
		java.nio.file.Path cache = java.nio.file.Path.of("target",
				"control-load-households-" + URI.create(base).getPort() + ".tsv");
		if (java.nio.file.Files.exists(cache)) {
			var result = new java.util.ArrayList<String[]>();
			for (String line : java.nio.file.Files.readAllLines(cache)) {
				result.add(line.split("\t", 2));
			}
			if (!result.isEmpty()) {
				return result;
			}
		}
		java.util.List<String[]> result = households(http, base, auth);
		java.nio.file.Files.createDirectories(cache.getParent());
		java.nio.file.Files.write(cache, result.stream().map(h -> h[0] + "\t" + h[1]).toList());
		return result;
	}

	/**
	 * [town name, registered address] of households, from the person API (residents only): the addresses pushed lists
	 * name most. Needs a reading budget above the demo population (GRIDGUARD_PERSON_READS_PER_MINUTE).
	 */
	static java.util.List<String[]> households(HttpClient http, String base, String auth)
			throws IOException, InterruptedException {
		var towns = new java.util.HashMap<String, String>();
		Pattern node = Pattern.compile("\\{\"code\":\"(\\d+)\",\"name\":\"([^\"]+)\"");
		Matcher t = node.matcher(get(http, base + "/api/v1/regions/330784/children", auth));
		while (t.find()) {
			towns.put(t.group(1), t.group(2));
		}
		Pattern person = Pattern.compile("\"regionCode\":\"(\\d{15})\",\"address\":\"([^\"]+)\",\"resident\":true");
		var seen = new java.util.LinkedHashMap<String, String>();
		// by town, so that pages stay short; only residents' addresses are registered households
		for (var town : towns.entrySet()) {
			for (int page = 0; page < 200; page++) {
				String body = get(http, base + "/api/v1/persons?size=500&region=" + town.getKey() + "&page=" + page,
						auth);
				Matcher m = person.matcher(body);
				while (m.find()) {
					seen.putIfAbsent(m.group(2), town.getValue());
				}
				if (body.contains("\"items\":[]") || !body.contains("\"items\"")) {
					break;
				}
			}
		}
		var result = new java.util.ArrayList<String[]>();
		seen.forEach((address, town) -> result.add(new String[] { town, address }));
		return result;
	}

	/** A registered household's address as lists write it: as registered, with city and town, or in another spelling. */
	static String household(SplittableRandom random, String[] household) {
		String address = household[1];
		return switch (random.nextInt(3)) {
			case 0 -> address;
			case 1 -> "永康市" + household[0] + address;
			default -> "浙江省金华市永康市" + address.replace("幢", "-").replace("单元", "-").replace("室", "");
		};
	}

	/** A pushed list: valid identity numbers born 1930-1999 outside the demo population's prefix. */
	static byte[] generate(int rows, long seed, int list, int hoursAgo, java.util.List<String[]> villages,
			java.util.List<String[]> households) {
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
			String address = !households.isEmpty() && random.nextInt(100) < 60
					? household(random, households.get(random.nextInt(households.size())))
					: address(random, i, villages);
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
