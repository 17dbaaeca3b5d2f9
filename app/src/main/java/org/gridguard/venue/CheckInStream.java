package org.gridguard.venue;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Utils;
import org.gridguard.status.StatusColour;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The check-in stream of distributed mode, for the modules that consume it: the topic (created at start when missing),
 * its partitions and their end offsets, the record format, and the history that left the topic, read back from
 * PostgreSQL. A record is keyed by venue (4 bytes, big-endian), so that every check-in of a venue lands in one
 * partition; its value is {@link #VALUE_BYTES} bytes: person, venue, arrival, end of stay, declared departure
 * ({@link Long#MIN_VALUE} when none), colour, refusal and channel.
 */
@Component
@ConditionalOnProperty(name = "gridguard.stream.mode", havingValue = "kafka")
public class CheckInStream implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(CheckInStream.class);

	/** Bytes of a record value. */
	public static final int VALUE_BYTES = 8 + 4 + 8 + 8 + 8 + 3;

	private final StreamProperties properties;

	private final JdbcTemplate jdbc;

	private final Admin admin;

	private final int partitions;

	CheckInStream(StreamProperties properties, JdbcTemplate jdbc) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.admin = Admin.create(clientProperties());
		this.partitions = ensureTopic();
	}

	/** The connection settings every client of the stream starts from. */
	public Map<String, Object> clientProperties() {
		var props = new HashMap<String, Object>();
		props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
		if (properties.client() != null) {
			props.putAll(properties.client());
		}
		return props;
	}

	public String topic() {
		return properties.topic();
	}

	public int partitions() {
		return partitions;
	}

	/**
	 * The offset after the last record every in-sync replica holds, per partition (index = partition): every
	 * check-in acknowledged before the call lies below it.
	 */
	public long[] endOffsets(Duration timeout) {
		var specs = new HashMap<TopicPartition, OffsetSpec>();
		for (int p = 0; p < partitions; p++) {
			specs.put(new TopicPartition(topic(), p), OffsetSpec.latest());
		}
		try {
			var answer = admin.listOffsets(specs).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			long[] ends = new long[partitions];
			answer.forEach((tp, info) -> ends[tp.partition()] = info.offset());
			return ends;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while asking Kafka for end offsets", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not answer with the end offsets of " + topic(), ex);
		}
	}

	/**
	 * The check-ins of {@code partition} that the topic does not hold, from PostgreSQL, arrived at or after
	 * {@code from}: those the history wrote from offsets below {@code belowOffset} (the topic dropped them), and those
	 * stored before distributed mode was switched on (no place in the stream) at the partition's venues.
	 * @return the number delivered
	 */
	public long history(int partition, long belowOffset, Instant from, CheckInSink sink) {
		var venues = new StringBuilder("{");
		jdbc.query("SELECT id FROM venue", rs -> {
			long venue = rs.getLong(1);
			if (venue <= Integer.MAX_VALUE && partitionOf((int) venue, partitions) == partition) {
				venues.append(venues.length() > 1 ? "," : "").append(venue);
			}
		});
		venues.append('}');
		long[] n = new long[1];
		jdbc.query("SELECT person_id, venue_id, at, until FROM venue_check_in WHERE at >= ? AND ((stream_partition = ? "
				+ "AND stream_offset < ?) OR (stream_partition IS NULL AND venue_id = ANY(?::int[])))", rs -> {
					sink.accept(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant().getEpochSecond(),
							rs.getTimestamp(4).toInstant().getEpochSecond());
					n[0]++;
				}, Timestamp.from(from), partition, belowOffset, venues.toString());
		return n[0];
	}

	/** The partition Kafka's producer puts a venue's check-ins in (murmur2 of the key, as for every keyed record). */
	public static int partitionOf(int venueId, int partitions) {
		return Utils.toPositive(Utils.murmur2(key(venueId))) % partitions;
	}

	/** The record key of a venue. */
	public static byte[] key(int venueId) {
		return ByteBuffer.allocate(4).putInt(venueId).array();
	}

	/** A record value of a check-in from another producer (an admitted green scan through the API). */
	public static byte[] value(long personId, int venueId, long at, long until) {
		return value(personId, venueId, at, until, Long.MIN_VALUE, (byte) StatusColour.GREEN.ordinal(),
				CheckInBatch.ADMITTED, CheckInBatch.API);
	}

	static byte[] value(CheckInBatch batch, int i) {
		return value(batch.person[i], batch.venue[i], batch.at[i], batch.until[i], batch.leftAt[i],
				(byte) batch.colour[i].ordinal(), batch.refusal[i], batch.channel[i]);
	}

	private static byte[] value(long person, int venue, long at, long until, long leftAt, byte colour, byte refusal,
			byte channel) {
		return ByteBuffer.allocate(VALUE_BYTES)
			.putLong(person)
			.putInt(venue)
			.putLong(at)
			.putLong(until)
			.putLong(leftAt)
			.put(colour)
			.put(refusal)
			.put(channel)
			.array();
	}

	/** Hands one record value to {@code sink}; false (and nothing delivered) for a value of another format. */
	public static boolean decode(byte[] value, CheckInSink sink) {
		if (value == null || value.length != VALUE_BYTES) {
			return false;
		}
		ByteBuffer in = ByteBuffer.wrap(value);
		long person = in.getLong();
		int venue = in.getInt();
		long at = in.getLong();
		long until = in.getLong();
		sink.accept(person, venue, at, until);
		return true;
	}

	/** Decodes a value into row {@code i} of {@code batch}; false for a value of another format. */
	static boolean decode(byte[] value, CheckInBatch batch, int i) {
		if (value == null || value.length != VALUE_BYTES) {
			return false;
		}
		ByteBuffer in = ByteBuffer.wrap(value);
		batch.set(i, in.getLong(), in.getInt(), in.getLong(), 0, 0, (byte) 0);
		batch.until[i] = in.getLong();
		batch.leftAt[i] = in.getLong();
		batch.colour[i] = StatusColour.values()[in.get()];
		batch.refusal[i] = in.get();
		batch.channel[i] = in.get();
		return true;
	}

	/** Creates the topic when it does not exist; answers its number of partitions. */
	private int ensureTopic() {
		try {
			var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
			if (!existing.contains(topic())) {
				var topic = new NewTopic(topic(), properties.partitions(), properties.replicationFactor())
					.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(properties.retention().toMillis()),
							TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, properties.replicationFactor() > 1 ? "2" : "1"));
				try {
					admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
					LOG.info("Created the check-in topic {} with {} partitions", topic(), properties.partitions());
				}
				catch (ExecutionException ex) {
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw ex;
					}
				}
			}
			var description = admin.describeTopics(List.of(topic())).allTopicNames().get(30, TimeUnit.SECONDS);
			return new ArrayList<>(description.values()).get(0).partitions().size();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while preparing the check-in topic", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka at " + properties.bootstrapServers()
					+ " did not answer: the check-in topic cannot be prepared", ex);
		}
	}

	@Override
	public void destroy() {
		admin.close(Duration.ofSeconds(5));
	}

}
