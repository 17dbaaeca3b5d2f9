package org.gridguard.tracing;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tracing nodes of distributed mode ({@code gridguard.stream.mode=kafka}), documented in {@code docs/scale.md}.
 *
 * @param self this node's address as the other nodes reach it (one of {@code nodes})
 * @param nodes the addresses of every tracing node, this one included: a query is asked of each of them
 * @param secret shared by the nodes; a node answers the internal endpoint only to a request carrying it
 * @param group the Kafka consumer group of the tracing nodes
 * @param queryWait how long a query waits for the owners of every partition to have consumed what was acknowledged
 * before it began (a node rebuilding, a rebalance); after that it fails with a clear error instead of a partial answer
 * @param peerTimeout how long a node waits for another node's answer beyond {@code queryWait}
 */
@ConfigurationProperties("gridguard.tracing.cluster")
public record TracingClusterProperties(@Nullable URI self, @Nullable List<URI> nodes, @DefaultValue("") String secret,
		@DefaultValue("gridguard-tracing") String group, @DefaultValue("30s") Duration queryWait,
		@DefaultValue("60s") Duration peerTimeout) {
}
