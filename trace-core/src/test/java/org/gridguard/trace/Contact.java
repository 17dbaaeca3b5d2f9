package org.gridguard.trace;

import java.util.ArrayList;
import java.util.List;

/** One delivered row, as a value for comparing result sets in tests. */
record Contact(int index, int contact, int venue, int overlapStart, int overlapEnd) {

	/** A sink that collects rows; also checks it is never called concurrently. */
	static final class Collector implements ContactSink {
		final List<Contact> rows = new ArrayList<>();
		private boolean inside;

		@Override
		public void accept(int indexPerson, int contactPerson, int venue, int overlapStart, int overlapEnd) {
			if (inside) {
				throw new AssertionError("sink called concurrently");
			}
			inside = true;
			rows.add(new Contact(indexPerson, contactPerson, venue, overlapStart, overlapEnd));
			inside = false;
		}
	}
}
