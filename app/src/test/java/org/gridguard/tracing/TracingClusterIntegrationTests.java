package org.gridguard.tracing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.gridguard.venue.CheckInStream;
import org.gridguard.venue.StreamProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Distributed mode against a real Kafka broker (KRaft, in-process; no Spring context, no database): tracing nodes in
 * one consumer group, each with its own contact index, queried through scatter-gather and compared row by row with
 * one single-node index fed the same check-ins.
 */
class TracingClusterIntegrationTests {

	private static final int PARTITIONS = 6;

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final Instant NOW = Instant.parse("2026-12-06T04:00:00Z");

	private static EmbeddedKafkaKraftBroker broker;

	private static Admin admin;

	private final Clock clock = Clock.fixed(NOW, ZONE);

	private final List<Node> nodes = new ArrayList<>();

	private KafkaProducer<byte[], byte[]> producer;

	private TracingIndex reference;

	private String topic;

	private String group;

	private final SplittableRandom random = new SplittableRandom(20261206);

	@BeforeAll
	static void startBroker() throws Exception {
		// without a Spring context logging is not configured: keep the broker's chatter out of the test output
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.kafka"))
			.setLevel(ch.qos.logback.classic.Level.ERROR);
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("kafka"))
			.setLevel(ch.qos.logback.classic.Level.ERROR);
		broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
		broker.afterPropertiesSet();
		admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
		// one topic per test, all created now and led before the first check-in is sent to any of them
		var topics = new ArrayList<NewTopic>();
		for (var method : TracingClusterIntegrationTests.class.getDeclaredMethods()) {
			if (method.isAnnotationPresent(Test.class)) {
				topics.add(new NewTopic("check-ins-" + method.getName(), PARTITIONS, (short) 1));
			}
		}
		admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
		var names = topics.stream().map(NewTopic::name).toList();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
			.allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()))
				&& System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		Thread.sleep(500);
	}

	@AfterAll
	static void stopBroker() {
		admin.close();
		broker.destroy();
	}

	@BeforeEach
	void topic(TestInfo test) {
		topic = "check-ins-" + test.getTestMethod().orElseThrow().getName();
		group = "tracing-" + test.getTestMethod().orElseThrow().getName();
		producer = new KafkaProducer<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
				new ByteArraySerializer(), new ByteArraySerializer());
		reference = index();
	}

	@AfterEach
	void stopNodes() {
		nodes.forEach(Node::stop);
		producer.close(Duration.ofSeconds(5));
		reference.destroy();
	}

	@Test
	void scatterGatherAnswersTheSameRowsAsOneIndexWithOneTwoAndThreeNodes() throws Exception {
		produce(6_000);
		Node a = start(TracingNode.History.NONE);
		assertSameAsReference(a);
		Node b = start(TracingNode.History.NONE);
		produce(2_000);
		assertSameAsReference(b);
		start(TracingNode.History.NONE);
		produce(2_000);
		assertSameAsReference(a);
		assertSameAsReference(b);
		assertThat(nodes.stream().mapToLong(n -> n.index.checkIns()).max().orElseThrow())
			.as("each node holds a part").isLessThan(10_000);
	}

	@Test
	void noAcknowledgedCheckInIsLostWhenANodeStopsAndStartsAgain() throws Exception {
		produce(5_000);
		Node a = start(TracingNode.History.NONE);
		Node b = start(TracingNode.History.NONE);
		assertSameAsReference(a);
		b.stop();
		produce(3_000); // acknowledged while b is down: its partitions move to a
		assertSameAsReference(a);
		Node restarted = start(TracingNode.History.NONE);
		produce(1_000);
		assertSameAsReference(a);
		assertSameAsReference(restarted);
		assertThat(restarted.index.checkIns()).as("the restarted node rebuilt its partitions from the topic")
			.isGreaterThan(0);
	}

	@Test
	void aQueryDuringARebalanceWaitsForTheNewOwnerOrFailsNamingThePartitions() throws Exception {
		produce(4_000);
		Node a = start(TracingNode.History.NONE);
		assertSameAsReference(a);
		var entered = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		Node slow = start((partition, below, sink) -> {
			entered.countDown();
			try {
				release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return 0;
		});
		assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();
		// partitions moved to a node still rebuilding, and check-ins acknowledged since: a cannot answer for them
		produce(2_000);
		var all = new org.gridguard.trace.ContactQuery(0, a.index.seconds(NOW.plus(Duration.ofDays(1))), 0, 0);
		try (ScatterGather impatient = a.scatter(Duration.ofMillis(500))) {
			assertThatThrownBy(() -> impatient.contacts(persons(50), all, (i, c, v, s, e) -> {
			})).isInstanceOfSatisfying(TracingUnavailable.class,
					ex -> assertThat(ex.partitions()).isNotEmpty().allMatch(p -> p >= 0 && p < PARTITIONS));
		}
		// a patient query started now waits for the new owner and answers in full
		Future<List<String>> inFlight = CompletableFuture.supplyAsync(() -> rows(a, persons(300), query(0, 0)));
		Thread.sleep(300);
		release.countDown();
		assertThat(inFlight.get(60, TimeUnit.SECONDS)).isEqualTo(rows(reference, persons(300), query(0, 0)));
		assertSameAsReference(slow);
	}

	@Test
	void aCheckInDeliveredAgainIsCountedOnce() throws Exception {
		produce(3_000);
		Node a = start(TracingNode.History.NONE);
		assertSameAsReference(a);
		assertThat(a.index.checkIns()).isEqualTo(3_000);
		a.node.rewind();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (a.node.redelivered() < 3_000 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(a.node.redelivered()).as("Kafka delivered the first records again").isEqualTo(3_000);
		produce(10);
		assertSameAsReference(a);
		assertThat(a.index.checkIns()).isEqualTo(3_010);
	}

	// ------------------------------------------------------------------ helpers

	private void assertSameAsReference(Node node) {
		int[] everyone = persons(400);
		for (ContactQueryCase q : List.of(new ContactQueryCase(0, 0), new ContactQueryCase(1_800, 0),
				new ContactQueryCase(0, 600))) {
			assertThat(rows(node, everyone, query(q.tolerance, q.minOverlap)))
				.as("Q2, tolerance %d, minimum overlap %d", q.tolerance, q.minOverlap)
				.isEqualTo(rows(reference, everyone, query(q.tolerance, q.minOverlap)))
				.isNotEmpty();
		}
		for (int person : persons(15)) {
			assertThat(rows(node, new int[] { person }, query(0, 0))).as("Q1 of %d", person)
				.isEqualTo(rows(reference, new int[] { person }, query(0, 0)));
		}
	}

	private record ContactQueryCase(int tolerance, int minOverlap) {
	}

	private ContactQueryCase query(int tolerance, int minOverlap) {
		return new ContactQueryCase(tolerance, minOverlap);
	}

	private List<String> rows(Node node, int[] persons, ContactQueryCase q) {
		return rows(node.index, persons, q);
	}

	/** Through the index's public query (scatter-gather for a node, local for the reference), sorted. */
	private List<String> rows(TracingIndex index, int[] persons, ContactQueryCase q) {
		var rows = new TreeSet<String>();
		long[] ids = java.util.Arrays.stream(persons).asLongStream().toArray();
		long n = index.contacts(ids, NOW.minus(Duration.ofDays(5)), NOW.plus(Duration.ofDays(1)), q.tolerance,
				q.minOverlap, (i, c, v, s, e) -> assertThat(rows.add(i + " " + c + " " + v + " " + s + " " + e))
					.as("each pair once").isTrue());
		assertThat(n).isEqualTo(rows.size());
		return new ArrayList<>(rows);
	}

	private int[] persons(int n) {
		int[] p = new int[n];
		for (int i = 0; i < n; i++) {
			p[i] = 1 + i * 7 % 2_000;
		}
		return p;
	}

	/** Check-ins of 2,000 persons at 40 venues over three days, acknowledged by Kafka, and fed to the reference. */
	private void produce(int n) throws Exception {
		var acks = new ArrayList<Future<RecordMetadata>>();
		var venues = new ArrayList<Integer>();
		long base = NOW.getEpochSecond() - 3 * 86_400;
		for (int i = 0; i < n; i++) {
			long person = 1 + random.nextInt(2_000);
			int venue = 1 + random.nextInt(40);
			long at = base + random.nextInt(3 * 86_400 - 4 * 3_600);
			long until = at + 120 + random.nextInt(4 * 3_600 - 120);
			acks.add(producer.send(new ProducerRecord<>(topic, CheckInStream.key(venue),
					CheckInStream.value(person, venue, at, until))));
			venues.add(venue);
			reference.append(person, venue, at, until);
		}
		for (int i = 0; i < acks.size(); i++) {
			// the history of check-ins stored before distributed mode is split by the producer's own partitioner
			assertThat(acks.get(i).get(30, TimeUnit.SECONDS).partition())
				.isEqualTo(CheckInStream.partitionOf(venues.get(i), PARTITIONS));
		}
	}

	private TracingIndex index() {
		var index = new TracingIndex(null, clock, 21, Duration.ofMinutes(30), Duration.ofHours(4), 1,
				new StreamProperties("kafka", broker.getBrokersAsString(), "unused", PARTITIONS, (short) 1,
						Duration.ofDays(28), null));
		index.rebuild(); // distributed mode: ready at once, the node's offsets decide what a query waits for
		return index;
	}

	private Node start(TracingNode.History history) {
		var node = new Node(index(), history);
		nodes.add(node);
		return node;
	}

	private final class Node {

		final TracingIndex index;

		final TracingNode node;

		final ScatterGather scatter;

		Node(TracingIndex index, TracingNode.History history) {
			this.index = index;
			var props = new HashMap<String, Object>();
			props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
			props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 300);
			this.node = new TracingNode(index, props, group, topic, PARTITIONS, history);
			node.start();
			scatter = scatter(Duration.ofSeconds(60));
			index.useCluster(scatter);
		}

		/** A coordinator on this node asking every running node, in-process. */
		ScatterGather scatter(Duration wait) {
			return new ScatterGather(timeout -> endOffsets(), PARTITIONS, this::peers, wait);
		}

		private List<TracingPeer> peers() {
			var peers = new ArrayList<TracingPeer>();
			for (Node n : nodes) {
				if (n.node.isRunning()) {
					peers.add(TracingPeer.local(n.node));
				}
			}
			if (!peers.isEmpty() && !nodes.contains(this)) {
				peers.add(TracingPeer.local(node));
			}
			return peers.isEmpty() ? List.of(TracingPeer.local(node)) : peers;
		}

		void stop() {
			node.stop();
			scatter.close();
			index.destroy();
		}

	}

	private long[] endOffsets() {
		var specs = new HashMap<TopicPartition, OffsetSpec>();
		for (int p = 0; p < PARTITIONS; p++) {
			specs.put(new TopicPartition(topic, p), OffsetSpec.latest());
		}
		try {
			long[] ends = new long[PARTITIONS];
			admin.listOffsets(specs).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends[tp.partition()] = info.offset());
			return ends;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
