package org.gridguard.venue.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.gridguard.venue.VenueProperties;

import org.springframework.stereotype.Component;

/**
 * Token buckets per client address for the public scan page and endpoint: a phone scans a few times an hour, a script
 * hammering the endpoint is slowed down. Buckets of addresses not seen for a while are forgotten when the map grows.
 */
@Component
class ScanRateLimiter {

	private static final int MAX_CLIENTS = 100_000;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final long perMinute;

	private final long burst;

	ScanRateLimiter(VenueProperties properties) {
		this.perMinute = Math.max(1, properties.rateLimit().perMinute());
		this.burst = Math.max(1, properties.rateLimit().burst());
	}

	/** Forgets every bucket: every client starts again with a full burst (tests; an operator after a false alarm). */
	void clear() {
		buckets.clear();
	}

	/** Whether one more request from this client is allowed now. */
	boolean tryAcquire(String client) {
		if (buckets.size() > MAX_CLIENTS) {
			buckets.clear();
		}
		return buckets.computeIfAbsent(client, c -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.build()).tryConsume(1);
	}

}
