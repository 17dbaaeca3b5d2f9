package org.gridguard.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.gridguard.platform.Conflict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridguard.notice.NoticeFixtures.ADMIN;
import static org.gridguard.notice.NoticeFixtures.title;

/**
 * Notice numbers of a year run 1, 2, 3 … with neither gaps nor duplicates: under many concurrent publications (some of
 * them of the same notice twice), and when a publication is refused after it took its number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NoticeNumberingIntegrationTests {

	@Autowired
	Drafting drafting;

	@Autowired
	Approval approval;

	@Autowired
	Publishing publishing;

	@Autowired
	NoticeQueries queries;

	@Autowired
	Clock clock;

	private NoticeFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new NoticeFixtures(drafting, approval);
	}

	@Test
	void concurrentPublicationsNumberEveryNoticeOnceWithoutGaps() throws Exception {
		int notices = 24;
		List<Notice> approved = IntStream.range(0, notices).mapToObj(i -> fixtures.approved(title("并发编号"))).toList();
		int year = LocalDate.now(clock).getYear();
		int before = queries.numbersOf(year).size();

		// every notice is published by two threads at once: one wins, the other is refused
		var tasks = new ArrayList<Callable<String>>();
		var start = new CountDownLatch(1);
		for (Notice notice : approved) {
			for (int twice = 0; twice < 2; twice++) {
				tasks.add(() -> {
					start.await();
					try {
						return publishing.publish(notice.id(), ADMIN).number();
					}
					catch (Conflict refused) {
						return null;
					}
				});
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			var futures = new ArrayList<Future<String>>();
			tasks.forEach(task -> futures.add(pool.submit(task)));
			start.countDown();
			var numbers = new ArrayList<String>();
			for (Future<String> f : futures) {
				String number = f.get();
				if (number != null) {
					numbers.add(number);
				}
			}
			assertThat(numbers).hasSize(notices).doesNotHaveDuplicates();
		}
		finally {
			pool.shutdownNow();
		}

		List<Integer> all = queries.numbersOf(year);
		assertThat(all).hasSize(before + notices);
		assertThat(all).as("the year's numbers run from 1 without a gap")
			.containsExactlyElementsOf(IntStream.rangeClosed(1, all.size()).boxed().toList());
		for (Notice notice : approved) {
			Notice published = queries.find(notice.id()).orElseThrow();
			assertThat(published.state()).isEqualTo(Notice.State.PUBLISHED);
			assertThat(published.number()).isEqualTo("〔" + year + "〕" + published.seq() + "号");
		}
	}

	@Test
	void aRefusedPublicationGivesItsNumberBack() {
		Notice first = publishing.publish(fixtures.approved(title("退号甲")).id(), ADMIN);
		assertThatThrownBy(() -> publishing.publish(first.id(), ADMIN)).isInstanceOf(Conflict.class);
		Notice notApproved = fixtures.draft(title("退号乙"), List.of());
		assertThatThrownBy(() -> publishing.publish(notApproved.id(), ADMIN)).isInstanceOf(Conflict.class);

		Notice next = publishing.publish(fixtures.approved(title("退号丙")).id(), ADMIN);

		assertThat(next.year()).isEqualTo(first.year());
		assertThat(next.seq()).isEqualTo(first.seq() + 1);
		assertThat(queries.find(notApproved.id()).orElseThrow().number()).isNull();
	}

}
