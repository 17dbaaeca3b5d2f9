package org.gridguard.venue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.gridguard.GridGuardApplication;
import org.gridguard.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An acknowledged check-in is durable: a real server (its own JVM, durable embedded PostgreSQL) takes concurrent
 * batches, is killed with SIGKILL in the middle of them (and its database server with it), and after a restart on the
 * same data directory every check-in it had acknowledged is there; the batches that got no answer, sent again with
 * their idempotency keys, are then stored, and none twice.
 */
class DurabilityIntegrationTests {

	private static final String PASSWORD = "durability-admin-password";

	private static final String AUTH = TestHttp.basic("admin", PASSWORD);

	@TempDir
	Path dir;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void everyAcknowledgedCheckInSurvivesAKillAndARestart() throws Exception {
		int port = freePort();
		int pgPort = freePort();
		Process server = start(port, pgPort);
		Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
		Map<Long, String> unanswered = new ConcurrentHashMap<>();
		long base;
		long venueId;
		String code;
		try {
			awaitUp(port, server);
			JsonNode venue = json.readTree(call(port, "/api/v1/venues", """
					{"name":"持久性测试商场","category":"MALL_SUPERMARKET","townCode":"330784001","address":"测试路 9 号",
					 "managerName":"测试","managerPhone":"13800004444"}""").body());
			venueId = venue.get("id").asLong();
			code = venue.get("code").asString();
			List<String> people = new ArrayList<>();
			for (int i = 0; i < 500; i++) {
				people.add(VenueFixtures.idNumber());
			}
			// every check-in gets its own arrival second, so that the stored rows say which items were kept
			base = Instant.now().minus(Duration.ofHours(7)).getEpochSecond();
			AtomicLong next = new AtomicLong();
			AtomicInteger batches = new AtomicInteger();
			ExecutorService clients = Executors.newFixedThreadPool(4);
			for (int c = 0; c < 4; c++) {
				clients.submit(() -> {
					while (!Thread.currentThread().isInterrupted()) {
						long first = next.getAndAdd(250);
						var items = new StringBuilder("{\"checkins\":[");
						for (int i = 0; i < 250; i++) {
							items.append(i == 0 ? "" : ",").append("{\"venueCode\":\"").append(code)
								.append("\",\"idNumber\":\"").append(people.get((int) ((first + i) % people.size())))
								.append("\",\"at\":\"").append(OffsetDateTime.ofInstant(Instant.ofEpochSecond(base + first + i),
										ZoneOffset.ofHours(8)))
								.append("\"}");
						}
						items.append("],\"idempotencyKey\":\"durability-").append(first).append("\"}");
						unanswered.put(first, items.toString());
						try {
							HttpResponse<String> response = call(port, "/api/v1/checkins", items.toString());
							if (response.statusCode() == 200) {
								json.readTree(response.body()).get("results")
									.forEach(r -> acknowledged.add(base + first + r.get("index").asInt()));
								batches.incrementAndGet();
								unanswered.remove(first);
							}
						}
						catch (IOException | RuntimeException ex) {
							return; // the server is gone
						}
					}
					return;
				});
			}
			long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
			while (acknowledged.size() < 15_000 && System.nanoTime() < deadline && server.isAlive()) {
				Thread.sleep(20);
			}
			// SIGKILL while the clients are still sending: no shutdown hook, no last flush; then the database server
			// too, so that only what was flushed to the write-ahead log counts (crash recovery at the restart)
			server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			killPostgres(dir.resolve("data").resolve("pg"));
			clients.shutdownNow();
			clients.awaitTermination(30, TimeUnit.SECONDS);
			assertThat(batches.get()).as("batches acknowledged before the kill").isGreaterThan(10);
		}
		finally {
			server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		Set<Long> snapshot = new HashSet<>(acknowledged);
		Process again = start(port, pgPort);
		try {
			awaitUp(port, again);
			Set<Long> stored = storedArrivals(pgPort, venueId, dir);
			assertThat(snapshot).hasSizeGreaterThanOrEqualTo(10_000);
			var lost = new HashSet<>(snapshot);
			lost.removeAll(stored);
			assertThat(lost).as("acknowledged check-ins missing after the restart").isEmpty();

			// the clients send again, with the same keys, every batch they got no answer for: some of them had been
			// stored before the kill, and none may be stored twice
			assertThat(unanswered).as("batches in flight at the kill").isNotEmpty();
			Set<Long> retried = new HashSet<>();
			for (var batch : unanswered.entrySet()) {
				HttpResponse<String> response = call(port, "/api/v1/checkins", batch.getValue());
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				json.readTree(response.body()).get("results")
					.forEach(r -> retried.add(base + batch.getKey() + r.get("index").asInt()));
			}
			assertThat(retried).hasSize(250 * unanswered.size());
			try (Connection con = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/gridguard", "gridguard",
				java.nio.file.Files.readString(dir.resolve("data/keys/db-gridguard.password")).strip());
					PreparedStatement ps = con.prepareStatement("""
							SELECT extract(epoch FROM at)::bigint FROM venue_check_in WHERE venue_id = ?
							GROUP BY at HAVING count(*) > 1""")) {
				ps.setLong(1, venueId);
				try (ResultSet rs = ps.executeQuery()) {
					assertThat(rs.next()).as("a check-in stored twice").isFalse();
				}
			}
			assertThat(storedArrivals(pgPort, venueId, dir)).containsAll(retried).containsAll(snapshot);
			HttpResponse<String> after = call(port, "/api/v1/checkins", "{\"checkins\":[{\"venueCode\":\"" + code
					+ "\",\"idNumber\":\"" + VenueFixtures.idNumber() + "\",\"at\":\"" + OffsetDateTime.now() + "\"}]}");
			assertThat(after.statusCode()).isEqualTo(200);
			assertThat(after.body()).contains("\"accepted\":1");
		}
		finally {
			again.destroy();
			if (!again.waitFor(60, TimeUnit.SECONDS)) {
				again.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	private static Set<Long> storedArrivals(int pgPort, long venueId, Path dir) throws Exception {
		Set<Long> stored = new HashSet<>();
		try (Connection con = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/gridguard", "gridguard",
				java.nio.file.Files.readString(dir.resolve("data/keys/db-gridguard.password")).strip());
				PreparedStatement ps = con.prepareStatement(
						"SELECT extract(epoch FROM at)::bigint FROM venue_check_in WHERE venue_id = ?")) {
			ps.setLong(1, venueId);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					stored.add(rs.getLong(1));
				}
			}
		}
		return stored;
	}

	private static void killPostgres(Path dataDir) throws Exception {
		long pid = Long.parseLong(java.nio.file.Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
		ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
		List<ProcessHandle> backends = postmaster.children().toList();
		postmaster.destroyForcibly();
		postmaster.onExit().get(30, TimeUnit.SECONDS);
		for (ProcessHandle backend : backends) {
			backend.destroyForcibly();
			backend.onExit().get(30, TimeUnit.SECONDS);
		}
	}

	private Process start(int port, int pgPort) throws IOException {
		return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-cp",
				System.getProperty("java.class.path"), GridGuardApplication.class.getName(), "--server.port=" + port,
				"--gridguard.data-dir=" + dir.resolve("data"), "--gridguard.database.embedded.port=" + pgPort,
				"--gridguard.demo.enabled=false", "--gridguard.admin.password=" + PASSWORD,
				"--gridguard.crypto.key=dGVzdC1rZXktZm9yLWdyaWRndWFyZC10ZXN0cy0zMi1ieXRlcyE=",
				"--logging.level.root=WARN")
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("server-" + port + "-" + System.nanoTime() + ".log").toFile())
			.start();
	}

	private void awaitUp(int port, Process server) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(server.isAlive()).as("server process running").isTrue();
			try {
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
						+ "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new AssertionError("server did not start within 180 s");
	}

	private HttpResponse<String> call(int port, String path, String body) throws IOException {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", AUTH)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
