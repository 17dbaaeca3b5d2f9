package org.gridguard.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** Appends, publishing, compaction and retention while queries run. */
class LiveIngestTests {

	private static List<Contact> contacts(ContactIndex index, int person) {
		Contact.Collector sink = new Contact.Collector();
		index.contacts(person, ContactQuery.allTime(), sink);
		return sink.rows;
	}

	@Test
	void appendedCheckInsAreVisibleAfterFlush() {
		ContactIndex index = ContactIndex.builder().publishIntervalMillis(0).add(1, 1, 1_000, 2_000).build();
		assertThat(index.append(1, 2, 1_500, 2_500)).isTrue();
		assertThat(contacts(index, 1)).isEmpty();
		index.flush();
		assertThat(contacts(index, 1)).containsExactly(new Contact(1, 2, 1, 1_500, 2_000));
		assertThat(contacts(index, 2)).containsExactly(new Contact(2, 1, 1, 1_500, 2_000));
		assertThat(index.checkIns()).isEqualTo(2);
	}

	@Test
	void appendedCheckInsArePublishedInTheBackgroundWithoutFlush() throws InterruptedException {
		try (ContactIndex index = ContactIndex.builder().publishIntervalMillis(100).build()) {
			index.append(7, 1, 1_000, 2_000);
			index.append(7, 2, 1_500, 2_500);
			for (int i = 0; i < 100 && contacts(index, 1).isEmpty(); i++) {
				Thread.sleep(50);
			}
			assertThat(contacts(index, 1)).containsExactly(new Contact(1, 2, 7, 1_500, 2_000));
		}
	}

	@Test
	void droppingOldDaysForgetsTheirCheckInsAndRefusesLateOnes() {
		int day = ContactIndex.SECONDS_PER_DAY;
		ContactIndex index = ContactIndex.builder().publishIntervalMillis(0)
				.add(1, 1, 1_000, 2_000).add(1, 2, 1_500, 2_500)
				.add(1, 1, 2 * day + 1_000, 2 * day + 2_000).add(1, 3, 2 * day + 1_500, 2 * day + 2_500)
				.build();
		index.append(1, 4, 1_200, 1_300);
		index.flush();
		assertThat(contacts(index, 1)).extracting(Contact::contact).containsExactlyInAnyOrder(2, 3, 4);

		index.dropDaysBefore(1);
		assertThat(contacts(index, 1)).containsExactly(new Contact(1, 3, 1, 2 * day + 1_500, 2 * day + 2_000));
		assertThat(index.checkIns()).isEqualTo(2);
		assertThat(index.append(1, 5, 1_200, 1_300)).isFalse();
		assertThat(index.append(1, 5, 2 * day + 1_200, 2 * day + 1_300)).isTrue();
		index.flush();
		assertThat(contacts(index, 1)).extracting(Contact::contact).containsExactlyInAnyOrder(3, 5);
		index.dropExpiredDays(2 + 21);
		assertThat(index.checkIns()).isZero();
	}

	@Test
	void compactionKeepsEveryContact() {
		ContactIndex index = ContactIndex.builder().publishIntervalMillis(0).add(2, 1, 5_000, 9_000).build();
		for (int p = 2; p < 500; p++) {
			index.append(2, p, 4_000 + p, 5_000 + p);
			if (p % 37 == 0) {
				index.flush();
			}
		}
		index.flush();
		assertThat(contacts(index, 1)).hasSize(498);
		index.compact();
		assertThat(contacts(index, 1)).hasSize(498);
		assertThat(contacts(index, 250)).hasSize(498);
	}

	/**
	 * A writer publishes one new contact of person 0 per flush while readers query and maintenance compacts: every
	 * result must be the contacts of some published snapshot, i.e. exactly persons {@code 1..m} for some m.
	 */
	@Test
	void queriesDuringAppendsSeeConsistentSnapshots() throws InterruptedException {
		int contactsToAdd = 3_000;
		// both readers ask for person 0, whose lookups are shared with the helper thread range by range when it is free
		ContactIndex index = ContactIndex.builder().publishIntervalMillis(0).shards(2).splitLookups(true).splitFromStays(0)
				.splitChunk(1).add(0, 0, 0, 14_000).add(1, 0, 0, 14_000).build();
		AtomicBoolean done = new AtomicBoolean();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		List<Thread> threads = new ArrayList<>();
		for (int r = 0; r < 2; r++) {
			threads.add(new Thread(() -> {
				int last = 0;
				try {
					while (!done.get()) {
						List<Contact> rows = contacts(index, 0);
						int m = rows.size();
						assertThat(rows).extracting(Contact::contact).allMatch(c -> c >= 1 && c <= m);
						assertThat(m).isGreaterThanOrEqualTo(last);
						last = m;
					}
				}
				catch (Throwable t) {
					failure.compareAndSet(null, t);
				}
			}));
		}
		threads.add(new Thread(() -> {
			try {
				while (!done.get()) {
					index.compact();
					Thread.sleep(5);
				}
			}
			catch (Throwable t) {
				failure.compareAndSet(null, t);
			}
		}));
		threads.forEach(Thread::start);
		for (int p = 1; p <= contactsToAdd; p++) {
			index.append(p % 2, p, p, p + 1);
			index.flush();
		}
		done.set(true);
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(failure.get()).isNull();
		assertThat(contacts(index, 0)).hasSize(contactsToAdd);
	}
}
