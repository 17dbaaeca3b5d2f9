package org.gridguard.bench;

import org.gridguard.trace.ContactIndex;
import org.gridguard.trace.ContactQuery;

/** The in-memory co-presence index of {@code trace-core}. */
final class IndexEngine implements Engine {

	private final ContactIndex index;
	private final int threads;
	private final ContactQuery tolerance0 = ContactQuery.allTime();

	IndexEngine(ContactIndex index, int threads) {
		this.index = index;
		this.threads = threads;
	}

	@Override
	public String name() {
		return "trace-core index";
	}

	@Override
	public void q1(int person, int tolerance, ContactRows out) {
		index.contacts(person, tolerance == 0 ? tolerance0 : tolerance0.withTolerance(tolerance), out);
	}

	@Override
	public void q2(int[] persons, ContactRows out) {
		index.contacts(persons, tolerance0, threads, out);
	}

	@Override
	public double bytesPerCheckIn() {
		return index.bytesPerCheckIn();
	}

	@Override
	public void close() {
		index.close();
	}
}
