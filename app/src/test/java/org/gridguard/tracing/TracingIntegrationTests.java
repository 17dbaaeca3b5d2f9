package org.gridguard.tracing;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.control.Category;
import org.gridguard.control.ControlQueries;
import org.gridguard.control.RiskPerson;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.gridguard.shared.Paging;
import org.gridguard.venue.NewVenue;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The co-presence query of the API contract, and a case investigation end to end: positive result → proposals →
 * classification by rule → confirmed contacts under control in their grids, second degree through a close contact,
 * a venue-level notice, and jurisdiction.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TracingIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN = TestHttp.basic("admin", "admin-test-password");

	private static final String CDC = TestHttp.basic("cdc", "demo-test-password");

	private static final Jurisdiction CITY = Jurisdiction.system();

	@LocalServerPort
	int port;

	@Autowired
	PersonManagement persons;

	@Autowired
	VenueManagement venues;

	@Autowired
	TracingIndex index;

	@Autowired
	InvestigationManagement investigations;

	@Autowired
	ControlQueries control;

	@Autowired
	Clock clock;

	@Test
	void theQueryFindsEachContactOnceWithItsEarliestOverlapAndStrictBoundaries() {
		Venue venue = venue("溯源测试超市");
		String a = TestIds.visitor();
		String b = TestIds.visitor();
		String touching = TestIds.visitor();
		String later = TestIds.visitor();
		Instant t0 = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		checkIn(venue, a, t0, t0.plusSeconds(3600));
		checkIn(venue, b, t0.plusSeconds(600), t0.plusSeconds(1200));          // overlaps 10 min
		checkIn(venue, b, t0.plusSeconds(1800), t0.plusSeconds(3000));         // a later overlap of the same pair
		checkIn(venue, touching, t0.plusSeconds(3600), t0.plusSeconds(4000));  // starts when a leaves: no contact
		checkIn(venue, later, t0.plusSeconds(3900), t0.plusSeconds(4500));     // 5 min after a left
		index.flush();

		JsonNode zero = query(a, t0.minusSeconds(60), t0.plusSeconds(60), 0, 0);
		assertThat(zero.get("contacts").size()).isEqualTo(1);
		JsonNode row = zero.get("contacts").get(0);
		assertThat(row.get("indexIdNumber").asString()).isEqualTo(a);
		assertThat(row.get("contactIdNumber").asString()).isEqualTo(b);
		assertThat(row.get("venueCode").asString()).isEqualTo(venue.code());
		assertThat(OffsetDateTime.parse(row.get("overlapStart").asString()).toInstant()).isEqualTo(t0.plusSeconds(600));
		assertThat(OffsetDateTime.parse(row.get("overlapEnd").asString()).toInstant()).isEqualTo(t0.plusSeconds(1200));

		JsonNode tolerant = query(a, t0.minusSeconds(60), t0.plusSeconds(60), 10, 0);
		assertThat(tolerant.get("contacts").valueStream().map(r -> r.get("contactIdNumber").asString()).toList())
			.containsExactlyInAnyOrder(b, touching, later);
		JsonNode longEnough = query(a, t0.minusSeconds(60), t0.plusSeconds(60), 0, 15);
		assertThat(longEnough.get("contacts").size()).isEqualTo(1);
		assertThat(OffsetDateTime.parse(longEnough.get("contacts").get(0).get("overlapStart").asString()).toInstant())
			.as("the 10 min overlap is too short; the 20 min one counts").isEqualTo(t0.plusSeconds(1800));
		assertThat(query(a, t0.minusSeconds(60), t0.plusSeconds(60), 0, 25).get("contacts").size()).isZero();
		assertThat(query(a, t0.plusSeconds(60), t0.plusSeconds(7200), 0, 0).get("contacts").size())
			.as("a's presence starts before the window").isZero();
	}

	@Test
	void aQuerySeesEveryCheckInAcknowledgedBeforeItBegan() {
		Instant t0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		// several rounds, each asking at once after the acknowledgement: none may miss the contact just stored
		for (int round = 0; round < 5; round++) {
			Venue venue = venue("读写一致测试店" + round);
			String a = TestIds.visitor();
			String b = TestIds.visitor();
			Instant at = t0.plusSeconds(round * 60L);
			checkIn(venue, a, at, at.plusSeconds(1800));
			checkIn(venue, b, at.plusSeconds(300), at.plusSeconds(900));
			JsonNode found = query(a, at.minusSeconds(1), at.plusSeconds(1), 0, 0);
			assertThat(found.get("contacts").valueStream().map(r -> r.get("contactIdNumber").asString()).toList())
				.as("round %d", round)
				.containsExactly(b);
		}
	}

	@Test
	void badQueriesAreRefusedNamingTheFieldAndOnlyEpidemiologistsMayAsk() {
		HttpResponse<String> bad = TestHttp.anonymous(port).api("POST", "/api/v1/tracing/queries",
				"{\"idNumbers\":[\"123\"],\"from\":\"yesterday\",\"to\":\"2022-01-05T00:00:00+08:00\",\"toleranceMinutes\":-1}",
				CDC);
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("\"field\":\"idNumbers[0]\"").contains("\"field\":\"from\"")
			.contains("\"field\":\"toleranceMinutes\"");
		assertThat(TestHttp.anonymous(port)
			.api("POST", "/api/v1/tracing/queries", "{}", TestHttp.basic("grid", "demo-test-password"))
			.statusCode()).isEqualTo(403);
	}

	@Test
	void aPositiveResultBecomesControlledContactsInTheirGrids() {
		String grid = "330784002001001";
		Person casePerson = resident("病例甲", grid);
		Person member = persons.createResident(new NewResident("同户乙", IdType.RESIDENT_ID, TestIds.resident(), null, null,
				null, casePerson.householdId()), CITY);
		Person longStay = resident("长时丙", "330784002001002");
		Person shortStay = resident("短时丁", "330784003001001");
		Person secondDegree = resident("二代戊", "330784003001001");
		Venue market = venue("溯源测试菜场");
		Venue mall = venue("溯源测试商场");
		Instant t0 = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		checkIn(market, idOf(casePerson), t0, t0.plusSeconds(3600));
		checkIn(market, idOf(longStay), t0.plusSeconds(300), t0.plusSeconds(2700));    // 40 min together
		checkIn(market, idOf(shortStay), t0.plusSeconds(3000), t0.plusSeconds(3300));  // 5 min together
		checkIn(mall, idOf(casePerson), t0.plusSeconds(7200), t0.plusSeconds(9000));
		String[] crowd = new String[6];
		for (int i = 0; i < crowd.length; i++) {
			crowd[i] = TestIds.visitor();
			checkIn(mall, crowd[i], t0.plusSeconds(7300 + i * 60), t0.plusSeconds(7800 + i * 60));
		}
		Venue restaurant = venue("溯源测试餐馆");
		checkIn(restaurant, idOf(longStay), t0.plusSeconds(4000), t0.plusSeconds(6000));      // after meeting the case
		checkIn(restaurant, idOf(secondDegree), t0.plusSeconds(4200), t0.plusSeconds(6200));
		index.flush();

		String body = "{\"results\":[{\"idNumber\":\"" + idOf(casePerson) + "\",\"sampledAt\":\""
				+ OffsetDateTime.ofInstant(Instant.now().minusSeconds(60), clock.getZone()) + "\",\"kind\":\"NAT\",\"result\":\"POSITIVE\"}]}";
		TestHttp.anonymous(port).api("POST", "/api/v1/test-results", body, ADMIN);
		await(() -> investigations.openFor(casePerson.id()).isPresent());
		Investigation investigation = investigations.openFor(casePerson.id()).orElseThrow();
		List<Candidate> proposed = investigations.candidates(investigation.id(), null, null, CITY, new Paging(0, 100)).items();
		assertThat(proposed).extracting(Candidate::personId)
			.contains(member.id(), longStay.id(), shortStay.id())
			.doesNotContain(secondDegree.id(), casePerson.id());
		assertThat(proposed).filteredOn(c -> c.personId() == member.id()).singleElement()
			.satisfies(c -> assertThat(c.source()).isEqualTo(Candidate.Source.HOUSEHOLD));
		assertThat(proposed).filteredOn(c -> c.personId() == longStay.id()).singleElement().satisfies(c -> {
			assertThat(c.venueId()).isEqualTo(market.id());
			assertThat(c.overlapMinutes()).isEqualTo(40);
		});

		// a town officer of 江南街道 sees it (a contact lives there); one of 石柱镇 does not
		var jiangnan = new Jurisdiction("t", Role.TOWN_OFFICER, "330784003", null, null, null);
		var shizhu = new Jurisdiction("t", Role.TOWN_OFFICER, "330784105", null, null, null);
		assertThat(investigations.list(jiangnan, null, new Paging(0, 100)).items()).extracting(Investigation::id)
			.contains(investigation.id());
		assertThat(investigations.list(shizhu, null, new Paging(0, 100)).items()).extracting(Investigation::id)
			.doesNotContain(investigation.id());

		// bulk rules: household and ≥ 15 min are close contacts, the mall becomes a venue notice, the rest general
		classify(investigation.id(), "{\"source\":\"HOUSEHOLD\",\"classification\":\"CLOSE_CONTACT\"}");
		classify(investigation.id(), "{\"minOverlapMinutes\":15,\"classification\":\"CLOSE_CONTACT\"}");
		assertThat(investigations.venueNotice(investigation.id(), mall.id(), jurisdictionOf("cdc"))).isEqualTo(6);
		assertThat(classify(investigation.id(), "{\"classification\":\"GENERAL_CONTACT\"}")).isEqualTo(1);
		assertThat(investigations.proposeSecondDegree(investigation.id(), jurisdictionOf("cdc"))).isPositive();
		assertThat(investigations.candidates(investigation.id(), Candidate.Classification.PROPOSED, null, CITY,
				new Paging(0, 100)).items()).filteredOn(c -> c.personId() == secondDegree.id()).singleElement()
			.satisfies(c -> assertThat(c.viaPersonId()).isEqualTo(longStay.id()));
		classify(investigation.id(), "{\"source\":\"SECOND_DEGREE\",\"classification\":\"SECONDARY_CONTACT\"}");

		HttpResponse<String> confirmed = TestHttp.anonymous(port)
			.api("POST", "/api/v1/investigations/" + investigation.id() + "/confirmation", null, CDC);
		assertThat(confirmed.body()).contains("\"toControl\":");
		await(() -> riskPerson(secondDegree) != null && riskPerson(member) != null);
		assertThat(riskPerson(longStay)).satisfies(r -> {
			assertThat(r.category()).isEqualTo(Category.CLOSE_CONTACT);
			assertThat(r.regionCode()).isEqualTo("330784002001002");
			assertThat(r.linkedPersonId()).isEqualTo(casePerson.id());
			assertThat(r.source()).isEqualTo("流调 #" + investigation.id());
			assertThat(control.tasksOf(r.id())).singleElement().satisfies(t -> assertThat(t.regionCode()).isEqualTo("330784002001002"));
		});
		assertThat(riskPerson(member).category()).isEqualTo(Category.CLOSE_CONTACT);
		assertThat(riskPerson(shortStay).category()).isEqualTo(Category.GENERAL_CONTACT);
		assertThat(riskPerson(secondDegree)).satisfies(r -> {
			assertThat(r.category()).isEqualTo(Category.SECONDARY_CONTACT);
			assertThat(r.linkedPersonId()).isEqualTo(longStay.id());
		});
		Person crowdPerson = persons.findByDocument(new org.gridguard.person.IdDocument(IdType.RESIDENT_ID, crowd[0])).orElseThrow();
		assertThat(riskPerson(crowdPerson)).as("notice, not door to door").isNull();

		JsonNode graph = JSON.readTree(TestHttp.anonymous(port)
			.api("GET", "/api/v1/investigations/" + investigation.id() + "/graph", null, CDC)
			.body());
		assertThat(graph.get("nodes").valueStream().map(n -> n.get("kind").asString()).toList()).contains("CASE",
				"CLOSE_CONTACT", "SECONDARY_CONTACT", "GENERAL_CONTACT");
		assertThat(graph.get("links").size()).isEqualTo(4);
	}

	private int classify(long investigationId, String rule) {
		HttpResponse<String> response = TestHttp.anonymous(port)
			.api("POST", "/api/v1/investigations/" + investigationId + "/classifications", rule, CDC);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("classified").asInt();
	}

	private RiskPerson riskPerson(Person person) {
		var items = control.riskPersons(new ControlQueries.RiskPersonFilter(null, null, null, person.id(), null, false), CITY,
				new Paging(0, 1)).items();
		return items.isEmpty() ? null : items.get(0);
	}

	private Jurisdiction jurisdictionOf(String username) {
		return new Jurisdiction(username, Role.EPIDEMIOLOGIST, "330784", null, null, null);
	}

	private Person resident(String name, String grid) {
		return persons.createResident(new NewResident(name, IdType.RESIDENT_ID, TestIds.resident(), null, grid, name + "家",
				null), CITY);
	}

	private String idOf(Person person) {
		return persons.idNumberOf(person.id()).orElseThrow();
	}

	private Venue venue(String name) {
		return venues.register(new NewVenue(name, "MALL_SUPERMARKET", "330784001", "测试路1号", 500, null, name + "公司", "经理",
				"13905790001", "经理", "13905790001"), CITY);
	}

	private void checkIn(Venue venue, String idNumber, Instant at, Instant leftAt) {
		String body = "{\"checkins\":[{\"venueCode\":\"" + venue.code() + "\",\"idNumber\":\"" + idNumber + "\",\"at\":\""
				+ OffsetDateTime.ofInstant(at, clock.getZone()) + "\",\"leftAt\":\"" + OffsetDateTime.ofInstant(leftAt, clock.getZone())
				+ "\"}]}";
		HttpResponse<String> response = TestHttp.anonymous(port).api("POST", "/api/v1/checkins", body, ADMIN);
		assertThat(response.body()).as(body).contains("\"accepted\":1");
	}

	private JsonNode query(String idNumber, Instant from, Instant to, int tolerance, int minOverlap) {
		String body = "{\"idNumbers\":[\"" + idNumber + "\"],\"from\":\"" + OffsetDateTime.ofInstant(from, clock.getZone())
				+ "\",\"to\":\"" + OffsetDateTime.ofInstant(to, clock.getZone()) + "\",\"toleranceMinutes\":" + tolerance
				+ ",\"minOverlapMinutes\":" + minOverlap + "}";
		HttpResponse<String> response = TestHttp.anonymous(port).api("POST", "/api/v1/tracing/queries", body, CDC);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static void await(BooleanSupplier condition) {
		Instant deadline = Instant.now().plusSeconds(30);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("condition not met in time");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
