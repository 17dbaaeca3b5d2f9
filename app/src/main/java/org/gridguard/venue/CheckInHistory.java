package org.gridguard.venue;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Distributed mode's history: a consumer group ({@code gridguard-history}, one member per GridGuard node) writes the
 * check-ins of the topic to the day-partitioned table, for retention beyond the topic and for the other modules. Each
 * group of records is written with one COPY in the transaction that advances the partition's position in
 * {@code venue_stream_position}, and a partition is resumed from that position, so every record is written exactly
 * once whatever Kafka delivers twice. Check-ins older than the retention period are skipped.
 */
@Component
@ConditionalOnProperty(name = "gridguard.stream.mode", havingValue = "kafka")
class CheckInHistory implements SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(CheckInHistory.class);

	private static final String COPY = "COPY venue_check_in (at, until, venue_id, person_id, left_at, colour, admitted, "
			+ "channel, stream_partition, stream_offset) FROM STDIN";

	private final CheckInStream stream;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final CheckInPartitions partitions;

	private volatile boolean running;

	private volatile KafkaConsumer<byte[], byte[]> consumer;

	private Thread thread;

	CheckInHistory(CheckInStream stream, DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate tx,
			CheckInPartitions partitions) {
		this.stream = stream;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.tx = tx;
		this.partitions = partitions;
	}

	@Override
	public void start() {
		var props = stream.clientProperties();
		props.put(ConsumerConfig.GROUP_ID_CONFIG, "gridguard-history");
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20_000);
		props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
				"org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
		consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
		running = true;
		thread = new Thread(this::loop, "check-in-history");
		thread.setDaemon(true);
		thread.start();
	}

	private void loop() {
		try {
			consumer.subscribe(List.of(stream.topic()), new ConsumerRebalanceListener() {
				@Override
				public void onPartitionsRevoked(Collection<TopicPartition> lost) {
				}

				@Override
				public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
					for (TopicPartition tp : assigned) {
						Long next = position(tp.partition());
						if (next == null) {
							consumer.seekToBeginning(List.of(tp));
						}
						else {
							consumer.seek(tp, next);
						}
					}
				}
			});
			while (running) {
				ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
				for (TopicPartition tp : records.partitions()) {
					write(tp.partition(), records.records(tp));
				}
			}
		}
		catch (WakeupException ex) {
			// stopping
		}
		catch (RuntimeException ex) {
			LOG.error("The check-in history stopped; check-ins stay in Kafka and are written after a restart", ex);
		}
		finally {
			consumer.close(Duration.ofSeconds(5));
		}
	}

	private Long position(int partition) {
		return jdbc.query("SELECT next_offset FROM venue_stream_position WHERE topic = ? AND stream_partition = ?",
				rs -> rs.next() ? rs.getLong(1) : null, stream.topic(), partition);
	}

	/** One partition's records in one transaction; records the position reached, skips what is already written. */
	private void write(int partition, List<ConsumerRecord<byte[], byte[]>> records) {
		tx.executeWithoutResult(status -> {
			Long written = jdbc.query("SELECT next_offset FROM venue_stream_position WHERE topic = ? "
					+ "AND stream_partition = ? FOR UPDATE", rs -> rs.next() ? rs.getLong(1) : null, stream.topic(),
					partition);
			long from = written == null ? Long.MIN_VALUE : written;
			long oldest = partitions.oldestAccepted().getEpochSecond();
			var batch = new CheckInBatch(records.size());
			var out = new CopyBuffer(records.size() * 110);
			int rows = 0;
			long next = from;
			for (int k = 0; k < records.size(); k++) {
				ConsumerRecord<byte[], byte[]> record = records.get(k);
				if (record.offset() < from) {
					continue;
				}
				next = record.offset() + 1;
				if (CheckInStream.decode(record.value(), batch, k) && batch.at[k] >= oldest) {
					out.row(batch, k, partition, record.offset());
					rows++;
				}
			}
			if (next == from) {
				return;
			}
			if (rows > 0) {
				copy(out);
			}
			jdbc.update("INSERT INTO venue_stream_position (topic, stream_partition, next_offset) VALUES (?, ?, ?) "
					+ "ON CONFLICT (topic, stream_partition) DO UPDATE SET next_offset = excluded.next_offset",
					stream.topic(), partition, next);
		});
	}

	private void copy(CopyBuffer out) {
		Connection con = DataSourceUtils.getConnection(dataSource);
		try {
			con.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new ByteArrayInputStream(out.bytes, 0, out.length));
		}
		catch (SQLException | java.io.IOException ex) {
			throw new IllegalStateException("COPY of check-in history failed: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(con, dataSource);
		}
	}

	/** Written up to (exclusive) per partition, for tests and the figures. */
	Map<Integer, Long> positions() {
		var map = new java.util.TreeMap<Integer, Long>();
		jdbc.query("SELECT stream_partition, next_offset FROM venue_stream_position WHERE topic = ?",
				rs -> { map.put(rs.getInt(1), rs.getLong(2)); }, stream.topic());
		return map;
	}

	@Override
	public void stop() {
		running = false;
		KafkaConsumer<byte[], byte[]> c = consumer;
		if (c != null) {
			c.wakeup();
		}
		if (thread != null) {
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
