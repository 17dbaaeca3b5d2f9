package org.gridguard.tracing;

import org.gridguard.trace.ContactQuery;
import org.gridguard.trace.ContactSink;

/**
 * One tracing node as the node coordinating a query sees it: this node itself (a call) or another one (over HTTP,
 * {@link NodeProtocol}).
 */
interface TracingPeer {

	/**
	 * Asks the node for its part of a query once it has applied the check-ins below {@code required} (waiting up to
	 * {@code waitMillis}); its rows go to {@code sink}, one call at a time.
	 * @return the partitions the rows are complete for
	 * @throws RuntimeException when the node cannot be reached or fails; it then covers nothing
	 */
	boolean[] ask(long[] required, int[] persons, ContactQuery query, long waitMillis, ContactSink sink);

	/** The local node: no network, no encoding. */
	static TracingPeer local(TracingNode node) {
		return new TracingPeer() {
			@Override
			public boolean[] ask(long[] required, int[] persons, ContactQuery query, long waitMillis, ContactSink sink) {
				boolean[] covered = node.awaitCovered(required, waitMillis);
				node.query(persons, query, sink);
				return covered;
			}

			@Override
			public String toString() {
				return "this node";
			}
		};
	}

}
