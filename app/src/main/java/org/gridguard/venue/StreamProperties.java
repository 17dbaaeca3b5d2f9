package org.gridguard.venue;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where check-ins go once accepted (documented in {@code docs/scale.md}): {@code local} (the default) commits them to
 * PostgreSQL and hands them to the in-process feed; {@code kafka} sends them to an Apache Kafka topic keyed by venue and
 * acknowledges them once every in-sync replica has them, a consumer writing the history to PostgreSQL.
 *
 * @param mode {@code local} or {@code kafka}
 * @param bootstrapServers the Kafka brokers to connect to first ({@code host:port,...})
 * @param topic the check-in topic
 * @param partitions partitions of the topic when GridGuard creates it (the unit of work of a tracing node)
 * @param replicationFactor copies of each partition when GridGuard creates the topic; with more than one, a write must
 * reach two of them ({@code min.insync.replicas=2})
 * @param retention how long the topic keeps check-ins when GridGuard creates it; older history is read from PostgreSQL
 * @param client further Kafka client properties (security, timeouts), passed on as they are
 */
@ConfigurationProperties("gridguard.stream")
public record StreamProperties(@DefaultValue("local") String mode, @DefaultValue("localhost:9092") String bootstrapServers,
		@DefaultValue("gridguard.check-ins") String topic, @DefaultValue("12") int partitions,
		@DefaultValue("1") short replicationFactor, @DefaultValue("28d") Duration retention,
		@Nullable Map<String, String> client) {

	/** True in distributed mode. */
	public boolean kafka() {
		return "kafka".equalsIgnoreCase(mode);
	}

}
