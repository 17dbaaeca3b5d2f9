package org.gridguard.tracing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.gridguard.venue.StreamProperties;

/**
 * A tracing node alone in its own JVM, so that a test can kill it without a clean stop: arguments are the brokers, the
 * topic, the consumer group, the partitions, the session timeout in milliseconds and the clock's instant. It prints
 * {@code owned [..]} each time the partitions Kafka assigns it change.
 */
final class TracingNodeProcess {

	private TracingNodeProcess() {
	}

	public static void main(String[] args) throws InterruptedException {
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.ERROR);
		String brokers = args[0];
		int partitions = Integer.parseInt(args[3]);
		var index = new TracingIndex(null, Clock.fixed(Instant.parse(args[5]), ZoneId.of("Asia/Shanghai")), 21,
				Duration.ofMinutes(30), Duration.ofHours(4), 1,
				new StreamProperties("kafka", brokers, args[1], partitions, (short) 1, Duration.ofDays(28), null));
		index.rebuild();
		var props = new HashMap<String, Object>();
		props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, brokers);
		props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Integer.parseInt(args[4]));
		props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 300);
		var node = new TracingNode(index, props, args[2], args[1], partitions, TracingNode.History.NONE);
		node.start();
		List<Integer> said = null;
		while (true) {
			List<Integer> owned = node.owned();
			if (!owned.equals(said)) {
				System.out.println("owned " + owned);
				System.out.flush();
				said = owned;
			}
			Thread.sleep(50);
		}
	}

}
