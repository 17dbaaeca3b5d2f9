package org.gridguard.tracing;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.gridguard.venue.CheckInStream;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Distributed mode ({@code gridguard.stream.mode=kafka}): this application is a tracing node (a member of the tracing
 * consumer group) and scatters every co-presence query to all nodes listed in {@code gridguard.tracing.cluster.nodes}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gridguard.stream.mode", havingValue = "kafka")
@EnableConfigurationProperties(TracingClusterProperties.class)
class TracingClusterConfiguration {

	@Bean
	TracingNodeLifecycle tracingNode(TracingIndex index, CheckInStream stream, TracingClusterProperties properties) {
		var node = new TracingNode(index, stream.clientProperties(), properties.group(), stream.topic(),
				stream.partitions(), (partition, below, sink) -> stream.history(partition, below, index.retentionStart(), sink));
		return new TracingNodeLifecycle(node);
	}

	@Bean(destroyMethod = "close")
	ScatterGather scatterGather(TracingIndex index, TracingNodeLifecycle node, CheckInStream stream,
			TracingClusterProperties properties) {
		var peers = new ArrayList<TracingPeer>();
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		List<URI> nodes = properties.nodes() == null ? List.of() : properties.nodes();
		boolean selfListed = false;
		for (URI uri : nodes) {
			if (uri.equals(properties.self())) {
				peers.add(TracingPeer.local(node.node()));
				selfListed = true;
			}
			else {
				peers.add(new HttpTracingPeer(uri, properties.secret(), http, properties.peerTimeout()));
			}
		}
		if (!selfListed) {
			peers.add(TracingPeer.local(node.node()));
		}
		List<TracingPeer> all = List.copyOf(peers);
		var scatter = new ScatterGather(stream::endOffsets, stream.partitions(), () -> all, properties.queryWait());
		index.useCluster(scatter);
		return scatter;
	}

	/** The internal endpoint between nodes: no session or CSRF; the endpoint checks the nodes' shared secret. */
	@Bean
	@Order(0)
	SecurityFilterChain tracingNodes(HttpSecurity http) throws Exception {
		http.securityMatcher("/internal/tracing/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

}
