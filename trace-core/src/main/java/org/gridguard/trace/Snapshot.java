package org.gridguard.trace;

/**
 * Everything a query reads, immutable once published through the index's volatile reference.
 *
 * <p>Invariants: every dense person id stored in {@code shards} is below {@code persons.count}; no row starts before
 * day {@code horizonDay}.
 */
final class Snapshot {

	final PersonDictionary.View persons;
	final Shard[] shards;
	final int horizonDay;

	Snapshot(PersonDictionary.View persons, Shard[] shards, int horizonDay) {
		this.persons = persons;
		this.shards = shards;
		this.horizonDay = horizonDay;
	}

	long checkIns() {
		long n = 0;
		for (Shard shard : shards) {
			n += shard.segmentRows() + shard.runRows();
		}
		return n;
	}

	long runRows() {
		long n = 0;
		for (Shard shard : shards) {
			n += shard.runRows();
		}
		return n;
	}

	long memoryBytes() {
		long bytes = persons.memoryBytes();
		for (Shard shard : shards) {
			bytes += shard.memoryBytes();
		}
		return bytes;
	}
}
