package org.gridguard.tracing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.gridguard.trace.ContactQuery;
import org.gridguard.venue.CheckInStream;
import org.gridguard.venue.StreamProperties;

/**
 * The figures of distributed mode (docs/scale.md), against a running Kafka broker (the launcher): not a test, run on
 * demand with the test class path ({@code java -cp ... org.gridguard.tracing.TracingClusterFigures localhost:19092}).
 * A workload shaped like BENCH.md at a tenth (100,000 persons, 2,000 venues, 14 days, Zipf venues, the hour weights,
 * log-normal visits and stays) goes through the producer settings of the application (acks=all, idempotent) into a
 * topic of 12 partitions while one tracing node consumes it (ingest rate, acknowledged → applied lag); then a fresh
 * node rebuilds from the topic (rebuild time); then Q1 and Q2 run through scatter-gather at 1, 2 and 3 nodes (the
 * other nodes answering over HTTP on this machine) against one index holding everything, rows compared.
 */
final class TracingClusterFigures {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final int PARTITIONS = 12;

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		// like Tomcat in the application: answers are not held back by Nagle's algorithm
		System.setProperty("sun.net.httpserver.nodelay", "true");
		String bootstrap = args.length > 0 ? args[0] : "localhost:19092";
		int persons = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
		int venues = persons / 50;
		Instant now = Instant.parse("2026-12-06T04:00:00Z");
		Clock clock = Clock.fixed(now, ZONE);
		String topic = "figures-" + System.currentTimeMillis();
		Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		try (Admin admin = Admin.create(client)) {
			admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
			Thread.sleep(1_000);
			TracingIndex reference = index(clock, bootstrap);
			// ---------------------------------------------------------------- ingest with one node consuming
			TracingIndex first = index(clock, bootstrap);
			TracingNode consumer = new TracingNode(first, new HashMap<>(client), topic + "-a", topic, PARTITIONS,
					TracingNode.History.NONE);
			consumer.start();
			var props = new HashMap<String, Object>(client);
			props.put(ProducerConfig.ACKS_CONFIG, "all");
			props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
			props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
			props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
			props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
			long[] lagSamples = new long[4096];
			int[] samplePartition = new int[4096];
			long[] sampleOffset = new long[4096];
			AtomicLong lagCount = new AtomicLong();
			long[] lagged = new long[4096];
			// acknowledged (producer callback) -> applied by the owning node, so queryable
			Thread monitor = new Thread(() -> {
				for (int k = 0; k < lagged.length && !Thread.currentThread().isInterrupted(); k++) {
					while (lagCount.get() <= k || consumer.applied()[samplePartition[k]] <= sampleOffset[k]) {
						if (Thread.currentThread().isInterrupted()) {
							return;
						}
						java.util.concurrent.locks.LockSupport.parkNanos(100_000);
					}
					lagged[k] = System.nanoTime() - lagSamples[k];
				}
			});
			monitor.start();
			long rows;
			long t0;
			long ingestNanos;
			try (var producer = new KafkaProducer<byte[], byte[]>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
				long base = now.getEpochSecond() - 14 * 86_400L;
				SplittableRandom random = new SplittableRandom(20240301);
				double[] zipf = zipf(venues);
				double[] hours = { 0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 1, 3, 5, 5, 6, 7, 9, 8, 6, 6, 7, 9, 10, 9, 6, 4, 2, 1 };
				double[] hourCdf = cdf(hours);
				rows = 0;
				t0 = System.nanoTime();
				for (int p = 0; p < persons; p++) {
					int visits = (int) Math.max(1, Math.min(500, Math.round(Math.exp(Math.log(30) + 0.82 * gauss(random)))));
					for (int v = 0; v < visits; v++) {
						int venue = 1 + pick(zipf, random.nextDouble());
						long at = base + random.nextInt(14) * 86_400L + pick(hourCdf, random.nextDouble()) * 3_600L
								+ random.nextInt(3_600);
						long stay = random.nextInt(5) == 0 ? 1_800
								: Math.max(120, Math.min(14_400, Math.round(Math.exp(Math.log(1800) + 0.8 * gauss(random)))));
						long person = p + 1;
						reference.append(person, venue, at, at + stay);
						boolean sample = rows % 2_000 == 0;
						long sent = System.nanoTime();
						producer.send(new ProducerRecord<>(topic, CheckInStream.key(venue),
								CheckInStream.value(person, venue, at, at + stay)), sample ? (meta, ex) -> {
									int k = (int) lagCount.get();
									if (ex == null && k < lagSamples.length) {
										samplePartition[k] = meta.partition();
										sampleOffset[k] = meta.offset();
										lagSamples[k] = System.nanoTime();
										lagCount.set(k + 1);
									}
								} : null);
						rows++;
					}
				}
				producer.flush();
				ingestNanos = System.nanoTime() - t0;
			}
			long[] ends = endOffsets(admin, topic);
			waitApplied(consumer, ends);
			long appliedNanos = System.nanoTime() - t0;
			System.out.printf("ingest: %,d check-ins acknowledged (acks=all) in %.1f s = %,.0f/s; all applied by the node after %.1f s%n",
					rows, ingestNanos / 1e9, rows / (ingestNanos / 1e9), appliedNanos / 1e9);
			Thread.sleep(200);
			monitor.interrupt();
			long[] lags = Arrays.stream(lagged).filter(x -> x > 0).toArray();
			Arrays.sort(lags);
			System.out.printf("lag acknowledged -> applied: %d samples, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", lags.length,
					lags[lags.length / 2] / 1e6, lags[(int) (lags.length * 0.99)] / 1e6, lags[lags.length - 1] / 1e6);
			consumer.stop();
			first.destroy();
			// ---------------------------------------------------------------- fresh clusters of 1, 2 and 3 nodes
			reference.flush();
			SplittableRandom draw = new SplittableRandom(20240302);
			int[] q1 = new int[200];
			for (int i = 0; i < q1.length; i++) {
				q1[i] = 1 + draw.nextInt(persons);
			}
			int[] q2 = new int[1_000];
			for (int i = 0; i < q2.length; i++) {
				q2[i] = 1 + draw.nextInt(persons);
			}
			ContactQuery query = new ContactQuery(0, reference.seconds(now.plusSeconds(86_400)), 0, 0);
			report("single index", (p, s) -> reference.local(p, query, s), q1, q2, null);
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			for (int count = 1; count <= 3; count++) {
				String group = topic + "-tracing-" + count;
				var nodes = new ArrayList<TracingNode>();
				var indexes = new ArrayList<TracingIndex>();
				var servers = new ArrayList<HttpServer>();
				long r0 = System.nanoTime();
				for (int k = 0; k < count; k++) {
					TracingIndex index = index(clock, bootstrap);
					TracingNode node = new TracingNode(index, new HashMap<>(client), group, topic, PARTITIONS,
							TracingNode.History.NONE);
					node.start();
					nodes.add(node);
					indexes.add(index);
					if (k > 0) {
						servers.add(serve(node));
					}
				}
				var peers = new ArrayList<TracingPeer>();
				peers.add(TracingPeer.local(nodes.get(0)));
				for (HttpServer server : servers) {
					peers.add(new HttpTracingPeer(URI.create("http://localhost:" + server.getAddress().getPort()), "figures",
							http, Duration.ofSeconds(120)));
				}
				try (var scatter = new ScatterGather(t -> endOffsets(admin, topic), PARTITIONS, () -> peers,
						Duration.ofSeconds(120))) {
					// the first query waits until every partition has an owner that applied it: the cluster's rebuild
					scatter.contacts(new int[] { 1 }, query, (a, b, c, d, e) -> {
					});
					double rebuild = (System.nanoTime() - r0) / 1e9;
					long total = indexes.stream().mapToLong(TracingIndex::checkIns).sum();
					System.out.printf("%d node(s) started and rebuilt from the topic: %,d check-ins in %.1f s (%,.0f/s), "
							+ "per node %s, %.1f bytes per check-in%n", count, total, rebuild, total / rebuild,
							indexes.stream().map(i -> String.format("%,d", i.checkIns())).toList(),
							indexes.get(0).bytesPerCheckIn());
					report(count + " node(s), scatter-gather", (p, s) -> scatter.contacts(p, query, s), q1, q2,
							(p, s) -> reference.local(p, query, s));
				}
				servers.forEach(s -> s.stop(0));
				nodes.forEach(TracingNode::stop);
				indexes.forEach(TracingIndex::destroy);
			}
			reference.destroy();
			admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
		}
		System.exit(0); // the HTTP servers' worker threads
	}

	interface Run {

		long run(int[] persons, org.gridguard.trace.ContactSink sink);

	}

	private static void report(String what, Run run, int[] q1, int[] q2, Run check) {
		long[] times = new long[q1.length];
		long contacts = 0;
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < q1.length; i++) {
				long t = System.nanoTime();
				contacts += run.run(new int[] { q1[i] }, (a, b, c, d, e) -> {
				});
				times[i] = System.nanoTime() - t;
			}
		}
		Arrays.sort(times);
		long t = System.nanoTime();
		var rows = new ContactMerge();
		long pairs = run.run(q2, rows);
		long q2Nanos = System.nanoTime() - t;
		String same = "";
		if (check != null) {
			var expected = new ContactMerge();
			check.run(q2, expected);
			same = expected.size() == rows.size() && sameRows(expected, rows) ? ", rows identical to the single index"
					: ", ROWS DIFFER";
		}
		System.out.printf("%s: Q1 median %.2f ms, p99 %.2f ms (%,d contacts in the second round); Q2 %,d pairs in %.2f s%s%n",
				what, times[times.length / 2] / 1e6, times[(int) (times.length * 0.99)] / 1e6, contacts / 2, pairs,
				q2Nanos / 1e9, same);
	}

	private static boolean sameRows(ContactMerge a, ContactMerge b) {
		var left = new ArrayList<String>();
		var right = new ArrayList<String>();
		a.emit((i, c, v, s, e) -> left.add(i + " " + c + " " + v + " " + s + " " + e));
		b.emit((i, c, v, s, e) -> right.add(i + " " + c + " " + v + " " + s + " " + e));
		left.sort(null);
		right.sort(null);
		return left.equals(right);
	}

	/** The internal endpoint of a node, as TracingNodeEndpoint answers it, on the JDK's HTTP server. */
	private static HttpServer serve(TracingNode node) throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		server.createContext(NodeProtocol.PATH, exchange -> {
			var ask = NodeProtocol.readRequest(new DataInputStream(new BufferedInputStream(exchange.getRequestBody())));
			boolean[] covered = node.awaitCovered(ask.required(), ask.waitMillis());
			exchange.sendResponseHeaders(200, 0);
			var out = new DataOutputStream(new BufferedOutputStream(exchange.getResponseBody(), 1 << 16));
			NodeProtocol.writeCovered(out, covered);
			node.query(ask.persons(), ask.query(), NodeProtocol.rowWriter(out));
			NodeProtocol.writeEnd(out);
			exchange.close();
		});
		server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
		server.start();
		return server;
	}

	private static void waitApplied(TracingNode node, long[] ends) throws InterruptedException {
		while (true) {
			long[] applied = node.applied();
			boolean done = true;
			for (int p = 0; p < ends.length; p++) {
				done &= applied[p] >= ends[p];
			}
			if (done) {
				return;
			}
			Thread.sleep(5);
		}
	}

	private static long[] endOffsets(Admin admin, String topic) {
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

	private static TracingIndex index(Clock clock, String bootstrap) {
		var index = new TracingIndex(null, clock, 21, Duration.ofMinutes(30), Duration.ofHours(4), 2,
				new StreamProperties("kafka", bootstrap, "unused", PARTITIONS, (short) 1, Duration.ofDays(28), null));
		index.rebuild();
		return index;
	}

	private static double[] zipf(int venues) {
		double[] w = new double[venues];
		for (int r = 0; r < venues; r++) {
			w[r] = 1 / Math.pow(r + 1, 0.7);
		}
		return cdf(w);
	}

	private static double[] cdf(double[] w) {
		double[] c = new double[w.length];
		double sum = 0;
		for (double x : w) {
			sum += x;
		}
		double run = 0;
		for (int i = 0; i < w.length; i++) {
			run += w[i] / sum;
			c[i] = run;
		}
		return c;
	}

	private static int pick(double[] cdf, double u) {
		int i = Arrays.binarySearch(cdf, u);
		return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
	}

	private static double gauss(SplittableRandom random) {
		return StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble())) * StrictMath.cos(2 * Math.PI * random.nextDouble());
	}

	private TracingClusterFigures() {
	}

}
