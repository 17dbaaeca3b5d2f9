package org.gridguard.tracing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

import org.gridguard.trace.ContactQuery;
import org.gridguard.trace.ContactSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A co-presence query in distributed mode, asked of every tracing node and gathered into one exact answer.
 *
 * <p>At the start it takes the end offset of every partition of the check-in stream: every check-in acknowledged
 * before the query lies below it (read-your-writes). Each node answers once it has applied its partitions up to there,
 * and says which partitions its rows are complete for. When every partition is covered by some node the rows are
 * merged ({@link ContactMerge}); otherwise (a node rebuilding, partitions moving in a rebalance) the nodes are asked
 * again until the wait runs out, and then the query fails with {@link TracingUnavailable} naming the partitions, never
 * a silently partial answer.
 */
final class ScatterGather implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(ScatterGather.class);

	private final Function<Duration, long[]> endOffsets;

	private final int partitions;

	private final Supplier<List<TracingPeer>> peers;

	private final Duration wait;

	private final ExecutorService pool;

	ScatterGather(Function<Duration, long[]> endOffsets, int partitions, Supplier<List<TracingPeer>> peers,
			Duration wait) {
		this.endOffsets = endOffsets;
		this.partitions = partitions;
		this.peers = peers;
		this.wait = wait;
		this.pool = Executors.newCachedThreadPool(r -> {
			Thread t = new Thread(r, "tracing-scatter");
			t.setDaemon(true);
			return t;
		});
	}

	private record Part(boolean[] covered, ContactMerge rows) {
	}

	long contacts(int[] persons, ContactQuery query, ContactSink sink) {
		long deadline = System.nanoTime() + wait.toNanos();
		long[] required;
		try {
			required = endOffsets.apply(wait);
		}
		catch (RuntimeException ex) {
			LOG.warn("Tracing query without the end offsets of the check-in stream: {}", ex.toString());
			throw new TracingUnavailable(missing(new boolean[partitions]));
		}
		boolean[] covered = new boolean[partitions];
		ContactMerge merged = null;
		for (int round = 1;; round++) {
			long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
			List<TracingPeer> peers = this.peers.get();
			var asks = new ArrayList<CompletableFuture<Part>>(peers.size());
			for (TracingPeer peer : peers) {
				asks.add(CompletableFuture.supplyAsync(() -> {
					var rows = new ContactMerge();
					return new Part(peer.ask(required, persons, query, left, rows), rows);
				}, pool));
			}
			for (int i = 0; i < asks.size(); i++) {
				Part part;
				try {
					part = asks.get(i).get();
				}
				catch (ExecutionException ex) {
					LOG.warn("Tracing node {} did not answer: {}", peers.get(i), ex.getCause().toString());
					continue;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new TracingUnavailable(missing(new boolean[partitions]));
				}
				for (int p = 0; p < partitions && p < part.covered().length; p++) {
					covered[p] |= part.covered()[p];
				}
				if (merged == null) {
					merged = part.rows();
				}
				else {
					part.rows().emit(merged);
				}
			}
			List<Integer> missing = missing(covered);
			if (missing.isEmpty()) {
				return merged == null ? 0 : merged.emit(sink);
			}
			if (System.nanoTime() >= deadline) {
				LOG.warn("Tracing query gave up after {} rounds: partitions {} have no node caught up", round, missing);
				throw new TracingUnavailable(missing);
			}
			try {
				Thread.sleep(Math.min(100, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new TracingUnavailable(missing);
			}
		}
	}

	private List<Integer> missing(boolean[] covered) {
		var missing = new ArrayList<Integer>();
		for (int p = 0; p < partitions; p++) {
			if (!covered[p]) {
				missing.add(p);
			}
		}
		return missing;
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}

}
