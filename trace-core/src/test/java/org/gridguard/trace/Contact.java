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

	/** A sink that takes the index's batches itself instead of the default one-by-one delivery. */
	static final class BatchCollector implements ContactSink {
		final List<Contact> rows = new ArrayList<>();
		private boolean inside;

		@Override
		public void accept(int indexPerson, int contactPerson, int venue, int overlapStart, int overlapEnd) {
			throw new AssertionError("rows are delivered in batches");
		}

		@Override
		public void acceptAll(int indexPerson, int[] contactPerson, int[] venue, int[] overlapStart, int[] overlapEnd,
				int count) {
			if (inside) {
				throw new AssertionError("sink called concurrently");
			}
			if (count < 1) {
				throw new AssertionError("empty batch");
			}
			inside = true;
			for (int i = 0; i < count; i++) {
				rows.add(new Contact(indexPerson, contactPerson[i], venue[i], overlapStart[i], overlapEnd[i]));
			}
			inside = false;
		}
	}
}
