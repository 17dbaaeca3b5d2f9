package org.gridguard.trace;

/**
 * Receives the rows of a co-presence query, one call per (index person, contact person) pair.
 *
 * <p>Parameters are primitives so that delivering millions of rows allocates nothing. A sink is never called
 * concurrently by one query, even by the multi-threaded ones: the index serialises delivery, and the rows of one
 * index person arrive together (in one or more calls of {@link #acceptAll}).
 */
@FunctionalInterface
public interface ContactSink {

	/**
	 * One contact: the earliest co-presence of {@code contactPerson} with {@code indexPerson}.
	 * @param indexPerson the person whose presences were looked up (caller's id)
	 * @param contactPerson the person met (caller's id), never equal to {@code indexPerson}
	 * @param venue the venue of that earliest co-presence
	 * @param overlapStart {@code max(s1, s2)} in seconds since the index epoch
	 * @param overlapEnd {@code min(e1, e2)} in seconds since the index epoch; with a tolerance it may be at or before
	 * {@code overlapStart}, reported as computed
	 */
	void accept(int indexPerson, int contactPerson, int venue, int overlapStart, int overlapEnd);

	/**
	 * Several contacts of one index person at once: row {@code i} is ({@code indexPerson}, {@code contactPerson[i]},
	 * {@code venue[i]}, {@code overlapStart[i]}, {@code overlapEnd[i]}) for {@code 0 <= i < count}, with the meaning of
	 * {@link #accept}. The index delivers its rows through this method, in batches of up to a few hundred; the arrays
	 * are the index's scratch, to be read during the call only. The default hands the rows to {@link #accept} one by
	 * one; a sink that keeps the rows in arrays can override it to copy each batch in bulk.
	 */
	default void acceptAll(int indexPerson, int[] contactPerson, int[] venue, int[] overlapStart, int[] overlapEnd,
			int count) {
		for (int i = 0; i < count; i++) {
			accept(indexPerson, contactPerson[i], venue[i], overlapStart[i], overlapEnd[i]);
		}
	}
}
