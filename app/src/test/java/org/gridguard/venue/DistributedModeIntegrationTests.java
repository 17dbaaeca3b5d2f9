package org.gridguard.venue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.gridguard.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application in distributed mode as an operator runs it: its own context against a real in-process Kafka broker
 * (KRaft) and the embedded PostgreSQL, driven through the public API. The context and the broker are closed when the
 * class ends, in that order, so that the consumers leave a broker that is still there.
 */
@ExtendWith(DistributedModeIntegrationTests.StopBrokerAfterContext.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"gridguard.stream.mode=kafka", "gridguard.stream.topic=check-ins-distributed-mode",
		"gridguard.stream.partitions=" + DistributedModeIntegrationTests.PARTITIONS,
		"gridguard.tracing.cluster.secret=" + DistributedModeIntegrationTests.SECRET,
		"gridguard.tracing.cluster.query-wait=2s" })
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DistributedModeIntegrationTests {

	static final int PARTITIONS = 4;

	static final String SECRET = "node-secret-for-tests";

	private static final String ADMIN = TestHttp.basic("admin", "admin-test-password");

	private static final String CDC = TestHttp.basic("cdc", "demo-test-password");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static EmbeddedKafkaKraftBroker broker;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckInStream stream;

	@Autowired
	CheckInHistory history;

	@DynamicPropertySource
	static void broker(DynamicPropertyRegistry registry) {
		if (broker == null) {
			broker = new EmbeddedKafkaKraftBroker(1, 1);
			broker.afterPropertiesSet();
		}
		registry.add("gridguard.stream.bootstrap-servers", broker::getBrokersAsString);
	}

	/** Stops the broker after the context closed (the Spring extension's own callback runs before this one). */
	static final class StopBrokerAfterContext implements AfterAllCallback {

		@Override
		public void afterAll(ExtensionContext extension) {
			if (broker != null) {
				broker.destroy();
				broker = null;
			}
		}

	}

	@Test
	void aCheckInIsAcknowledgedOnceKafkaHoldsItAndStoredOnceEvenWhenDeliveredAgain() throws Exception {
		Place venue = register("分布式测试超市");
		OffsetDateTime at = now().minusMinutes(20);
		HttpResponse<String> accepted = checkIn(venue, VenueFixtures.idNumber(), at, at.plusMinutes(10));
		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(accepted.body()).get("accepted").asInt()).isEqualTo(1);

		// acknowledged: the topic already holds it when the answer arrives
		List<ConsumerRecord<byte[], byte[]>> held = records(CheckInStream.partitionOf((int) venue.id(), PARTITIONS), venue);
		assertThat(held).hasSize(1);
		var decoded = new ArrayList<Long>();
		CheckInStream.decode(held.get(0).value(), (person, v, arrival, until) -> decoded.addAll(List.of(v, arrival, until)));
		assertThat(decoded).containsExactly(venue.id(), at.toEpochSecond(), at.plusMinutes(10).toEpochSecond());

		// the history writes it to PostgreSQL with its place in the stream
		await(() -> rows(venue).size() == 1);
		assertThat(rows(venue)).containsExactly(held.get(0).partition() + "/" + held.get(0).offset());

		// Kafka delivers everything again: nothing is stored twice
		long before = history.redelivered();
		long stored = jdbc.sql("SELECT count(*) FROM venue_check_in WHERE stream_offset IS NOT NULL").query(Long.class)
			.single();
		history.rewind();
		await(() -> history.redelivered() - before >= stored);
		HttpResponse<String> next = checkIn(venue, VenueFixtures.idNumber(), at.plusMinutes(1), at.plusMinutes(5));
		assertThat(next.statusCode()).isEqualTo(200);
		await(() -> rows(venue).size() == 2);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM (SELECT 1 FROM venue_check_in WHERE stream_offset IS NOT NULL
				GROUP BY stream_partition, stream_offset HAVING count(*) > 1) AS twice""").query(Long.class).single())
			.isZero();
		// every record of the topic (all recent check-ins through the API) is stored once
		long inTopic = java.util.Arrays.stream(stream.endOffsets(Duration.ofSeconds(10))).sum();
		await(() -> jdbc.sql("SELECT count(*) FROM venue_check_in WHERE stream_offset IS NOT NULL").query(Long.class)
			.single() == inTopic);
	}

	@Test
	void aCoPresenceQueryThroughTheApiFindsAPairCheckedInThroughKafka() throws Exception {
		Place venue = register("分布式测试菜场");
		String index = VenueFixtures.idNumber();
		String contact = VenueFixtures.idNumber();
		OffsetDateTime at = now().minusMinutes(50);
		assertThat(checkIn(venue, index, at, at.plusMinutes(30)).statusCode()).isEqualTo(200);
		assertThat(checkIn(venue, contact, at.plusMinutes(10), at.plusMinutes(40)).statusCode()).isEqualTo(200);

		HttpResponse<String> answer = query(index);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		JsonNode contacts = JSON.readTree(answer.body()).get("contacts");
		assertThat(contacts.size()).isEqualTo(1);
		assertThat(contacts.get(0).get("contactIdNumber").asString()).isEqualTo(contact);
		assertThat(contacts.get(0).get("venueCode").asString()).isEqualTo(venue.code());
		assertThat(OffsetDateTime.parse(contacts.get(0).get("overlapStart").asString()).toInstant())
			.isEqualTo(at.plusMinutes(10).toInstant());
		assertThat(OffsetDateTime.parse(contacts.get(0).get("overlapEnd").asString()).toInstant())
			.isEqualTo(at.plusMinutes(30).toInstant());
	}

	@Test
	void theInternalEndpointRefusesACallerWithoutTheNodesSecret() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (String secret : new String[] { null, "wrong-secret" }) {
			var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/internal/tracing/contacts"))
				.header("Content-Type", "application/octet-stream")
				.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[16]));
			if (secret != null) {
				request.header("X-GridGuard-Node-Secret", secret);
			}
			HttpResponse<String> refused = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(refused.statusCode()).as("secret %s", secret).isEqualTo(403);
		}
	}

	@Test
	void aQueryWhosePartitionsNoNodeCoversAnswers503AndAnswersInFullOnceTheyAreBack() throws Exception {
		var venues = new HashMap<Integer, Place>();
		for (int i = 0; venues.size() < PARTITIONS && i < 40; i++) {
			Place venue = register("分区测试场所" + i);
			venues.putIfAbsent(CheckInStream.partitionOf((int) venue.id(), PARTITIONS), venue);
		}
		assertThat(venues).hasSize(PARTITIONS);
		String index = VenueFixtures.idNumber();
		String contact = VenueFixtures.idNumber();
		OffsetDateTime at = now().minusMinutes(30);
		// another member joins the tracing group and takes partitions, but no node asks it
		try (var stranger = new KafkaConsumer<>(consumerProperties("gridguard-tracing"), new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			var owned = new TreeSet<Integer>();
			stranger.subscribe(List.of(stream.topic()), new ConsumerRebalanceListener() {
				@Override
				public void onPartitionsRevoked(java.util.Collection<TopicPartition> revoked) {
					revoked.forEach(tp -> owned.remove(tp.partition()));
				}

				@Override
				public void onPartitionsAssigned(java.util.Collection<TopicPartition> assigned) {
					assigned.forEach(tp -> owned.add(tp.partition()));
				}
			});
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (owned.isEmpty() && System.nanoTime() < deadline) {
				stranger.poll(Duration.ofMillis(100));
			}
			assertThat(owned).isNotEmpty();
			Place taken = venues.get(owned.first());
			assertThat(checkIn(taken, index, at, at.plusMinutes(20)).statusCode()).isEqualTo(200);
			assertThat(checkIn(taken, contact, at.plusMinutes(5), at.plusMinutes(25)).statusCode()).isEqualTo(200);

			HttpResponse<String> unavailable = query(index);
			assertThat(unavailable.statusCode()).as(unavailable.body()).isEqualTo(503);
			assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("5");
			JsonNode error = JSON.readTree(unavailable.body()).get("errors").get(0);
			assertThat(error.get("field").asString()).isEqualTo("idNumbers");
			assertThat(error.get("message").asString()).contains("追踪节点正在重新分配或重建").contains("未返回部分结果");
		}
		// the member left: its partitions return to this node, which catches up and answers in full
		await(() -> query(index).statusCode() == 200);
		JsonNode contacts = JSON.readTree(query(index).body()).get("contacts");
		assertThat(contacts.size()).isEqualTo(1);
		assertThat(contacts.get(0).get("contactIdNumber").asString()).isEqualTo(contact);
	}

	@Test
	void aNodeTakingAPartitionLoadsFromPostgreSqlWhatTheTopicNoLongerHoldsAndTheRowsStoredBeforeTheSwitch()
			throws Exception {
		Place here = register("历史分区场所");
		int partition = CheckInStream.partitionOf((int) here.id(), PARTITIONS);
		Place elsewhere = register("历史其他分区场所");
		for (int i = 0; CheckInStream.partitionOf((int) elsewhere.id(), PARTITIONS) == partition && i < 20; i++) {
			elsewhere = register("历史其他分区场所" + i);
		}
		assertThat(CheckInStream.partitionOf((int) elsewhere.id(), PARTITIONS)).isNotEqualTo(partition);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant from = now.minus(Duration.ofDays(3));
		long dropped = 1_000_000_000L; // the topic's first offset: below it only PostgreSQL still holds the check-ins
		try {
			store(here, 1, now.minus(Duration.ofHours(3)), partition, dropped - 10); // left the topic: loaded
			store(here, 2, now.minus(Duration.ofHours(2)), null, null); // stored before the switch: loaded
			store(here, 3, now.minus(Duration.ofHours(1)), partition, dropped + 10); // the topic holds it: not
			store(here, 4, from.minus(Duration.ofHours(1)), null, null); // older than the retention: not
			store(elsewhere, 5, now.minus(Duration.ofHours(2)), null, null); // another partition's venue: not
			store(elsewhere, 6, now.minus(Duration.ofHours(2)), (partition + 1) % PARTITIONS, dropped - 5); // not

			var loaded = new TreeSet<String>();
			Place other = elsewhere;
			stream.history(partition, dropped, from, (person, venue, at, until) -> {
				if (venue == here.id() || venue == other.id()) {
					loaded.add(person % 1_000 + "@" + venue + " " + Instant.ofEpochSecond(at) + "-"
							+ Instant.ofEpochSecond(until));
				}
			});
			Instant first = now.minus(Duration.ofHours(3));
			Instant second = now.minus(Duration.ofHours(2));
			assertThat(loaded).containsExactly("1@" + here.id() + " " + first + "-" + first.plusSeconds(600),
					"2@" + here.id() + " " + second + "-" + second.plusSeconds(600));
		}
		finally {
			jdbc.sql("DELETE FROM venue_check_in WHERE venue_id IN (?, ?)").params(here.id(), elsewhere.id()).update();
		}
	}

	// ------------------------------------------------------------------ helpers

	/** A row as the history writes it (with its place in the stream) or as stored before distributed mode (none). */
	private void store(Place venue, int person, Instant at, Integer partition, Long offset) {
		jdbc.sql("INSERT INTO venue_check_in (at, until, venue_id, person_id, left_at, colour, admitted, channel, "
				+ "stream_partition, stream_offset) VALUES (?, ?, ?, ?, NULL, 'GREEN', true, 'API', ?, ?)")
			.params(java.sql.Timestamp.from(at), java.sql.Timestamp.from(at.plusSeconds(600)), venue.id(),
					900_000_000L + person, partition, offset)
			.update();
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
	}

	private Place register(String name) throws Exception {
		HttpResponse<String> created = TestHttp.anonymous(port).api("POST", "/api/v1/venues",
				JSON.writeValueAsString(Map.of("name", name, "category", "MALL_SUPERMARKET", "townCode", "330784001",
						"address", "测试路 1 号", "managerName", "测试", "managerPhone", "13800001111")),
				ADMIN);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode body = JSON.readTree(created.body());
		return new Place(body.get("id").asLong(), body.get("code").asString());
	}

	private record Place(long id, String code) {
	}

	private HttpResponse<String> checkIn(Place venue, String idNumber, OffsetDateTime at, OffsetDateTime leftAt)
			throws Exception {
		return TestHttp.anonymous(port).api("POST", "/api/v1/checkins", JSON.writeValueAsString(Map.of("checkins",
				List.of(Map.of("venueCode", venue.code(), "idNumber", idNumber, "at", at.toString(), "leftAt",
						leftAt.toString())))), ADMIN);
	}

	private HttpResponse<String> query(String idNumber) {
		OffsetDateTime now = now();
		String body = "{\"idNumbers\":[\"" + idNumber + "\"],\"from\":\"" + now.minusDays(1) + "\",\"to\":\""
				+ now.plusHours(1) + "\",\"toleranceMinutes\":0,\"minOverlapMinutes\":0}";
		return TestHttp.anonymous(port).api("POST", "/api/v1/tracing/queries", body, CDC);
	}

	/** The stored rows of a venue, as partition/offset. */
	private List<String> rows(Place venue) {
		return jdbc.sql("SELECT stream_partition || '/' || stream_offset FROM venue_check_in WHERE venue_id = ? "
				+ "ORDER BY stream_offset").param(venue.id()).query(String.class).list();
	}

	/** The records of a venue in its partition, read up to the end offset as it is now. */
	private List<ConsumerRecord<byte[], byte[]>> records(int partition, Place venue) {
		var tp = new TopicPartition(stream.topic(), partition);
		long end = stream.endOffsets(Duration.ofSeconds(10))[partition];
		var found = new ArrayList<ConsumerRecord<byte[], byte[]>>();
		try (var reader = new KafkaConsumer<>(consumerProperties(null), new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			reader.assign(List.of(tp));
			reader.seekToBeginning(List.of(tp));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (reader.position(tp) < end && System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
					if (java.util.Arrays.equals(record.key(), CheckInStream.key((int) venue.id()))) {
						found.add(record);
					}
				}
			}
		}
		return found;
	}

	private Map<String, Object> consumerProperties(String group) {
		var props = new HashMap<String, Object>(stream.clientProperties());
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		if (group != null) {
			props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
			props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
					"org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
		}
		return props;
	}

	private static void await(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition met within 30 s").isLessThan(deadline);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
