package org.gridguard.bench;

/** One way of answering the tracing queries over the workload; all engines must return the same rows. */
interface Engine extends AutoCloseable {

	String name();

	/** Q1 over the whole workload window at tolerance {@code tolerance} seconds; rows appended to {@code out}. */
	void q1(int person, int tolerance, ContactRows out) throws Exception;

	/** Q2 over the whole workload window at tolerance 0; rows appended to {@code out}. */
	void q2(int[] persons, ContactRows out) throws Exception;

	/** Bytes per check-in held by the engine, or NaN when unknown. */
	double bytesPerCheckIn() throws Exception;

	@Override
	default void close() throws Exception {
	}
}
