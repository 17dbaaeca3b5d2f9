package org.gridguard.venue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gridguard.TestHttp;
import org.gridguard.person.IdDocument;
import org.gridguard.person.IdType;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.Paging;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sentinel pharmacy registers a buyer of fever medicine (the buyer is reminded to test, the control loop is told);
 * the check-in feed hands every durable check-in to its subscribers and replays stored ones for an index rebuild.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PharmacyAndFeedIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	VenueManagement venues;

	@Autowired
	CheckInFeed feed;

	@Autowired
	PersonManagement persons;

	@Autowired
	PublishedEvents events;

	@Autowired
	Messages messages;

	@Autowired
	ObjectMapper json;

	@Test
	void thePharmacistRegistersABuyerAndTheControlLoopIsTold() {
		Venue pharmacy = venues.search(Jurisdiction.system(), new VenueQuery("老百姓大药房", "PHARMACY", "330784001", null),
				new Paging(0, 1)).items().get(0);
		TestHttp pharmacist = TestHttp.signedIn(port, "pharmacy", "demo-test-password");
		String refused = pharmacist.post("/venues/" + pharmacy.id() + "/purchases",
				Map.of("name", "胡发热", "idNumber", "330784", "phone", "13905799999", "quantity", "1")).body();
		assertThat(refused).contains("身份证号应为 18 位").contains("请至少选择一类药品").contains("value=\"胡发热\"");

		String id = VenueFixtures.idNumber();
		String saved = pharmacist.postRaw("/venues/" + pharmacy.id() + "/purchases", "name=" + enc("胡发热") + "&idNumber=" + id
				+ "&phone=13905799999&quantity=2&medicine=ANTIPYRETIC&medicine=COUGH&fever=true").body();
		assertThat(saved).contains("已登记，已向购药人发送核酸检测提醒").contains("退热药").contains("止咳药");
		long buyer = persons.findByDocument(IdDocument.parse(IdType.RESIDENT_ID, id, java.time.LocalDate.now(), "id", messages)
			.document()).orElseThrow().id();
		assertThat(events.purchases).anySatisfy(e -> {
			assertThat(e.personId()).isEqualTo(buyer);
			assertThat(e.venueId()).isEqualTo(pharmacy.id());
			assertThat(e.medicines()).isEqualTo("ANTIPYRETIC,COUGH");
		});
		Venue mall = venues.search(Jurisdiction.system(), new VenueQuery("华联商厦", null, null, null), new Paging(0, 1))
			.items().get(0);
		assertThat(pharmacist.get("/venues/" + mall.id() + "/purchases").statusCode()).isEqualTo(404);
	}

	@Test
	void subscribersReceiveEveryDurableCheckInAndReplayStreamsStoredOnes() throws Exception {
		Venue mall = venues.search(Jurisdiction.system(), new VenueQuery("宝龙广场", null, null, null), new Paging(0, 1))
			.items().get(0);
		List<long[]> live = new CopyOnWriteArrayList<>();
		feed.subscribe((person, venue, start, end) -> {
			if (venue == mall.id()) {
				live.add(new long[] { person, venue, start, end });
			}
		});
		OffsetDateTime at = OffsetDateTime.now().minusHours(2).truncatedTo(ChronoUnit.SECONDS);
		String body = json.writeValueAsString(Map.of("checkins", List.of(
				Map.of("venueCode", mall.code(), "idNumber", VenueFixtures.idNumber(), "at", at.toString()),
				Map.of("venueCode", mall.code(), "idNumber", VenueFixtures.idNumber(), "at", at.toString(), "leftAt",
						at.plusMinutes(50).toString()))));
		assertThat(TestHttp.anonymous(port).api("POST", "/api/v1/checkins", body, TestHttp.basic("admin", "admin-test-password"))
			.statusCode()).isEqualTo(200);

		long start = at.toEpochSecond();
		assertThat(live).extracting(r -> r[2] + "-" + r[3])
			.containsExactlyInAnyOrder(start + "-" + (start + 1800), start + "-" + (start + 3000));
		List<long[]> replayed = new CopyOnWriteArrayList<>();
		feed.replay(Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + 1), (person, venue, s, e) -> {
			if (venue == mall.id()) {
				replayed.add(new long[] { person, venue, s, e });
			}
		});
		assertThat(replayed).extracting(r -> r[0] + ":" + r[3])
			.containsExactlyInAnyOrderElementsOf(live.stream().map(r -> r[0] + ":" + r[3]).toList());

		// a window of several days is read day by day on several threads: every stored check-in once
		java.util.Set<Long> ours = new java.util.HashSet<>(live.stream().map(r -> r[0]).toList());
		List<String> days = new CopyOnWriteArrayList<>();
		java.util.concurrent.atomic.AtomicLong all = new java.util.concurrent.atomic.AtomicLong();
		Instant from = at.minusDays(3).toInstant();
		Instant to = at.plusDays(1).toInstant();
		long delivered = feed.replay(from, to, (person, venue, s, e) -> {
			all.incrementAndGet();
			if (ours.contains(person)) {
				days.add(person + ":" + e);
			}
		});
		assertThat(days).containsExactlyInAnyOrderElementsOf(live.stream().map(r -> r[0] + ":" + r[3]).toList());
		assertThat(delivered).isEqualTo(all.get()).isEqualTo(jdbc.queryForObject(
				"SELECT count(*) FROM venue_check_in WHERE at >= ? AND at < ?", Long.class,
				java.sql.Timestamp.from(from), java.sql.Timestamp.from(to)));
	}

	private static String enc(String s) {
		return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
	}

}
