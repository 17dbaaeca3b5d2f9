package org.gridguard.tracing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.gridguard.trace.ContactQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Gathering the rows of several tracing nodes, and the messages between them. */
class ContactMergeTests {

	@Test
	void aPairAnsweredByTwoNodesKeepsTheEarliestOverlapThenTheSmallerVenueThenTheEarlierEnd() {
		var merge = new ContactMerge();
		merge.accept(1, 2, 30, 500, 900);
		merge.accept(1, 2, 10, 600, 700); // later start
		merge.accept(1, 3, 40, 100, 300);
		merge.accept(1, 3, 20, 100, 400); // same start, smaller venue
		merge.accept(4, 5, 50, 100, 400);
		merge.accept(4, 5, 50, 100, 200); // same start and venue, earlier end
		merge.accept(1, 2, 30, 500, 900); // the same row again
		assertThat(rows(merge)).containsExactly("1 2 30 500 900", "1 3 20 100 400", "4 5 50 100 200");
	}

	@Test
	void manyPairsSurviveTheTableGrowing() {
		var merge = new ContactMerge();
		for (int i = 0; i < 50_000; i++) {
			merge.accept(i % 7, i, 1, 1_000 - i % 3, 2_000);
			merge.accept(i % 7, i, 1, 1_000, 2_000);
		}
		assertThat(merge.size()).isEqualTo(50_000);
		assertThat(rows(merge)).allMatch(r -> r.endsWith(" " + (1_000 - Integer.parseInt(r.split(" ")[1]) % 3) + " 2000"));
	}

	@Test
	void aNodeAnswerCrossesTheWireUnchanged() throws Exception {
		var request = new ByteArrayOutputStream();
		NodeProtocol.writeRequest(new DataOutputStream(request), new long[] { 5, 0, 17 }, new int[] { 3, 9 },
				new ContactQuery(100, 86_500, 60, 0), 2_500);
		NodeProtocol.Request read = NodeProtocol.readRequest(new DataInputStream(new ByteArrayInputStream(request.toByteArray())));
		assertThat(read.required()).containsExactly(5, 0, 17);
		assertThat(read.persons()).containsExactly(3, 9);
		assertThat(read.query()).isEqualTo(new ContactQuery(100, 86_500, 60, 0));
		assertThat(read.waitMillis()).isEqualTo(2_500);

		var answer = new ByteArrayOutputStream();
		var out = new DataOutputStream(answer);
		NodeProtocol.writeCovered(out, new boolean[] { true, false, true });
		NodeProtocol.rowWriter(out).accept(3, 4, 5, 600, 700);
		NodeProtocol.rowWriter(out).accept(9, 1, 2, 800, 900);
		NodeProtocol.writeEnd(out);
		var merge = new ContactMerge();
		boolean[] covered = NodeProtocol.readAnswer(new DataInputStream(new ByteArrayInputStream(answer.toByteArray())), merge);
		assertThat(covered).containsExactly(true, false, true);
		assertThat(rows(merge)).containsExactly("3 4 5 600 700", "9 1 2 800 900");
	}

	private static List<String> rows(ContactMerge merge) {
		var rows = new ArrayList<String>();
		merge.emit((i, c, v, s, e) -> rows.add(i + " " + c + " " + v + " " + s + " " + e));
		rows.sort(null);
		return rows;
	}

}
