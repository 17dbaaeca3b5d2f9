package org.gridguard.inspection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.platform.Conflict;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.NotFound;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.gridguard.status.FactKind;
import org.gridguard.status.StatusManagement;
import org.gridguard.venue.NewVenue;
import org.gridguard.venue.StaffMember;
import org.gridguard.venue.StaffRoster;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The inspection loop against the real database: an inspection's failed items become orders with deadlines by
 * severity, the responsible person answers, re-inspection reopens and closes, overdue orders escalate, photos are
 * checked, coverage follows inspections, a department sees its own sector only, and overdue staff tests become a
 * status fact that a test result ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InspectionLoopIntegrationTests {

	private static final AtomicInteger NEXT = new AtomicInteger();

	private static final Jurisdiction CITY = Jurisdiction.system();

	private static final Jurisdiction COMMERCE = new Jurisdiction("commerce", Role.DEPARTMENT, "330784", "COMMERCE",
			null, null);

	private static final Jurisdiction HEALTH = new Jurisdiction("health", Role.DEPARTMENT, "330784", "HEALTH", null,
			null);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Value("${gridguard.demo.password}")
	String demoPassword;

	@Autowired
	VenueManagement venues;

	@Autowired
	StaffRoster roster;

	@Autowired
	Inspections inspections;

	@Autowired
	Rectifications rectifications;

	@Autowired
	RectificationQueries queries;

	@Autowired
	OverdueOrders overdueOrders;

	@Autowired
	Coverage coverage;

	@Autowired
	Photos photos;

	@Autowired
	InspectionProfile profile;

	@Autowired
	StaffTests staffTests;

	@Autowired
	StatusManagement status;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private Venue mall;

	private Jurisdiction manager;

	@BeforeEach
	void registerAMall() {
		int n = NEXT.incrementAndGet();
		mall = venues.register(new NewVenue("督查测试商场" + n + "号", "MALL_SUPERMARKET", "330784001", "测试路" + n + "号", 500,
				null, "测试公司", "单位联系人", "13905790011", "店长" + n, "13905790012"), CITY);
		manager = new Jurisdiction("mgr" + n, Role.VENUE_MANAGER, mall.regionCode(), null, mall.id(), null);
	}

	private JsonNode inspectByApi(String username, String venueCode, String itemsJson, int expectedStatus)
			throws Exception {
		var http = TestHttp.anonymous(port);
		var response = http.api("POST", "/api/v1/inspections",
				"{\"venueCode\":\"" + venueCode + "\",\"items\":" + itemsJson + "}",
				TestHttp.basic(username, demoPassword));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
		return JSON.readTree(response.body());
	}

	private Inspections.Submitted failing(String... codes) {
		var marks = new java.util.ArrayList<Inspections.ItemResult>();
		for (ChecklistItem item : inspections.checklistOf(mall)) {
			marks.add(new Inspections.ItemResult(item.code(), !List.of(codes).contains(item.code()), null));
		}
		return inspections.submit(mall.id(), marks, List.of(), COMMERCE);
	}

	@Test
	void everyFailedItemBecomesAnOrderToTheResponsiblePersonWithADeadlineBySeverity() throws Exception {
		JsonNode answer = inspectByApi("commerce", mall.code(), """
				[{"item":"SCAN_CODE","passed":false,"note":"入口无人查验"},{"item":"TEMPERATURE","passed":true},
				 {"item":"MASKS","passed":false}]""", 201);

		JsonNode orders = answer.get("orders");
		assertThat(orders).hasSize(2);
		assertThat(orders.findValuesAsString("item")).containsExactlyInAnyOrder("SCAN_CODE", "MASKS");
		assertThat(orders.findValuesAsString("responsiblePerson")).containsOnly(mall.managerName());
		for (JsonNode o : orders) {
			RectificationOrder order = queries.get(o.get("id").asLong(), COMMERCE);
			assertThat(Instant.parse(o.get("dueAt").asString())).isEqualTo(order.dueAt());
			Duration given = Duration.between(order.openedAt(), order.dueAt());
			assertThat(given).isEqualTo(profile.deadline(order.severity()));
			assertThat(order.inspectionId()).isEqualTo(answer.get("id").asLong());
		}
		RectificationOrder scan = queries.get(orders.get(0).get("id").asLong(), COMMERCE);
		RectificationOrder masks = queries.get(orders.get(1).get("id").asLong(), COMMERCE);
		assertThat(scan.severity()).isEqualTo(Severity.MAJOR);
		assertThat(masks.severity()).isEqualTo(Severity.MINOR);
		assertThat(scan.dueAt()).isBefore(masks.dueAt());
	}

	@Test
	void anInspectionNamingItemsOffTheChecklistIsRefusedItemByItem() throws Exception {
		JsonNode answer = inspectByApi("commerce", mall.code(),
				"[{\"item\":\"SCAN_CODE\",\"passed\":false},{\"item\":\"NO_SUCH_ITEM\",\"passed\":true},{\"item\":\"MASKS\"}]",
				422);

		assertThat(answer.get("errors").findValuesAsString("field")).containsExactly("items[1].item", "items[2].passed");
		assertThat(queries.recentAt(mall.id(), COMMERCE, 5)).isEmpty();
	}

	@Test
	void evidenceAndReInspectionReopenAnOrderAndThenCloseIt() {
		RectificationOrder order = failing("DISINFECTION_LOG").orders().get(0);
		assertThat(order.state(clock.instant())).isEqualTo(RectificationOrder.State.OPEN);

		RectificationOrder answered = rectifications.answer(order.id(), "已补齐消杀记录", List.of(), manager);
		assertThat(answered.awaitingReinspection()).isTrue();
		assertThatThrownBy(() -> rectifications.answer(order.id(), "再答一次", List.of(), manager))
			.isInstanceOf(Conflict.class);

		RectificationOrder reopened = rectifications.reinspect(order.id(), false, "记录不全", List.of(), COMMERCE);
		assertThat(reopened.closed()).isFalse();
		assertThat(reopened.reopened()).isEqualTo(1);
		assertThat(reopened.evidenceAt()).isNull();
		assertThat(reopened.dueAt()).isAfter(order.dueAt());

		rectifications.answer(order.id(), "已全部补齐", List.of(), manager);
		RectificationOrder closed = rectifications.reinspect(order.id(), true, "复查合格", List.of(), COMMERCE);
		assertThat(closed.closed()).isTrue();
		assertThat(closed.state(clock.instant())).isEqualTo(RectificationOrder.State.CLOSED);
		assertThatThrownBy(() -> rectifications.reinspect(order.id(), true, null, List.of(), COMMERCE))
			.isInstanceOf(Conflict.class);
		assertThat(queries.recentAt(mall.id(), COMMERCE, 10)).extracting(InspectionRecord::reinspects)
			.containsExactly(order.id(), order.id(), null);
	}

	@Test
	void theManagerAnswersAndTheInspectorClosesThroughTheApiOnceEach() throws Exception {
		RectificationOrder order = failing("MASKS").orders().get(0);
		String username = "apimgr" + mall.id();
		venues.createManagerAccount(mall.id(), username, "接口店长", demoPassword, CITY);
		var http = TestHttp.anonymous(port);
		String managerAuth = TestHttp.basic(username, demoPassword);
		String inspectorAuth = TestHttp.basic("commerce", demoPassword);

		var answered = http.api("POST", "/api/v1/rectifications/" + order.id() + "/evidence", "{\"note\":\"已张贴提示\"}",
				managerAuth);
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		assertThat(JSON.readTree(answered.body()).get("awaitingReinspection").asBoolean()).isTrue();
		assertThat(http.api("POST", "/api/v1/rectifications/" + order.id() + "/evidence", "{\"note\":\"再答\"}",
				managerAuth).statusCode()).isEqualTo(409);
		assertThat(http.api("POST", "/api/v1/rectifications/" + order.id() + "/reinspection", "{\"passed\":true}",
				managerAuth).statusCode()).isEqualTo(403);

		var closed = http.api("POST", "/api/v1/rectifications/" + order.id() + "/reinspection", "{\"passed\":true}",
				inspectorAuth);
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		assertThat(JSON.readTree(closed.body()).get("state").asString()).isEqualTo("CLOSED");
		assertThat(http.api("POST", "/api/v1/rectifications/" + order.id() + "/reinspection", "{\"passed\":false}",
				inspectorAuth).statusCode()).isEqualTo(409);
	}

	@Test
	void onlyThePlacesOwnManagerAnswersAnOrder() {
		RectificationOrder order = failing("MASKS").orders().get(0);
		var otherManager = new Jurisdiction("other", Role.VENUE_MANAGER, mall.regionCode(), null, mall.id() + 100000,
				null);

		assertThatThrownBy(() -> rectifications.answer(order.id(), "不是我的场所", List.of(), otherManager))
			.isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> rectifications.answer(order.id(), "部门不能代答", List.of(), COMMERCE))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	@Test
	void anOverdueOrderGoesToTheDepartmentAndTownAndLaterToTheCity() {
		RectificationOrder order = failing("ONE_METRE").orders().get(0);
		Instant due = order.dueAt();

		overdueOrders.escalate(due.minusSeconds(60));
		assertThat(queries.get(order.id(), COMMERCE).escalation()).isZero();
		overdueOrders.escalate(due.plus(Duration.ofHours(1)));
		assertThat(queries.get(order.id(), COMMERCE).escalation()).isEqualTo(Escalation.DEPARTMENT_AND_TOWN);
		assertThat(notified(order)).containsExactlyInAnyOrder("DEPARTMENT:COMMERCE@330784001", "TOWN_OFFICER@330784001");

		overdueOrders.escalate(due.plus(Duration.ofHours(2)));
		assertThat(notified(order)).hasSize(2);

		overdueOrders.escalate(due.plus(Duration.ofHours(49)));
		assertThat(queries.get(order.id(), COMMERCE).escalation()).isEqualTo(Escalation.CITY);
		assertThat(notified(order)).contains("CITY_ADMIN@330784");
	}

	private List<String> notified(RectificationOrder order) {
		return jdbc.sql("SELECT audience || '@' || region_code FROM platform_notification WHERE dedupe_key LIKE ?")
			.param("inspection:order-overdue:" + order.id() + ":%")
			.query(String.class)
			.list();
	}

	@Test
	void anOrderPastItsDeadlineWithoutEvidenceIsListedAsOverdueAndCountedSo() throws Exception {
		RectificationOrder order = failing("CAPACITY").orders().get(0);
		jdbc.sql("UPDATE inspection_order SET due_at = due_at - interval '10 days' WHERE id = ?").param(order.id()).update();

		String auth = TestHttp.basic("commerce", demoPassword);
		var http = TestHttp.anonymous(port);
		JsonNode overdue = JSON.readTree(http.api("GET", "/api/v1/rectifications?state=OVERDUE&size=500", null, auth).body());
		JsonNode open = JSON.readTree(http.api("GET", "/api/v1/rectifications?state=OPEN&size=500", null, auth).body());

		assertThat(overdue.get("items").findValuesAsString("id")).contains(String.valueOf(order.id()));
		assertThat(open.get("items").findValuesAsString("id")).doesNotContain(String.valueOf(order.id()));
		JsonNode item = null;
		for (JsonNode i : overdue.get("items")) {
			if (i.get("id").asLong() == order.id()) {
				item = i;
			}
		}
		assertThat(item.get("state").asString()).isEqualTo("OVERDUE");
		assertThat(item.get("venueCode").asString()).isEqualTo(mall.code());
		assertThat(item.get("item").asString()).isEqualTo("CAPACITY");
		assertThat(item.get("inspectionId").asLong()).isEqualTo(order.inspectionId());
		RectificationQueries.Counts counts = queries.counts(COMMERCE);
		assertThat(counts.overdue()).isEqualTo(overdue.get("total").asLong());
		assertThat(counts.open()).isEqualTo(open.get("total").asLong());
	}

	@Test
	void theCockpitCountsTheOrdersOfTheLists() throws Exception {
		failing("MASKS", "ONE_METRE");
		String auth = TestHttp.basic("admin", "admin-test-password");
		var http = TestHttp.anonymous(port);
		for (String region : List.of("330784", "330784001")) {
			JsonNode cockpit = JSON.readTree(http.api("GET", "/api/v1/cockpit?region=" + region, null, auth).body());
			JsonNode open = JSON.readTree(http.api("GET", "/api/v1/rectifications?state=OPEN&region=" + region, null, auth).body());
			JsonNode overdue = JSON.readTree(
					http.api("GET", "/api/v1/rectifications?state=OVERDUE&region=" + region, null, auth).body());
			assertThat(cockpit.get("rectifications").get("open").asLong()).isEqualTo(open.get("total").asLong())
				.isPositive();
			assertThat(cockpit.get("rectifications").get("overdue").asLong()).isEqualTo(overdue.get("total").asLong());
		}
	}

	@Test
	void aDepartmentInspectsAndSeesTheOrdersOfItsOwnSectorOnly() throws Exception {
		RectificationOrder order = failing("SCAN_CODE").orders().get(0);

		JsonNode refused = inspectByApi("health", mall.code(), "[{\"item\":\"SCAN_CODE\",\"passed\":false}]", 422);
		assertThat(refused.get("errors").findValuesAsString("field")).containsExactly("venueCode");
		assertThatThrownBy(() -> queries.get(order.id(), HEALTH)).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> rectifications.reinspect(order.id(), true, null, List.of(), HEALTH))
			.isInstanceOf(NotFound.class);

		var http = TestHttp.anonymous(port);
		JsonNode healthList = JSON.readTree(http.api("GET", "/api/v1/rectifications?size=500", null,
				TestHttp.basic("health", demoPassword)).body());
		assertThat(healthList.get("items").findValuesAsString("venueCode")).doesNotContain(mall.code());
		var page = TestHttp.signedIn(port, "health", demoPassword).get("/inspection/rectifications/" + order.id());
		assertThat(page.statusCode()).isEqualTo(404);
		var own = TestHttp.signedIn(port, "commerce", demoPassword).get("/inspection/rectifications/" + order.id());
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).contains(mall.name());
	}

	@Test
	void aPhotoIsCheckedByItsContentAndSizeAndKeptEncryptedOutsideTheDatabase() throws Exception {
		RectificationOrder order = failing("MASKS").orders().get(0);
		byte[] script = "<script>alert(1)</script>".getBytes();
		byte[] huge = new byte[(int) (5 * 1024 * 1024 + 1)];
		huge[0] = (byte) 0xFF;
		huge[1] = (byte) 0xD8;
		huge[2] = (byte) 0xFF;

		assertThatThrownBy(() -> rectifications.answer(order.id(), "附照片", List.of(upload("photos", script)), manager))
			.isInstanceOfSatisfying(InvalidInput.class,
					ex -> assertThat(ex.problems()).extracting(p -> p.field()).containsExactly("photos"));
		assertThatThrownBy(() -> rectifications.answer(order.id(), "附照片", List.of(upload("photos", huge)), manager))
			.isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> rectifications.answer(order.id(), "附照片", List.of(upload("photos", new byte[0])), manager))
			.isInstanceOf(InvalidInput.class);
		assertThat(queries.get(order.id(), manager).evidenceAt()).as("nothing of a refused answer is kept").isNull();

		rectifications.answer(order.id(), "附照片", List.of(upload("photos", PNG)), manager);

		List<Photos.Photo> kept = photos.ofOrder(order.id());
		assertThat(kept).singleElement().satisfies(p -> assertThat(p.mediaType()).isEqualTo("image/png"));
		assertThat(photos.read(kept.get(0).id(), COMMERCE).bytes()).isEqualTo(PNG);
		String file = jdbc.sql("SELECT file_name FROM inspection_photo WHERE id = ?").param(kept.get(0).id())
			.query(String.class).single();
		// the data directory's name is drawn at random when the context starts: find the file by its unique name
		Path path;
		try (var found = Files.find(Path.of("target", "test-data"), 4,
				(p, attributes) -> p.getFileName().toString().equals(file) && p.getParent().endsWith("photos"))) {
			path = found.findFirst().orElseThrow();
		}
		byte[] stored = Files.readAllBytes(path);
		assertThat(stored).isNotEqualTo(PNG);
		assertThatThrownBy(() -> photos.read(kept.get(0).id(), HEALTH)).isInstanceOf(NotFound.class);
	}

	@Test
	void aPageUploadOfSomethingThatIsNoImageIsRefusedNamingTheField() {
		RectificationOrder order = failing("MASKS").orders().get(0);
		var http = TestHttp.signedIn(port, "commerce", demoPassword);

		var response = http.multipart("/inspection/rectifications/" + order.id() + "/reinspection?_csrf=" + http.csrf(),
				Map.of("passed", "true"), "photos", "evidence.jpg", "MZ not a photo".getBytes(), null);

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(http.get("/inspection/rectifications/" + order.id()).body()).contains("id=\"form-problems\"")
			.contains("只接受 JPEG、PNG 或 WebP 格式的照片");
		assertThat(queries.get(order.id(), COMMERCE).closed()).isFalse();
	}

	private static Photos.Upload upload(String field, byte[] bytes) {
		return new Photos.Upload(field, null, bytes.length, () -> bytes);
	}

	/** A 1×1 PNG. */
	private static final byte[] PNG = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

	@Test
	void aPlaceLeavesTheCoverageGapsOnceInspected() {
		assertThat(coverage.report(COMMERCE).gaps()).extracting(g -> g.venue().id()).contains(mall.id());
		long coveredBefore = coverage.report(COMMERCE).covered();

		failing();

		Coverage.Report after = coverage.report(COMMERCE);
		assertThat(after.gaps()).extracting(g -> g.venue().id()).doesNotContain(mall.id());
		assertThat(after.covered()).isEqualTo(coveredBefore + 1);
		assertThat(after.bySector()).extracting(Coverage.Line::key).containsOnly("COMMERCE");
		assertThat(coverage.report(HEALTH).gaps()).extracting(g -> g.venue().id()).doesNotContain(mall.id());
	}

	@Test
	void theCoverageAndTheScoreboardsExportWhatThePageShows() {
		var http = TestHttp.signedIn(port, "commerce", demoPassword);

		var gaps = http.download("/inspection/coverage/export?format=csv");
		var byTown = http.download("/inspection/scoreboard/export?by=town&format=csv");
		var bySector = http.download("/inspection/scoreboard/export?by=sector&format=xlsx");

		assertThat(gaps.statusCode()).isEqualTo(200);
		String gapText = new String(gaps.body(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(gapText).contains("上次检查").contains(mall.name()).contains("从未检查");
		assertThat(byTown.statusCode()).isEqualTo(200);
		String townText = new String(byTown.body(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(townText).contains("镇街").contains("东城街道");
		assertThat(bySector.statusCode()).isEqualTo(200);
		assertThat(bySector.body()).startsWith((byte) 'P', (byte) 'K');
		assertThat(http.get("/inspection/coverage").body()).contains(mall.name()).contains("商务局");
	}

	@Test
	void aStaffMemberWhoseRoutineTestIsOverdueTurnsYellowUntilAResultArrives() throws Exception {
		String idNumber = TestIds.resident();
		roster.add(mall.id(), "收银员测试", idNumber, null, "收银", CITY);
		StaffMember staff = roster.list(mall.id(), CITY).get(0);
		roster.tested(mall.id(), staff.id(), LocalDate.now(clock).minusDays(20), CITY);

		staffTests.sweep();

		assertThat(facts(staff.personId())).contains(FactKind.ROUTINE_TEST_OVERDUE);
		assertThat(roster.overdue(COMMERCE)).extracting(StaffRoster.Overdue::personId).contains(staff.personId());
		assertThat(roster.overdue(HEALTH)).extracting(StaffRoster.Overdue::personId).doesNotContain(staff.personId());

		var http = TestHttp.anonymous(port);
		var posted = http.api("POST", "/api/v1/test-results", """
				{"results":[{"idNumber":"%s","sampledAt":"%s","kind":"NAT","result":"NEGATIVE","pooled":false}]}"""
			.formatted(idNumber, clock.instant().minusSeconds(3600)), TestHttp.basic("admin", "admin-test-password"));
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

		for (int i = 0; i < 200 && facts(staff.personId()).contains(FactKind.ROUTINE_TEST_OVERDUE); i++) {
			Thread.sleep(100);
		}
		assertThat(facts(staff.personId())).doesNotContain(FactKind.ROUTINE_TEST_OVERDUE);
		assertThat(roster.list(mall.id(), CITY).get(0).overdue()).isFalse();
	}

	private List<FactKind> facts(long personId) {
		return status.activeFacts(personId).stream().map(StatusManagement.Fact::kind).toList();
	}

}
