package org.gridguard.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The edge cases of the contact rule, one scenario each, with the rows the tracing API promises. */
class ContactRuleTests {

	private static final int A = 101;
	private static final int B = 202;
	private static final int C = 303;

	private static ContactIndexBuilder builder() {
		return ContactIndex.builder().publishIntervalMillis(0);
	}

	private static List<Contact> contacts(ContactIndex index, int person, ContactQuery query) {
		Contact.Collector sink = new Contact.Collector();
		index.contacts(person, query, sink);
		return sink.rows;
	}

	private static List<Contact> contacts(ContactIndex index, int person) {
		return contacts(index, person, ContactQuery.allTime());
	}

	@Test
	void touchingStaysAreNotContactsAtToleranceZero() {
		ContactIndex index = builder().add(1, A, 1_000, 2_000).add(1, B, 2_000, 3_000).build();
		assertThat(contacts(index, A)).isEmpty();
		assertThat(contacts(index, B)).isEmpty();
		assertThat(contacts(index, A, ContactQuery.allTime().withTolerance(1)))
				.containsExactly(new Contact(A, B, 1, 2_000, 2_000));
	}

	@Test
	void staysExactlyToleranceApartAreNotContactsButOneSecondLessAre() {
		int tolerance = 600;
		ContactIndex apart = builder().add(1, A, 1_000, 2_000).add(1, B, 2_000 + tolerance, 3_000 + tolerance).build();
		assertThat(contacts(apart, A, ContactQuery.allTime().withTolerance(tolerance))).isEmpty();
		assertThat(contacts(apart, B, ContactQuery.allTime().withTolerance(tolerance))).isEmpty();

		ContactIndex closer = builder().add(1, A, 1_000, 2_000).add(1, B, 2_000 + tolerance - 1, 3_000).build();
		assertThat(contacts(closer, A, ContactQuery.allTime().withTolerance(tolerance)))
				.containsExactly(new Contact(A, B, 1, 2_599, 2_000));
		assertThat(contacts(closer, B, ContactQuery.allTime().withTolerance(tolerance)))
				.containsExactly(new Contact(B, A, 1, 2_599, 2_000));
	}

	@Test
	void stayWithoutCheckOutLastsTheDefaultStay() {
		ContactIndex index = builder().defaultStay(1_800).add(1, A, 1_000, -1).add(1, B, 2_799, 2_900).add(1, C, 2_800, 2_900)
				.build();
		assertThat(contacts(index, A)).containsExactly(new Contact(A, B, 1, 2_799, 2_800));
	}

	@Test
	void staysAreCappedAtTheMaximumStay() {
		ContactIndex index = builder().maxStay(14_400).add(1, A, 0, 20_000).add(1, B, 14_399, 15_000).add(1, C, 14_400, 15_000)
				.build();
		assertThat(contacts(index, A)).containsExactly(new Contact(A, B, 1, 14_399, 14_400));
		assertThat(contacts(index, C)).extracting(Contact::contact).containsExactly(B);
	}

	@Test
	void stayAcrossMidnightIsFoundFromTheNextDaysStays() {
		int midnight = ContactIndex.SECONDS_PER_DAY;
		ContactIndex index = builder().add(4, A, midnight - 600, midnight + 600).add(4, B, midnight + 100, midnight + 200).build();
		assertThat(contacts(index, B, new ContactQuery(midnight, 2 * midnight, 0, 0)))
				.containsExactly(new Contact(B, A, 4, midnight + 100, midnight + 200));
		assertThat(contacts(index, A)).containsExactly(new Contact(A, B, 4, midnight + 100, midnight + 200));
		// A's stay starts on day 0, so a window over day 1 does not look it up
		assertThat(contacts(index, A, new ContactQuery(midnight, 2 * midnight, 0, 0))).isEmpty();
	}

	@Test
	void stayAcrossMidnightIsFoundWhenAppendedAndCompacted() {
		int midnight = ContactIndex.SECONDS_PER_DAY;
		ContactIndex index = builder().add(4, A, midnight - 600, midnight + 600).build();
		index.append(4, B, midnight + 100, midnight + 200);
		index.flush();
		assertThat(contacts(index, B)).containsExactly(new Contact(B, A, 4, midnight + 100, midnight + 200));
		index.compact();
		assertThat(contacts(index, B)).containsExactly(new Contact(B, A, 4, midnight + 100, midnight + 200));
	}

	@Test
	void indexPersonsAreEachOthersContactsInOneQuery() {
		ContactIndex index = builder().add(1, A, 1_000, 2_000).add(1, B, 1_500, 2_500).add(2, C, 1_000, 2_000).build();
		Contact.Collector sink = new Contact.Collector();
		index.contacts(new int[] { A, B, C, A }, ContactQuery.allTime(), 2, sink);
		assertThat(sink.rows).containsExactlyInAnyOrder(new Contact(A, B, 1, 1_500, 2_000), new Contact(B, A, 1, 1_500, 2_000));
	}

	@Test
	void earliestOverlapTieGoesToTheSmallerVenueThenTheEarlierEnd() {
		ContactIndex venues = builder().add(5, A, 1_000, 2_000).add(3, A, 1_000, 1_500).add(5, B, 1_000, 3_000)
				.add(3, B, 1_000, 3_000).build();
		assertThat(contacts(venues, A)).containsExactly(new Contact(A, B, 3, 1_000, 1_500));

		ContactIndex ends = builder().add(3, A, 1_000, 2_000).add(3, A, 1_000, 1_200).add(3, B, 1_000, 5_000).build();
		assertThat(contacts(ends, A)).containsExactly(new Contact(A, B, 3, 1_000, 1_200));

		ContactIndex earliest = builder().add(9, A, 500, 4_000).add(2, A, 1_000, 4_000).add(9, B, 900, 4_000).add(2, B, 900, 4_000)
				.build();
		assertThat(contacts(earliest, A)).containsExactly(new Contact(A, B, 9, 900, 4_000));
	}

	/**
	 * The first-meeting filter hashes persons to bits; persons that share a bit with the index person, with a contact
	 * met before, or with each other are still each reported once, with their earliest co-presence.
	 */
	@Test
	void personsSharingAFilterBitAreEachReportedOnce() {
		int index = 1_000;
		int[] sharing = new int[4];
		for (int candidate = index + 1, found = 0; found < sharing.length; candidate++) {
			if (ContactSearch.filterBit(candidate) == ContactSearch.filterBit(index)) {
				sharing[found++] = candidate;
			}
		}
		int b = sharing[0];
		int c = sharing[1];
		int d = sharing[2];
		ContactIndex built = builder().add(1, index, 1_000, 5_000)
				.add(1, b, 1_500, 2_000) // shares the index person's bit
				.add(1, c, 3_000, 3_500) // shares it too, and is met again earlier at venue 2
				.add(2, index, 100, 900).add(2, c, 200, 300)
				// met twice at one venue: the short later stay's duration class is scanned before the long earlier one's
				.add(1, d, 4_000, 4_500).add(1, d, 1_200, 4_800)
				.build();
		assertThat(contacts(built, index)).containsExactlyInAnyOrder(new Contact(index, b, 1, 1_500, 2_000),
				new Contact(index, c, 2, 200, 300), new Contact(index, d, 1, 1_200, 4_800));
		assertThat(contacts(built, c)).containsExactlyInAnyOrder(new Contact(c, index, 2, 200, 300),
				new Contact(c, d, 1, 3_000, 3_500));
	}

	@Test
	void minimumOverlapIsInclusive() {
		ContactIndex index = builder().add(1, A, 1_000, 2_000).add(1, B, 1_700, 2_500).build();
		assertThat(contacts(index, A, ContactQuery.allTime().withMinOverlap(300)))
				.containsExactly(new Contact(A, B, 1, 1_700, 2_000));
		assertThat(contacts(index, A, ContactQuery.allTime().withMinOverlap(301))).isEmpty();
	}

	@Test
	void windowSelectsIndexStaysByStartInclusiveFromExclusiveTo() {
		ContactIndex index = builder().add(1, A, 1_000, 2_000).add(1, B, 500, 2_500).build();
		assertThat(contacts(index, A, new ContactQuery(1_000, 1_001, 0, 0))).hasSize(1);
		assertThat(contacts(index, A, new ContactQuery(1_001, 5_000, 0, 0))).isEmpty();
		assertThat(contacts(index, A, new ContactQuery(0, 1_000, 0, 0))).isEmpty();
		// the contact's own start may lie outside the window
		assertThat(contacts(index, A, new ContactQuery(900, 1_001, 0, 0))).containsExactly(new Contact(A, B, 1, 1_000, 2_000));
	}

	@Test
	void personIsNeverTheirOwnContact() {
		ContactIndex index = builder().add(1, A, 1_000, 2_000).add(1, A, 1_500, 2_500).build();
		assertThat(contacts(index, A)).isEmpty();
	}

	@Test
	void unknownPersonHasNoContacts() {
		ContactIndex index = builder().add(1, A, 1_000, 2_000).add(1, B, 1_500, 2_500).build();
		assertThat(contacts(index, 999_999)).isEmpty();
		assertThat(index.contacts(999_999, ContactQuery.allTime(), (i, c, v, s, e) -> { })).isZero();
	}

	@Test
	void secondDegreeLooksUpContactsFromTheirFirstExposure() {
		ContactIndex index = builder()
				.add(1, A, 10_000, 11_000)
				.add(1, B, 10_500, 12_000)
				.add(2, B, 9_000, 9_500) // before B met A: not looked up
				.add(2, C, 9_000, 9_500)
				.add(3, B, 12_000, 13_000) // after: looked up
				.add(3, 404, 12_500, 12_600)
				.add(3, A, 12_000, 12_400) // the index person is never a second-degree contact
				.build();
		Contact.Collector sink = new Contact.Collector();
		long rows = index.secondDegree(A, ContactQuery.allTime(), Integer.MAX_VALUE, sink);
		assertThat(sink.rows).containsExactly(new Contact(A, B, 1, 10_500, 11_000), new Contact(B, 404, 3, 12_500, 12_600));
		assertThat(rows).isEqualTo(2);
	}

	@Test
	void rejectsCheckOutBeforeCheckInAndNegativeIds() {
		ContactIndex index = builder().build();
		assertThatThrownBy(() -> index.append(1, A, 2_000, 1_999)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("before start");
		assertThatThrownBy(() -> index.append(-1, A, 2_000, -1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> index.append(1, -5, 2_000, -1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ContactQuery(10, 5, 0, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void reportsAboutElevenBytesPerCheckInForCompactIds() {
		ContactIndexBuilder builder = builder();
		for (int i = 0; i < 200_000; i++) {
			builder.add(i % 500, i % 10_000, i * 3, i * 3 + 1_800);
		}
		ContactIndex index = builder.build();
		assertThat(index.checkIns()).isEqualTo(200_000);
		assertThat(index.persons()).isEqualTo(10_000);
		assertThat(index.bytesPerCheckIn()).isBetween(11.0, 12.0);
	}
}
