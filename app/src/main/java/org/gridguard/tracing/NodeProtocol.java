package org.gridguard.tracing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.gridguard.trace.ContactQuery;
import org.gridguard.trace.ContactSink;

/**
 * The binary messages of {@code POST /internal/tracing/contacts} between tracing nodes (big-endian, as
 * {@link DataOutputStream} writes). Request: version 1, the wait in milliseconds, the query (from, to, tolerance,
 * minimum overlap: seconds of the index epoch), the number of partitions and the required offset of each, the number
 * of index persons and their ids. Answer: the number of partitions and a byte per partition (1 when the rows are
 * complete for it), then rows of five ints (index, contact, venue, overlap start, overlap end), ended by an index of -1.
 */
final class NodeProtocol {

	static final int VERSION = 1;

	static final String SECRET_HEADER = "X-GridGuard-Node-Secret";

	static final String PATH = "/internal/tracing/contacts";

	private NodeProtocol() {
	}

	record Request(long waitMillis, ContactQuery query, long[] required, int[] persons) {
	}

	static void writeRequest(DataOutputStream out, long[] required, int[] persons, ContactQuery query, long waitMillis)
			throws IOException {
		out.writeInt(VERSION);
		out.writeLong(waitMillis);
		out.writeInt(query.from());
		out.writeInt(query.to());
		out.writeInt(query.tolerance());
		out.writeInt(query.minOverlap());
		out.writeInt(required.length);
		for (long r : required) {
			out.writeLong(r);
		}
		out.writeInt(persons.length);
		for (int p : persons) {
			out.writeInt(p);
		}
		out.flush();
	}

	static Request readRequest(DataInputStream in) throws IOException {
		int version = in.readInt();
		if (version != VERSION) {
			throw new IOException("unknown tracing node protocol version " + version);
		}
		long wait = in.readLong();
		var query = new ContactQuery(in.readInt(), in.readInt(), in.readInt(), in.readInt());
		long[] required = new long[checked(in.readInt(), 1 << 16)];
		for (int i = 0; i < required.length; i++) {
			required[i] = in.readLong();
		}
		int[] persons = new int[checked(in.readInt(), 1 << 24)];
		for (int i = 0; i < persons.length; i++) {
			persons[i] = in.readInt();
		}
		return new Request(wait, query, required, persons);
	}

	private static int checked(int n, int max) throws IOException {
		if (n < 0 || n > max) {
			throw new IOException("bad count " + n);
		}
		return n;
	}

	static void writeCovered(DataOutputStream out, boolean[] covered) throws IOException {
		out.writeInt(covered.length);
		for (boolean c : covered) {
			out.writeByte(c ? 1 : 0);
		}
	}

	/** A sink writing rows; {@link IOException}s surface as {@link java.io.UncheckedIOException}. */
	static ContactSink rowWriter(DataOutputStream out) {
		return (index, contact, venue, start, end) -> {
			try {
				out.writeInt(index);
				out.writeInt(contact);
				out.writeInt(venue);
				out.writeInt(start);
				out.writeInt(end);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		};
	}

	static void writeEnd(DataOutputStream out) throws IOException {
		out.writeInt(-1);
		out.flush();
	}

	/** Reads an answer: its rows go to {@code sink}; returns the covered partitions. */
	static boolean[] readAnswer(DataInputStream in, ContactSink sink) throws IOException {
		boolean[] covered = new boolean[checked(in.readInt(), 1 << 16)];
		for (int p = 0; p < covered.length; p++) {
			covered[p] = in.readByte() == 1;
		}
		for (int index = in.readInt(); index != -1; index = in.readInt()) {
			sink.accept(index, in.readInt(), in.readInt(), in.readInt(), in.readInt());
		}
		return covered;
	}

}
