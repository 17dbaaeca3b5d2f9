package org.gridguard.gathering;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.account.AccountManagement;
import org.gridguard.person.IdDocument;
import org.gridguard.person.PersonInput;
import org.gridguard.person.PersonManagement;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.Paging;
import org.gridguard.status.FactKind;
import org.gridguard.status.StatusManagement;
import org.gridguard.venue.RiskAreas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Before the event, its attendee list is imported (refused rows named, valid rows kept) and each person checked:
 * a red code, an active control, a declared stay in a listed risk area exclude, with the reasons in words. On the
 * day, attendees check in with the event's code, and a case among them yields the others as contacts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EventAttendeesIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN = TestHttp.basic("admin", "admin-test-password");

	private static final String CDC = TestHttp.basic("cdc", "demo-test-password");

	@LocalServerPort
	int port;

	@Autowired
	Filings filings;

	@Autowired
	Attendees attendees;

	@Autowired
	AccountManagement accounts;

	@Autowired
	PersonManagement persons;

	@Autowired
	StatusManagement status;

	@Autowired
	RiskAreas riskAreas;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private final Jurisdiction city = Jurisdiction.system();

	@Test
	void eachAttendeeIsCheckedWithReasonsAndRefusedRowsAreNamedWhileValidOnesAreKept() {
		Gathering event = new GatheringFixtures(filings, accounts, clock).file("名单核验的活动", 40, true, city);
		String green = TestIds.resident();
		String red = TestIds.resident();
		String traveller = TestIds.resident();
		String controlled = jdbc.sql("""
				SELECT person_id FROM control_risk_person WHERE state IN ('PENDING', 'CONTROLLED') ORDER BY id LIMIT 1""")
			.query(Long.class)
			.optional()
			.flatMap(persons::idNumberOf)
			.orElseThrow();
		long redId = persons.resolveAll(List.of(new PersonInput(new IdDocument(org.gridguard.person.IdType.RESIDENT_ID, red),
				"红码人员", null, null)), "test")[0];
		status.assertFact(redId, FactKind.CLOSE_CONTACT, "test:gathering", null, clock.instant(), null);
		String area = "测试高风险区" + System.nanoTime();
		riskAreas.add(area, "HIGH", null, "test");

		String csv = "姓名,身份证号,手机号,近14天旅居地\n" + "绿码人员," + green + ",13905791111,\n" + "红码人员," + red
				+ ",,\n" + "旅居人员," + traveller + ",," + area + "某小区\n" + "管控人员," + controlled + ",,\n"
				+ "号码错误,33078419900101123,,\n" + "," + TestIds.resident() + ",,\n" + "重复人员," + green + ",,\n";
		byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
		Attendees.Imported imported = attendees.importList(event.id(), new Upload("名单.csv", bytes.length, () -> bytes),
				city);

		assertThat(imported.accepted()).isEqualTo(4);
		assertThat(imported.rejected()).isEqualTo(3);
		assertThat(imported.rejections()).extracting(Attendees.Rejection::row, Attendees.Rejection::field)
			.containsExactly(tuple(6, "idNumber"), tuple(7, "name"), tuple(8, "idNumber"));
		assertThat(attendees.latestRejections(event.id())).hasSize(imported.rejections().size());
		assertThat(imported.excluded()).isEqualTo(3);

		var list = attendees.list(event.id(), null, city).page(jdbc, Paging.of(0, 50)).items();
		Map<Long, List<Reason>> reasons = attendees.reasons(list);
		Map<String, Attendee> byNumber = new java.util.HashMap<>();
		Map<Long, String> numbers = persons.idNumbersOf(list.stream().map(Attendee::personId).toList());
		list.forEach(a -> byNumber.put(numbers.get(a.personId()), a));

		assertThat(byNumber.get(green).verdict()).isEqualTo(Attendee.Verdict.ADMIT);
		assertThat(reasons.get(byNumber.get(green).id())).isNull();
		Attendee redOne = byNumber.get(red);
		assertThat(redOne.verdict()).isEqualTo(Attendee.Verdict.EXCLUDE);
		assertThat(reasons.get(redOne.id())).extracting(Reason::key).contains("gathering.attendee.colour",
				"gathering.attendee.fact");
		assertThat(reasons.get(byNumber.get(traveller).id())).singleElement()
			.satisfies(r -> assertThat(r.args()).containsExactly(area, "#venue.risk.HIGH"));
		assertThat(reasons.get(byNumber.get(controlled).id())).extracting(Reason::key)
			.contains("gathering.attendee.riskPerson");
	}

	@Test
	void theRefusedRowsComeBackAsACorrectionsFileWithTheirReasonsAndNoCellRunsAsAFormula() {
		Gathering event = new GatheringFixtures(filings, accounts, clock).file("更正名单的活动", 40, true, city);
		String kept = TestIds.resident();
		String csv = "姓名,身份证号,手机号\n" + "正常人员," + kept + ",\n" + "\"=HYPERLINK(\"\"http://x\"\")\",12345,\n"
				+ "," + TestIds.resident() + ",\n" + "重复人员," + kept + ",\n";
		byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
		attendees.importList(event.id(), new Upload("名单.csv", bytes.length, () -> bytes), city);
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		assertThat(admin.get("/events/" + event.id()).body()).contains("/events/" + event.id() + "/attendees/corrections.csv");

		List<String> lines = admin.get("/events/" + event.id() + "/attendees/corrections.csv").body().lines().toList();
		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).isEqualTo("\uFEFF姓名,身份证号,手机号,错误原因");
		assertThat(lines.get(1)).startsWith("\"'=HYPERLINK(\"\"http://x\"\")\",12345,,").contains("身份证");
		assertThat(lines.get(2)).endsWith(",请填写姓名（不超过60字）").doesNotContain(kept);
		assertThat(lines.get(3)).isEqualTo("重复人员," + kept + ",,与第2行重复");
	}

	@Test
	void attendeesCheckingInWithTheEventsCodeReachTheContactIndex() {
		Gathering event = new GatheringFixtures(filings, accounts, clock).file("扫码签到的活动", 30, true, city);
		assertThat(event.code()).isNotNull();
		String index = TestIds.resident();
		String attendee = TestIds.resident();
		Instant start = clock.instant().minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		checkIn(event.code(), index, start, start.plus(Duration.ofMinutes(90)));
		checkIn(event.code(), attendee, start.plus(Duration.ofMinutes(30)), start.plus(Duration.ofMinutes(120)));

		await(() -> contacts(index, start).size() > 0);
		JsonNode contact = contacts(index, start).get(0);
		assertThat(contact.get("contactIdNumber").asString()).isEqualTo(attendee);
		assertThat(contact.get("venueCode").asString()).isEqualTo(event.code());
		assertThat(contact.get("overlapStart").asString()).isNotBlank();
	}

	private void checkIn(String code, String idNumber, Instant at, Instant leftAt) {
		String body = "{\"checkins\":[{\"venueCode\":\"" + code + "\",\"idNumber\":\"" + idNumber + "\",\"at\":\""
				+ OffsetDateTime.ofInstant(at, clock.getZone()) + "\",\"leftAt\":\""
				+ OffsetDateTime.ofInstant(leftAt, clock.getZone()) + "\"}]}";
		HttpResponse<String> response = TestHttp.anonymous(port).api("POST", "/api/v1/checkins", body, ADMIN);
		assertThat(response.body()).as(body).contains("\"accepted\":1");
	}

	private List<JsonNode> contacts(String idNumber, Instant from) {
		String body = "{\"idNumbers\":[\"" + idNumber + "\"],\"from\":\""
				+ OffsetDateTime.ofInstant(from.minus(Duration.ofHours(1)), clock.getZone()) + "\",\"to\":\""
				+ OffsetDateTime.ofInstant(from.plus(Duration.ofHours(3)), clock.getZone())
				+ "\",\"toleranceMinutes\":0,\"minOverlapMinutes\":0}";
		HttpResponse<String> response = TestHttp.anonymous(port).api("POST", "/api/v1/tracing/queries", body, CDC);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		var result = new java.util.ArrayList<JsonNode>();
		JSON.readTree(response.body()).get("contacts").forEach(result::add);
		return result;
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
