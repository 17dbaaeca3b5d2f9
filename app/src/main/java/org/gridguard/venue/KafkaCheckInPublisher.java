package org.gridguard.venue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Distributed mode's durability: the writer sends each group's check-ins to the topic with an idempotent producer and
 * {@code acks=all}, and answers the requests only once Kafka has acknowledged every one of them.
 */
@Component
@ConditionalOnProperty(name = "gridguard.stream.mode", havingValue = "kafka")
class KafkaCheckInPublisher implements DisposableBean {

	private final CheckInStream stream;

	private final KafkaProducer<byte[], byte[]> producer;

	KafkaCheckInPublisher(CheckInStream stream, VenueProperties properties) {
		this.stream = stream;
		var props = stream.clientProperties();
		props.put(ProducerConfig.ACKS_CONFIG, "all");
		props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
		props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
				(int) Math.max(2_000, properties.ingest().timeout().toMillis()));
		props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
				(int) Math.max(1_000, properties.ingest().timeout().toMillis() / 2));
		props.put(ProducerConfig.CLIENT_ID_CONFIG, "gridguard-check-ins");
		this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
	}

	/**
	 * Sends every check-in of the batches not marked duplicate and waits until Kafka acknowledged all of them.
	 * @throws IllegalStateException when any was not acknowledged in time (then none may be acknowledged to a client)
	 */
	void send(List<CheckInBatch> group, Duration timeout) {
		var pending = new ArrayList<Future<RecordMetadata>>();
		for (CheckInBatch batch : group) {
			if (batch.duplicate) {
				continue;
			}
			for (int i = 0; i < batch.size; i++) {
				pending.add(producer.send(new ProducerRecord<>(stream.topic(), CheckInStream.key(batch.venue[i]),
						CheckInStream.value(batch, i))));
			}
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			for (Future<RecordMetadata> ack : pending) {
				ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for Kafka", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not acknowledge the check-ins: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void destroy() {
		producer.close(Duration.ofSeconds(10));
	}

}
