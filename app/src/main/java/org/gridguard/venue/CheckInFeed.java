package org.gridguard.venue;

import java.time.Instant;

/**
 * The stream of durable check-ins, for the tracing index. The single-node implementation is in-process; a larger
 * deployment puts a message broker behind the same interface (topic keyed by venue).
 */
public interface CheckInFeed {

	/**
	 * Registers a sink that receives every check-in right after the transaction storing it has committed, on the
	 * writing thread, in commit order. A sink must be fast and must not throw; exceptions are logged and dropped.
	 */
	void subscribe(CheckInSink sink);

	/**
	 * Streams the stored check-ins that arrived in {@code [from, to)} from the database, for rebuilding an index at
	 * start-up: in no particular order, several days at once on their own threads (so the sink must be safe for
	 * concurrent calls), returning when all are delivered.
	 * @return the number of check-ins delivered
	 */
	long replay(Instant from, Instant to, CheckInSink sink);

}
