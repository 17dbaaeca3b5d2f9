package org.gridguard.tracing;

import java.util.List;

/**
 * A co-presence query could not be answered completely: in distributed mode, no node had consumed some partitions of
 * the check-in stream up to the check-ins acknowledged before the query began, within the wait. Nothing is answered
 * rather than a partial result; asking again later succeeds once the partitions have an owner that caught up.
 */
public class TracingUnavailable extends RuntimeException {

	private final List<Integer> partitions;

	TracingUnavailable(List<Integer> partitions) {
		super("no tracing node has caught up with partitions " + partitions + " of the check-in stream");
		this.partitions = List.copyOf(partitions);
	}

	/** The partitions of the check-in stream that no node could answer for. */
	public List<Integer> partitions() {
		return partitions;
	}

}
