package org.gridguard.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded differential tests: the index against the brute-force oracle on small random workloads with few venues
 * (so that stays overlap a lot), exact rows compared, for Q1, Q2 and 2-hop, over every way the data can reach the
 * index (bulk build, appended runs, compaction, shards, dropped days).
 */
class ContactIndexTests {

	static IntStream seeds() {
		return IntStream.range(0, 120);
	}

	/** A random workload and both the index and the oracle loaded with it. */
	static final class Fixture {
		final ContactIndex index;
		final NaiveContacts oracle;
		final int[] persons;
		final int days;

		Fixture(long seed) {
			SplittableRandom r = new SplittableRandom(seed);
			boolean shortStays = r.nextBoolean();
			int maxStay = shortStays ? 3_600 : 14_400;
			int defaultStay = shortStays ? 1_200 : 1_800;
			int shards = r.nextInt(3) == 0 ? 3 : 1;
			int personCount = 15 + r.nextInt(40);
			persons = new int[personCount];
			boolean sparse = r.nextBoolean();
			for (int p = 0; p < personCount; p++) {
				persons[p] = sparse ? 1_000_003 * (p + 1) % 2_000_000_011 : p;
			}
			int venues = 1 + r.nextInt(5);
			days = 1 + r.nextInt(4);
			int[] events = new int[4 + r.nextInt(6)];
			for (int e = 0; e < events.length; e++) {
				int day = r.nextInt(days);
				// some events straddle midnight so stays cross into the next day's segment
				events[e] = r.nextInt(3) == 0 ? Math.max(0, (day + 1) * 86_400 - 2_000) : day * 86_400 + r.nextInt(86_400 - 4_000);
			}
			int n = 60 + r.nextInt(400);
			int[][] rows = new int[n][];
			for (int i = 0; i < n; i++) {
				int venue = r.nextInt(venues) * (sparse ? 3 : 1);
				int person = persons[r.nextInt(personCount)];
				int start = events[r.nextInt(events.length)] + r.nextInt(5_000);
				if (r.nextInt(4) == 0) {
					start -= start % 600; // exact ties between stays
				}
				int end;
				int kind = r.nextInt(10);
				if (kind < 2) {
					end = -1;
				}
				else if (kind == 2) {
					end = start + maxStay + r.nextInt(10_000); // over the cap
				}
				else if (kind == 3) {
					end = start;
				}
				else {
					end = start + r.nextInt(maxStay + 1);
				}
				rows[i] = new int[] { venue, person, start, end };
			}
			oracle = new NaiveContacts(defaultStay, maxStay);
			for (int[] row : rows) {
				oracle.add(row[0], row[1], row[2], row[3]);
			}
			int mode = r.nextInt(4);
			int bulk = mode == 3 ? 0 : (mode == 0 ? n : n / 2);
			ContactIndexBuilder builder = ContactIndex.builder().defaultStay(defaultStay).maxStay(maxStay).shards(shards)
					.publishIntervalMillis(0);
			sharedLookups(builder, seed);
			for (int i = 0; i < bulk; i++) {
				builder.add(rows[i][0], rows[i][1], rows[i][2], rows[i][3]);
			}
			index = builder.build();
			for (int i = bulk; i < n; i++) {
				index.append(rows[i][0], rows[i][1], rows[i][2], rows[i][3]);
				if (r.nextInt(25) == 0) {
					index.flush();
				}
				if (mode == 2 && i == (bulk + n) / 2) {
					index.compact();
				}
			}
			index.flush();
			if (mode == 2 && r.nextBoolean()) {
				index.compact();
			}
			if (days > 1 && r.nextInt(4) == 0) {
				index.dropDaysBefore(1);
				oracle.dropDaysBefore(1);
			}
		}

		List<ContactQuery> queries(SplittableRandom r) {
			List<ContactQuery> queries = new ArrayList<>();
			queries.add(ContactQuery.allTime());
			queries.add(ContactQuery.allTime().withTolerance(1_800));
			queries.add(ContactQuery.allTime().withTolerance(1 + r.nextInt(600)));
			queries.add(ContactQuery.allTime().withMinOverlap(1 + r.nextInt(900)));
			queries.add(ContactQuery.allTime().withTolerance(r.nextInt(900)).withMinOverlap(r.nextInt(300)));
			int from = r.nextInt(days * 86_400);
			queries.add(new ContactQuery(from, from + r.nextInt(86_400), r.nextInt(2) * 300, 0));
			return queries;
		}
	}

	/**
	 * Half of the seeds share every single-person lookup with the index's helper thread, in chunks of 1 to 3 ranges
	 * (so that even small lookups are split, and the two threads meet the same persons); the others keep the default
	 * (only index persons with many stays are shared). Drawn apart from the workload, which stays as it was.
	 */
	static void sharedLookups(ContactIndexBuilder builder, long seed) {
		SplittableRandom r = new SplittableRandom(seed ^ 0x5eed5eedL);
		if (r.nextBoolean()) {
			builder.splitLookups(true).splitFromStays(0).splitChunk(1 + r.nextInt(3));
		}
	}

	@ParameterizedTest
	@MethodSource("seeds")
	void singleIndexPersonMatchesNaiveScan(long seed) {
		Fixture f = new Fixture(seed);
		for (ContactQuery q : f.queries(new SplittableRandom(seed + 1))) {
			for (int person : f.persons) {
				List<Contact> expected = f.oracle.contacts(person, q);
				Contact.Collector sink = new Contact.Collector();
				int delivered = f.index.contacts(person, q, sink);
				assertThat(sink.rows).as("seed %d, person %d, %s", seed, person, q).containsExactlyInAnyOrderElementsOf(expected);
				assertThat(delivered).isEqualTo(sink.rows.size());
				Contact.BatchCollector batches = new Contact.BatchCollector();
				f.index.contacts(person, q, batches);
				// the same rows; in no particular order (a shared lookup delivers the helper's rows after its own)
				assertThat(batches.rows).as("batches: seed %d, person %d, %s", seed, person, q)
						.containsExactlyInAnyOrderElementsOf(sink.rows);
			}
		}
	}

	/**
	 * Busy venues: thousands of stays per venue and day, so that every lookup starts its scans from the fences in
	 * the middle of long (venue, duration class) runs, and thousands of contacts per index person (more than one
	 * delivery batch, repeat meetings, persons sharing a filter bit).
	 */
	@ParameterizedTest
	@MethodSource("denseSeeds")
	void busyVenuesMatchNaiveScan(long seed) {
		SplittableRandom r = new SplittableRandom(seed);
		int maxStay = 14_400;
		int personCount = 300 + r.nextInt(3_000);
		int n = 4_000 + r.nextInt(6_000);
		int venues = 1 + r.nextInt(3);
		int days = 1 + r.nextInt(2);
		NaiveContacts oracle = new NaiveContacts(1_800, maxStay);
		ContactIndexBuilder builder = ContactIndex.builder().publishIntervalMillis(0);
		sharedLookups(builder, seed);
		int[][] rows = new int[n][];
		for (int i = 0; i < n; i++) {
			int start = r.nextInt(days * 86_400);
			if (r.nextInt(3) == 0) {
				start -= start % 300; // exact ties
			}
			int kind = r.nextInt(10);
			int end = kind < 2 ? -1 : kind == 2 ? start + maxStay + r.nextInt(5_000) : start + r.nextInt(maxStay + 1);
			rows[i] = new int[] { r.nextInt(venues), r.nextInt(personCount), start, end };
			oracle.add(rows[i][0], rows[i][1], rows[i][2], rows[i][3]);
		}
		int bulk = r.nextBoolean() ? n : n - n / 10;
		for (int i = 0; i < bulk; i++) {
			builder.add(rows[i][0], rows[i][1], rows[i][2], rows[i][3]);
		}
		ContactIndex index = builder.build();
		for (int i = bulk; i < n; i++) {
			index.append(rows[i][0], rows[i][1], rows[i][2], rows[i][3]);
		}
		index.flush();
		List<ContactQuery> queries = List.of(ContactQuery.allTime(), ContactQuery.allTime().withTolerance(1_800),
				ContactQuery.allTime().withTolerance(1 + r.nextInt(900)).withMinOverlap(r.nextInt(600)),
				new ContactQuery(r.nextInt(86_400), 86_400 + r.nextInt(86_400), r.nextInt(2) * 600, 0));
		for (ContactQuery q : queries) {
			for (int k = 0; k < 12; k++) {
				int person = r.nextInt(personCount);
				Contact.BatchCollector sink = new Contact.BatchCollector();
				int delivered = index.contacts(person, q, sink);
				assertThat(sink.rows).as("seed %d, person %d, %s", seed, person, q)
						.containsExactlyInAnyOrderElementsOf(oracle.contacts(person, q));
				assertThat(delivered).isEqualTo(sink.rows.size());
			}
		}
	}

	/**
	 * One index person meets tens of thousands of persons: the first-meeting filter fills up, so many persons share a
	 * bit with one met before; many are met twice (the earlier meeting must win, whichever is scanned first); another
	 * index person's lookup reuses the scratch afterwards.
	 */
	@Test
	void indexPersonMeetingTensOfThousandsMatchesNaiveScan() {
		SplittableRandom r = new SplittableRandom(7);
		int index = 5_000_000;
		NaiveContacts oracle = new NaiveContacts(1_800, 14_400);
		// shared with the helper thread range by range: both threads meet most persons, the earlier meeting must win
		ContactIndexBuilder builder = ContactIndex.builder().publishIntervalMillis(0).splitLookups(true).splitFromStays(0)
				.splitChunk(1);
		int[][] rows = new int[150_000][];
		int n = 0;
		rows[n++] = new int[] { 1, index, 3_600, 3_600 + 14_000 };
		rows[n++] = new int[] { 2, index, 20_000, 20_000 + 10_000 };
		rows[n++] = new int[] { 1, index + 1, 10_000, 11_000 };
		for (int p = 0; p < 70_000; p++) {
			int venue = 1 + r.nextInt(2);
			int start = r.nextInt(32_000);
			rows[n++] = new int[] { venue, p * 3, start, r.nextInt(5) == 0 ? -1 : start + r.nextInt(14_400) };
			if (r.nextInt(3) == 0) {
				int again = r.nextInt(32_000);
				rows[n++] = new int[] { 3 - venue, p * 3, again, again + r.nextInt(3_600) };
			}
		}
		for (int i = 0; i < n; i++) {
			builder.add(rows[i][0], rows[i][1], rows[i][2], rows[i][3]);
			oracle.add(rows[i][0], rows[i][1], rows[i][2], rows[i][3]);
		}
		ContactIndex built = builder.build();
		for (int person : new int[] { index, index + 1, index }) {
			for (ContactQuery q : List.of(ContactQuery.allTime(), ContactQuery.allTime().withTolerance(1_800))) {
				Contact.BatchCollector sink = new Contact.BatchCollector();
				int delivered = built.contacts(person, q, sink);
				List<Contact> expected = oracle.contacts(person, q);
				assertThat(sink.rows).as("person %d, %s", person, q).containsExactlyInAnyOrderElementsOf(expected);
				assertThat(delivered).isEqualTo(expected.size());
			}
		}
		assertThat(oracle.contacts(index, ContactQuery.allTime())).hasSizeGreaterThan(40_000);
	}

	/**
	 * Three threads look up the same busy index at once, every lookup eligible for sharing: one at a time gets the
	 * helper thread, the others run alone, and a lookup's rows never mix with another's.
	 */
	@Test
	void concurrentSharedLookupsMatchNaiveScan() throws InterruptedException {
		SplittableRandom r = new SplittableRandom(11);
		NaiveContacts oracle = new NaiveContacts(1_800, 14_400);
		ContactIndexBuilder builder = ContactIndex.builder().publishIntervalMillis(0).shards(2).splitLookups(true)
				.splitFromStays(0).splitChunk(2);
		int personCount = 400;
		for (int i = 0; i < 12_000; i++) {
			int start = r.nextInt(2 * 86_400);
			int end = r.nextInt(5) == 0 ? -1 : start + r.nextInt(14_400);
			int venue = r.nextInt(6);
			int person = r.nextInt(personCount);
			builder.add(venue, person, start, end);
			oracle.add(venue, person, start, end);
		}
		ContactQuery q = ContactQuery.allTime().withTolerance(600);
		List<List<Contact>> expected = new ArrayList<>();
		for (int p = 0; p < personCount; p++) {
			expected.add(oracle.contacts(p, q));
		}
		try (ContactIndex index = builder.build()) {
			AtomicReference<Throwable> failure = new AtomicReference<>();
			AtomicInteger lookups = new AtomicInteger();
			List<Thread> threads = new ArrayList<>();
			for (int t = 0; t < 3; t++) {
				int first = t;
				threads.add(new Thread(() -> {
					try {
						for (int round = 0; round < 3; round++) {
							for (int p = first; p < personCount; p += 2) {
								Contact.BatchCollector sink = new Contact.BatchCollector();
								int delivered = index.contacts(p, q, sink);
								assertThat(sink.rows).as("person %d", p).containsExactlyInAnyOrderElementsOf(expected.get(p));
								assertThat(delivered).isEqualTo(sink.rows.size());
								lookups.incrementAndGet();
							}
						}
					}
					catch (Throwable e) {
						failure.compareAndSet(null, e);
					}
				}));
			}
			threads.forEach(Thread::start);
			for (Thread thread : threads) {
				thread.join();
			}
			assertThat(failure.get()).isNull();
			assertThat(lookups.get()).isEqualTo(3 * (200 + 200 + 199)); // persons 0,2,..; 1,3,..; 2,4,.. three rounds each
		}
	}

	static IntStream denseSeeds() {
		return IntStream.range(0, 24);
	}

	@ParameterizedTest
	@MethodSource("seeds")
	void manyIndexPersonsOnTwoThreadsMatchNaiveScan(long seed) {
		Fixture f = new Fixture(seed);
		for (ContactQuery q : f.queries(new SplittableRandom(seed + 2))) {
			List<Contact> expected = new ArrayList<>();
			int[] indexPersons = new int[f.persons.length / 2 + 1];
			for (int i = 0; i < indexPersons.length; i++) {
				indexPersons[i] = f.persons[(i * 7) % f.persons.length];
			}
			for (int person : IntStream.of(indexPersons).distinct().toArray()) {
				expected.addAll(f.oracle.contacts(person, q));
			}
			Contact.Collector sink = new Contact.Collector();
			long delivered = f.index.contacts(indexPersons, q, 2, sink);
			assertThat(sink.rows).as("seed %d, %s", seed, q).containsExactlyInAnyOrderElementsOf(expected);
			assertThat(delivered).isEqualTo(expected.size());
		}
	}

	@ParameterizedTest
	@MethodSource("seeds")
	void contactsOfContactsMatchNaiveScan(long seed) {
		Fixture f = new Fixture(seed);
		SplittableRandom r = new SplittableRandom(seed + 3);
		for (ContactQuery q : f.queries(r)) {
			int person = f.persons[r.nextInt(f.persons.length)];
			int secondaryTo = r.nextBoolean() ? Integer.MAX_VALUE : r.nextInt(f.days * 86_400 + 1);
			Contact.Collector sink = new Contact.Collector();
			long delivered = f.index.secondDegree(person, q, secondaryTo, sink);
			assertThat(sink.rows).as("seed %d, person %d, %s", seed, person, q)
					.containsExactlyInAnyOrderElementsOf(f.oracle.secondDegree(person, q, secondaryTo));
			assertThat(delivered).isEqualTo(sink.rows.size());
		}
	}
}
