package org.gridguard.control;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.account.AccountPrincipal;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Notification;
import org.gridguard.platform.Notifications;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.gridguard.region.Role;
import org.gridguard.status.StatusColour;
import org.gridguard.status.StatusManagement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The control loop end to end: a grid worker sees and verifies only their grid's persons; the measure lays out the
 * protocol and turns the person red; overdue work escalates step by step; not-found persons stay unmanaged until
 * placed; a positive escalates linked secondary contacts; release needs the stages over and the tests negative.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ControlLoopIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String GRID = "330784001001001"; // the demo account "grid" works here

	private static final String OTHER_GRID = "330784001001002"; // … and "grid2" here

	private static final Jurisdiction CITY = Jurisdiction.system();

	@LocalServerPort
	int port;

	@Autowired
	PersonManagement persons;

	@Autowired
	HealthChecks checks;

	@Autowired
	QueueDecisions queue;

	@Autowired
	Registrations registrations;

	@Autowired
	Releases releases;

	@Autowired
	SelfReportLinks links;

	@Autowired
	Verifications verifications;

	@Autowired
	ControlQueries queries;

	@Autowired
	UnmanagedDetector detector;

	@Autowired
	StatusManagement status;

	@Autowired
	RegionManagement regions;

	@Autowired
	Notifications notifications;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aGridWorkerSeesOnlyTheirGridAndVerifiesOnSite() {
		Person mine = resident("网格甲", GRID);
		Person theirs = resident("网格乙", OTHER_GRID);
		LocalDate exposure = LocalDate.now(clock).minusDays(2);
		long[] ids = push(Category.CLOSE_CONTACT, Instant.now(), exposure, mine, theirs);
		VerificationTask myTask = openTask(ids[0]);
		VerificationTask theirTask = openTask(ids[1]);

		String auth = TestHttp.basic("grid", "demo-test-password");
		String tasks = TestHttp.anonymous(port).api("GET", "/api/v1/tasks?size=500", null, auth).body();
		assertThat(tasks).contains("\"id\":" + myTask.id() + ",").doesNotContain("\"id\":" + theirTask.id() + ",");
		String risks = TestHttp.anonymous(port).api("GET", "/api/v1/risk-persons?size=500", null, auth).body();
		// masks are no identifiers (many numbers share one): the person ids tell the rows apart
		assertThat(risks).contains("\"idNumberMasked\":\"" + mine.idMasked() + "\"")
			.containsPattern("\"personId\":" + mine.id() + "[,}]")
			.doesNotContainPattern("\"personId\":" + theirs.id() + "[,}]");

		TestHttp worker = TestHttp.signedIn(port, "grid", "demo-test-password");
		assertThat(worker.get("/control/tasks/" + theirTask.id()).statusCode()).isEqualTo(404);
		assertThat(worker.post("/control/tasks/" + theirTask.id() + "/accept", Map.of()).statusCode()).isEqualTo(404);
		worker.post("/control/tasks/" + myTask.id() + "/accept", Map.of());
		HttpResponse<String> done = worker.post("/control/tasks/" + myTask.id() + "/complete",
				Map.of("outcome", "CONTROLLED", "phoneConfirmed", "true"));
		assertThat(done.statusCode()).isEqualTo(302);

		RiskPerson controlled = queries.riskPerson(ids[0]);
		assertThat(controlled.state()).isEqualTo(RiskPerson.State.CONTROLLED);
		assertThat(controlled.protocolId()).isEqualTo("v9_close_contact");
		assertThat(controlled.planStart()).isEqualTo(exposure);
		assertThat(controlled.measure()).isEqualTo(MeasureKind.CENTRAL_ISOLATION);
		assertThat(queries.stages(ids[0])).extracting(ControlQueries.StageView::to)
			.containsExactly(exposure.plusDays(6), exposure.plusDays(9));
		assertThat(queries.schedule(ids[0])).filteredOn(i -> i.slot().equals("TEST"))
			.extracting(ControlQueries.ScheduleItem::day)
			.containsExactly(exposure.plusDays(2), exposure.plusDays(4), exposure.plusDays(6), exposure.plusDays(9));
		assertThat(queries.task(myTask.id(), CITY).state()).isEqualTo(VerificationTask.State.DONE);
		assertThat(queries.timeline(ids[0])).extracting(ControlQueries.TimelineEntry::kind)
			.containsSubsequence("PUSHED", "TASK_ACCEPTED", "MEASURE_APPLIED");

		String id = persons.idNumberOf(mine.id()).orElseThrow();
		JsonNode colour = JSON.readTree(TestHttp.anonymous(port).api("GET", "/api/v1/status/" + id, null,
				TestHttp.basic("admin", "admin-test-password")).body());
		assertThat(colour.get("status").asString()).isEqualTo("RED");
		assertThat(colour.get("reasons").get(0).asString()).startsWith("CENTRAL_ISOLATION");
		assertThat(status.history(mine.id())).isNotEmpty().allSatisfy(c -> assertThat(c.inputs()).isNotBlank());
	}

	@Test
	void overdueVerificationEscalatesFromTheGridToTheVillage() {
		Person person = resident("逾期丙", GRID);
		long id = push(Category.CLOSE_CONTACT, Instant.now().minus(Duration.ofHours(3)), null, person)[0];
		detector.scheduled(); // as the minute job runs it: detection, then escalation
		List<Violation> violations = detector.ofRiskPerson(id);
		assertThat(violations).filteredOn(v -> v.kind() == Violation.Kind.VERIFY_OVERDUE)
			.singleElement()
			.satisfies(v -> {
				assertThat(v.resolvedAt()).isNull();
				assertThat(v.escalationLevel()).isEqualTo(2);
			});
		String villageTitle = regions.fullName(GRID.substring(0, 12)) + "：";
		assertThat(inbox("village")).anySatisfy(n -> {
			assertThat(n.title()).startsWith(villageTitle);
			assertThat(n.severity()).isEqualTo(Notification.Severity.WARNING);
		});
		assertThat(inbox("grid")).anySatisfy(n -> assertThat(n.title()).startsWith(regions.fullName(GRID) + "："));
		String unmanaged = TestHttp.anonymous(port).api("GET", "/api/v1/unmanaged", null,
				TestHttp.basic("grid", "demo-test-password")).body();
		assertThat(unmanaged).contains("\"riskPersonId\":" + id + ",\"reason\":\"超时未核查");

		// verifying resolves it at the next run
		verifications.complete(openTask(id).id(), new Verification(Outcome.CONTROLLED, true, null, null, null), CITY);
		detector.detect();
		assertThat(detector.ofRiskPerson(id)).filteredOn(v -> v.kind() == Violation.Kind.VERIFY_OVERDUE)
			.allSatisfy(v -> assertThat(v.resolvedAt()).isNotNull());
	}

	@Test
	void aPersonNotFoundStaysUnmanagedUntilTheTownPlacesThem() {
		Person person = resident("未找到丁", GRID);
		long id = push(Category.SECONDARY_CONTACT, Instant.now(), null, person)[0];
		verifications.complete(openTask(id).id(), new Verification(Outcome.NOT_FOUND, false, null, null, "无人应答"), CITY);
		assertThat(queries.riskPerson(id).state()).isEqualTo(RiskPerson.State.NOT_FOUND);
		detector.detect();
		assertThat(openKinds(id)).contains(Violation.Kind.NOT_FOUND);

		Jurisdiction town = new Jurisdiction("town", Role.TOWN_OFFICER, "330784001", null, null, null);
		queue.assignGrid(id, OTHER_GRID, town);
		RiskPerson placed = queries.riskPerson(id);
		assertThat(placed.state()).isEqualTo(RiskPerson.State.PENDING);
		assertThat(placed.regionCode()).isEqualTo(OTHER_GRID);
		assertThat(openTask(id).regionCode()).isEqualTo(OTHER_GRID);
		detector.detect();
		assertThat(openKinds(id)).doesNotContain(Violation.Kind.NOT_FOUND);
	}

	@Test
	void aPositiveCloseContactEscalatesTheirSecondaryContacts() {
		Person close = resident("密接戊", GRID);
		Person secondary = resident("次密接己", GRID);
		long closeId = push(Category.CLOSE_CONTACT, Instant.now().minusSeconds(600), null, close)[0];
		long secondaryId = registrations.registerAll(List.of(new Pushed(secondary.id(), secondary.name(),
				Category.SECONDARY_CONTACT, new Placement(Placement.Kind.GRID, GRID, null), "test", null, close.id(),
				null, Instant.now().minusSeconds(600))), "test").riskPersonIds()[0];
		verifications.complete(openTask(closeId).id(), new Verification(Outcome.CONTROLLED, true, null, null, null), CITY);
		verifications.complete(openTask(secondaryId).id(), new Verification(Outcome.CONTROLLED, true, null, null, null), CITY);
		assertThat(queries.riskPerson(secondaryId).protocolId()).isEqualTo("v9_secondary_contact");
		assertThat(queries.riskPerson(secondaryId).measure()).isEqualTo(MeasureKind.HOME_ISOLATION);

		String body = "{\"results\":[{\"idNumber\":\"" + persons.idNumberOf(close.id()).orElseThrow() + "\",\"sampledAt\":\""
				+ Instant.now().minusSeconds(60).atZone(clock.getZone()).toOffsetDateTime() + "\",\"kind\":\"NAT\",\"result\":\"POSITIVE\"}]}";
		HttpResponse<String> posted = TestHttp.anonymous(port).api("POST", "/api/v1/test-results", body,
				TestHttp.basic("admin", "admin-test-password"));
		assertThat(posted.body()).contains("\"accepted\":1").contains("\"status\":\"RED\"");

		await(() -> queries.riskPerson(secondaryId).category() == Category.CLOSE_CONTACT);
		await(() -> queries.riskPerson(closeId).state() == RiskPerson.State.CASE);
		RiskPerson escalated = queries.riskPerson(secondaryId);
		assertThat(escalated.protocolId()).isEqualTo("v9_close_contact");
		assertThat(escalated.measure()).isEqualTo(MeasureKind.CENTRAL_ISOLATION);
		assertThat(queries.timeline(secondaryId)).filteredOn(e -> e.kind().equals("ESCALATED"))
			.singleElement()
			.satisfies(e -> assertThat(e.detail()).contains("方案 第九版 次密接 7 升级为 第九版 密接 7+3"));
		assertThat(queries.stages(secondaryId)).extracting(ControlQueries.StageView::kind)
			.containsExactly(MeasureKind.CENTRAL_ISOLATION, MeasureKind.HOME_HEALTH_MONITORING);
	}

	@Test
	void releaseWaitsForTheLastStageAndEveryScheduledTestAndNeedsAnOfficer() {
		Person person = resident("解除庚", GRID);
		LocalDate today = LocalDate.now(clock);
		// exposure nine days ago: the last day of 7+3 is today, with its test today
		long id = push(Category.CLOSE_CONTACT, Instant.now(), today.minusDays(9), person)[0];
		verifications.complete(openTask(id).id(), new Verification(Outcome.CONTROLLED, true, null, null, null), CITY);
		assertThat(queries.schedule(id)).filteredOn(i -> i.slot().equals("TEST"))
			.extracting(ControlQueries.ScheduleItem::day)
			.containsExactly(today);
		passDays(id, 1);
		releases.evaluateReleases();
		assertThat(queries.riskPerson(id).state()).as("today's test is missing").isEqualTo(RiskPerson.State.CONTROLLED);

		String body = "{\"results\":[{\"idNumber\":\"" + persons.idNumberOf(person.id()).orElseThrow() + "\",\"sampledAt\":\""
				+ today.minusDays(1).atTime(9, 0).atZone(clock.getZone()).toOffsetDateTime() + "\",\"kind\":\"NAT\",\"result\":\"NEGATIVE\"}]}";
		TestHttp.anonymous(port).api("POST", "/api/v1/test-results", body, TestHttp.basic("admin", "admin-test-password"));
		await(() -> queries.schedule(id).stream().anyMatch(i -> "NEGATIVE".equals(i.value())));
		releases.evaluateReleases();
		assertThat(queries.riskPerson(id).state()).isEqualTo(RiskPerson.State.READY_FOR_RELEASE);
		assertThat(queries.tasksOf(id)).anySatisfy(t -> assertThat(t.kind()).isEqualTo(VerificationTask.Kind.RELEASE));

		Jurisdiction worker = new Jurisdiction("grid", Role.GRID_WORKER, GRID, null, null, null);
		assertThatThrownBy(() -> releases.release(id, null, worker)).isInstanceOf(InvalidInput.class);
		Jurisdiction village = new Jurisdiction("village", Role.VILLAGE_OFFICER, GRID.substring(0, 12), null, null, null);
		releases.release(id, "期满阴性", village);
		assertThat(queries.riskPerson(id).state()).isEqualTo(RiskPerson.State.RELEASED);
		assertThat(status.current(person.id()).colour()).isEqualTo(StatusColour.GREEN);
	}

	@Test
	void aMissedCheckIsUnmanagedUntilRecordedAndAFeverTurnsYellowAndAlerts() {
		Person person = resident("监测辛", GRID);
		long id = push(Category.GENERAL_CONTACT, Instant.now(), null, person)[0];
		verifications.complete(openTask(id).id(), new Verification(Outcome.CONTROLLED, true, null, null, null), CITY);
		assertThat(status.current(person.id()).colour()).isEqualTo(StatusColour.GREEN);
		// this morning's check was due a minute ago and is missing
		jdbc.sql("""
				INSERT INTO control_schedule_item (risk_person_id, day, slot, stage_no, due_at) VALUES (?, ?, 'AM', 1, ?)
				ON CONFLICT (risk_person_id, day, slot) DO UPDATE SET due_at = excluded.due_at""")
			.params(id, java.sql.Date.valueOf(LocalDate.now(clock)), java.sql.Timestamp.from(Instant.now().minusSeconds(60)))
			.update();
		detector.detect();
		assertThat(openKinds(id)).contains(Violation.Kind.CHECK_MISSING);

		checks.recordCheck(id, "AM", 38.2, "咽痛", "WORKER", "grid");
		detector.detect();
		assertThat(openKinds(id)).doesNotContain(Violation.Kind.CHECK_MISSING);
		assertThat(status.current(person.id()).colour()).isEqualTo(StatusColour.YELLOW);
		assertThat(status.current(person.id()).reasons()).singleElement().asString().startsWith("SYMPTOMS: 38.2");
		assertThat(inbox("grid")).anySatisfy(n -> {
			assertThat(n.severity()).isEqualTo(Notification.Severity.ALERT);
			assertThat(n.title()).contains("38.2");
		});
		assertThatThrownBy(() -> checks.recordCheck(id, "AM", 45.0, null, "WORKER", "grid"))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("temperature");
	}

	@Test
	void thePersonReportsThroughTheirOwnLink() {
		Person person = resident("自报壬", GRID);
		long id = push(Category.SPACETIME_COMPANION, Instant.now(), null, person)[0];
		verifications.complete(openTask(id).id(), new Verification(Outcome.CONTROLLED, true, null, null, null), CITY);
		String token = links.issue(queries.riskPerson(id)).token();
		TestHttp phone = TestHttp.anonymous(port);
		phone.get("/p/" + token);
		String saved = phone.post("/p/" + token, Map.of("slot", "PM", "temperature", "36.5")).body();
		assertThat(saved).contains("id=\"self-saved\"");
		assertThat(queries.checks(id)).singleElement().satisfies(c -> {
			assertThat(c.via()).isEqualTo("SELF");
			assertThat(c.temperature()).isEqualTo(36.5);
		});
		String refused = phone.post("/p/" + token, Map.of("slot", "PM", "temperature", "50")).body();
		assertThat(refused).contains("体温应在 34.0 到 43.0℃ 之间");
		assertThat(phone.post("/p/not-a-token", Map.of("slot", "PM", "temperature", "36.5")).body())
			.contains("链接无效");
	}

	private Person resident(String name, String grid) {
		return persons.createResident(new NewResident(name, IdType.RESIDENT_ID, TestIds.resident(), "13905790000", grid,
				name + "家", null), CITY);
	}

	private long[] push(Category category, Instant pushedAt, LocalDate exposure, Person... people) {
		return registrations.registerAll(java.util.Arrays.stream(people)
			.map(p -> new Pushed(p.id(), p.name(), category, new Placement(Placement.Kind.GRID, p.regionCode(), null),
					"test", null, null, exposure, pushedAt))
			.toList(), "test").riskPersonIds();
	}

	private VerificationTask openTask(long riskPersonId) {
		return queries.tasksOf(riskPersonId).stream().filter(t -> t.state().open()).findFirst().orElseThrow();
	}

	private List<Violation.Kind> openKinds(long riskPersonId) {
		return detector.ofRiskPerson(riskPersonId).stream().filter(v -> v.resolvedAt() == null).map(Violation::kind).toList();
	}

	private List<Notification> inbox(String username) {
		return notifications.inbox((AccountPrincipal) users.loadUserByUsername(username), 200);
	}

	/** Moves a person's plan {@code days} into the past, as if those days had gone by. */
	private void passDays(long id, int days) {
		jdbc.sql("UPDATE control_risk_person SET plan_start = plan_start - ?, plan_end = plan_end - ? WHERE id = ?")
			.params(days, days, id)
			.update();
		jdbc.sql("UPDATE control_stage SET from_day = from_day - ?, to_day = to_day - ? WHERE risk_person_id = ?")
			.params(days, days, id)
			.update();
		jdbc.sql("UPDATE control_schedule_item SET day = day - ? WHERE risk_person_id = ?").params(days, id).update();
	}

	private static void await(BooleanSupplier condition) {
		Instant deadline = Instant.now().plusSeconds(20);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("condition not met in time");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
