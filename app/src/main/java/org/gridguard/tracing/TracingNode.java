package org.gridguard.tracing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.gridguard.trace.ContactQuery;
import org.gridguard.trace.ContactSink;
import org.gridguard.venue.CheckInSink;
import org.gridguard.venue.CheckInStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tracing node of distributed mode: a member of the tracing consumer group that consumes the partitions Kafka assigns
 * it into its own contact index, and answers the part of a query its index holds.
 *
 * <p>The index lives in memory, so the group commits no offsets: the node remembers, per partition, the offset up to
 * which it has applied the stream ({@link #applied}). A partition it receives for the first time is loaded from the
 * history in PostgreSQL for the offsets the topic no longer holds, then read from the topic's beginning; a partition
 * it held before resumes where it stopped. A record below the applied offset (Kafka delivering it again after a
 * rebalance) is skipped, so nothing is counted twice. A node keeps what it consumed of a partition it lost: it still
 * answers for it while that is complete enough for a query, and resumes from there when it gets it back.
 */
class TracingNode {

	private static final Logger LOG = LoggerFactory.getLogger(TracingNode.class);

	/** Check-ins of a partition below an offset that only PostgreSQL still holds. */
	@FunctionalInterface
	interface History {

		long load(int partition, long belowOffset, CheckInSink sink);

		/** No history beyond the topic. */
		History NONE = (partition, belowOffset, sink) -> 0;

	}

	private final TracingIndex index;

	private final Map<String, Object> consumerProperties;

	private final String topic;

	private final History history;

	/** Per partition: every record below this offset is in the index; -1 for a partition never loaded. */
	private final AtomicLongArray applied;

	/** Per partition: 1 while Kafka assigns it to this node. */
	private final AtomicIntegerArray owned;

	private final Object progress = new Object();

	private final CheckInSink append;

	private volatile boolean running;

	private volatile boolean rewind;

	private final AtomicLong redelivered = new AtomicLong();

	private volatile KafkaConsumer<byte[], byte[]> consumer;

	private Thread thread;

	TracingNode(TracingIndex index, Map<String, Object> clientProperties, String group, String topic, int partitions,
			History history) {
		this.index = index;
		this.topic = topic;
		this.history = history;
		this.applied = new AtomicLongArray(partitions);
		for (int p = 0; p < partitions; p++) {
			applied.set(p, -1);
		}
		this.owned = new AtomicIntegerArray(partitions);
		this.append = index::append;
		var props = new HashMap<>(clientProperties);
		props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50_000);
		props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
		props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
		// a rebuild from PostgreSQL runs inside the assignment callback
		props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 30 * 60_000);
		props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
				"org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
		this.consumerProperties = props;
	}

	int partitions() {
		return applied.length();
	}

	void start() {
		consumer = new KafkaConsumer<>(consumerProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
		running = true;
		thread = new Thread(this::loop, "tracing-node");
		thread.setDaemon(true);
		thread.start();
	}

	private void loop() {
		try {
			consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
				@Override
				public void onPartitionsRevoked(Collection<TopicPartition> lost) {
					lost.forEach(tp -> owned.set(tp.partition(), 0));
				}

				@Override
				public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
					assign(assigned);
				}
			});
			while (running) {
				if (rewind) {
					rewind = false;
					consumer.seekToBeginning(consumer.assignment());
				}
				ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
				for (TopicPartition tp : records.partitions()) {
					apply(tp.partition(), records.records(tp));
				}
				if (!records.isEmpty()) {
					index.flush();
					synchronized (progress) {
						progress.notifyAll();
					}
				}
			}
		}
		catch (WakeupException ex) {
			// stopping
		}
		catch (RuntimeException ex) {
			LOG.error("Tracing node stopped consuming the check-in stream", ex);
		}
		finally {
			consumer.close(Duration.ofSeconds(5));
		}
	}

	private void assign(Collection<TopicPartition> assigned) {
		for (TopicPartition tp : assigned) {
			int p = tp.partition();
			long at = applied.get(p);
			if (at < 0) {
				long start = System.nanoTime();
				long beginning = consumer.beginningOffsets(List.of(tp)).get(tp);
				long rows = history.load(p, beginning, append);
				applied.set(p, beginning);
				consumer.seek(tp, beginning);
				LOG.info("Tracing node takes partition {}: {} check-ins from the history below offset {} in {} ms", p,
						rows, beginning, (System.nanoTime() - start) / 1_000_000);
			}
			else {
				consumer.seek(tp, at);
			}
			owned.set(p, 1);
		}
		index.flush();
		synchronized (progress) {
			progress.notifyAll();
		}
	}

	/** Appends the records at or above the applied offset, then advances it. */
	private void apply(int partition, List<ConsumerRecord<byte[], byte[]>> records) {
		long from = applied.get(partition);
		long next = from;
		for (ConsumerRecord<byte[], byte[]> record : records) {
			if (record.offset() < from) {
				redelivered.incrementAndGet(); // delivered again: already in the index
				continue;
			}
			CheckInStream.decode(record.value(), append);
			next = record.offset() + 1;
		}
		if (next != from) {
			applied.set(partition, next);
		}
	}

	/**
	 * Waits (up to {@code waitMillis}) until this node has applied, for every partition it owns, the records below
	 * {@code required}, then answers the partitions its index covers up to there: owned or not, those whose applied
	 * offset reached the required one.
	 */
	boolean[] awaitCovered(long[] required, long waitMillis) {
		long deadline = System.nanoTime() + waitMillis * 1_000_000;
		synchronized (progress) {
			while (!ownedCaughtUp(required)) {
				long left = (deadline - System.nanoTime()) / 1_000_000;
				if (left <= 0) {
					break;
				}
				try {
					progress.wait(Math.min(left, 50));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		boolean[] covered = new boolean[partitions()];
		for (int p = 0; p < covered.length && p < required.length; p++) {
			covered[p] = applied.get(p) >= 0 && applied.get(p) >= required[p];
		}
		return covered;
	}

	private boolean ownedCaughtUp(long[] required) {
		for (int p = 0; p < partitions() && p < required.length; p++) {
			if (owned.get(p) == 1 && applied.get(p) < required[p]) {
				return false;
			}
		}
		return true;
	}

	/** This node's part of a query: the contacts its index holds (all of its partitions, owned or kept). */
	long query(int[] persons, ContactQuery query, ContactSink sink) {
		return index.local(persons, query, sink);
	}

	/** The partitions Kafka assigns to this node now. */
	List<Integer> owned() {
		var list = new ArrayList<Integer>();
		for (int p = 0; p < partitions(); p++) {
			if (owned.get(p) == 1) {
				list.add(p);
			}
		}
		return list;
	}

	/** Applied offset per partition (-1: never loaded). */
	long[] applied() {
		long[] copy = new long[partitions()];
		for (int p = 0; p < copy.length; p++) {
			copy[p] = applied.get(p);
		}
		return copy;
	}

	/** Makes Kafka deliver every owned partition again from its beginning (as after a failed commit elsewhere). */
	void rewind() {
		rewind = true;
	}

	/** Records delivered again and skipped since start. */
	long redelivered() {
		return redelivered.get();
	}

	/** Leaves the group (its partitions go to the other nodes) and stops consuming. */
	void stop() {
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

	boolean isRunning() {
		return running;
	}

}
