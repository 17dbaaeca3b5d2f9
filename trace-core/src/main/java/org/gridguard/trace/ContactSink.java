package org.gridguard.trace;

/**
 * Receives the rows of a co-presence query, one call per (index person, contact person) pair.
 *
 * <p>Parameters are primitives so that delivering millions of rows allocates nothing. A sink is never called
 * concurrently by one query, even by the multi-threaded ones: the index serialises delivery, and the rows of one
 * index person arrive together.
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
}
