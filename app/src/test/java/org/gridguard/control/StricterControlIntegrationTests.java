package org.gridguard.control;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.person.IdDocument;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonInput;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.Conflict;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.gridguard.status.FactKind;
import org.gridguard.status.StatusColour;
import org.gridguard.status.StatusManagement;
import org.gridguard.tracing.ContactsConfirmed;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nobody slips through when pushes repeat: a stricter push (or an investigation's confirmation, or an officer's
 * decision) raises a person under milder control at once; a milder push never lowers anyone; a person pushed on
 * elsewhere comes back when pushed again; a plan milder than the category is flagged; a task is completed once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StricterControlIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String GRID = "330784001001001";

	private static final Jurisdiction CITY = Jurisdiction.system();

	@LocalServerPort
	int port;

	@Autowired
	PersonManagement persons;

	@Autowired
	Registrations registrations;

	@Autowired
	Verifications verifications;

	@Autowired
	Raises raises;

	@Autowired
	ControlQueries queries;

	@Autowired
	UnmanagedDetector detector;

	@Autowired
	StatusManagement status;

	@Autowired
	CaseSignals caseSignals;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Messages messages;

	@Autowired
	Clock clock;

	@Test
	void aStricterPushRaisesAControlledPersonWithANewPlanColourAndTask() {
		Person person = resident("提级甲");
		LocalDate today = LocalDate.now(clock);
		long id = push(person, Category.LOW_RISK_AREA_TRAVELER, null)[0];
		verify(id, null);
		RiskPerson mild = queries.riskPerson(id);
		assertThat(mild.protocolId()).isEqualTo("v9_low_risk_area");
		assertThat(status.current(person.id()).colour()).isNotEqualTo(StatusColour.RED);

		long again = push(person, Category.CLOSE_CONTACT, today.minusDays(1))[0];

		assertThat(again).as("the same risk person, not a second one").isEqualTo(id);
		RiskPerson raised = queries.riskPerson(id);
		assertThat(raised.category()).isEqualTo(Category.CLOSE_CONTACT);
		assertThat(raised.state()).isEqualTo(RiskPerson.State.CONTROLLED);
		assertThat(raised.protocolId()).isEqualTo("v9_close_contact");
		assertThat(raised.planStart()).as("the stricter plan counts from the new exposure").isEqualTo(today.minusDays(1));
		assertThat(raised.measure()).isEqualTo(MeasureKind.CENTRAL_ISOLATION);
		assertThat(queries.stages(id)).extracting(ControlQueries.StageView::kind)
			.containsExactly(MeasureKind.CENTRAL_ISOLATION, MeasureKind.HOME_HEALTH_MONITORING);
		assertThat(status.current(person.id()).colour()).isEqualTo(StatusColour.RED);
		assertThat(queries.tasksOf(id)).filteredOn(t -> t.state().open() && t.kind() == VerificationTask.Kind.VERIFY)
			.as("the measure changed: the grid verifies again on site")
			.singleElement();
		assertThat(queries.timeline(id)).filteredOn(e -> e.kind().equals("RAISED"))
			.singleElement()
			.satisfies(e -> assertThat(e.detail()).contains("低风险区").contains("密接").contains("严格程度 40 < 100"));
	}

	@Test
	void aMilderPushNeverLowersAnyoneAndIsRecorded() {
		Person person = resident("不降乙");
		long id = push(person, Category.CLOSE_CONTACT, LocalDate.now(clock).minusDays(1))[0];
		verify(id, null);
		push(person, Category.LOW_RISK_AREA_TRAVELER, null);
		push(person, Category.CLOSE_CONTACT, null);

		RiskPerson after = queries.riskPerson(id);
		assertThat(after.category()).isEqualTo(Category.CLOSE_CONTACT);
		assertThat(after.protocolId()).isEqualTo("v9_close_contact");
		assertThat(status.current(person.id()).colour()).isEqualTo(StatusColour.RED);
		assertThat(queries.timeline(id)).filteredOn(e -> e.kind().equals("PUSHED_AGAIN")).hasSize(2);
		assertThat(queries.timeline(id)).noneMatch(e -> e.kind().equals("RAISED"));
	}

	@Test
	void aPendingPersonPushedStricterGetsTheStricterDeadlinesAndColour() {
		Person person = resident("待核丙");
		Instant pushedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		long id = push(person, Category.GENERAL_CONTACT, null, pushedAt)[0];
		Instant relaxedDue = openTask(id).dueAt();
		push(person, Category.CLOSE_CONTACT, null, pushedAt);

		assertThat(queries.riskPerson(id).category()).isEqualTo(Category.CLOSE_CONTACT);
		VerificationTask task = openTask(id);
		assertThat(task.dueAt()).isBefore(relaxedDue).isEqualTo(pushedAt.plusSeconds(2 * 3600));
		assertThat(status.activeFacts(person.id())).extracting(StatusManagement.Fact::kind).contains(FactKind.CLOSE_CONTACT);
		assertThat(status.current(person.id()).colour()).isEqualTo(StatusColour.RED);
	}

	@Test
	void aPersonPushedOnElsewhereComesBackWhenPushedAgain() {
		Person person = resident("外地丁");
		long out = registrations.registerAll(List.of(new Pushed(person.id(), person.name(), Category.CLOSE_CONTACT,
				new Placement(Placement.Kind.OUTSIDE, "330784", "address outside the city"), "test", null, null, null,
				Instant.now())), "test").riskPersonIds()[0];
		assertThat(queries.riskPerson(out).state()).isEqualTo(RiskPerson.State.TRANSFERRED_OUT);

		long back = push(person, Category.CLOSE_CONTACT, null)[0];

		assertThat(back).isNotEqualTo(out).isPositive();
		assertThat(queries.riskPerson(back).state()).isEqualTo(RiskPerson.State.PENDING);
		assertThat(openTask(back).regionCode()).isEqualTo(GRID);
		assertThat(queries.timeline(back)).filteredOn(e -> e.kind().equals("RETURNED"))
			.singleElement()
			.satisfies(e -> assertThat(e.detail()).contains("#" + out));
	}

	@Test
	void anInvestigationConfirmingACloseContactRaisesAPersonUnderMilderControl() {
		Person person = resident("流调戊");
		long id = push(person, Category.GENERAL_CONTACT, null)[0];
		verify(id, null);
		LocalDate exposure = LocalDate.now(clock).minusDays(2);
		// the listener runs asynchronously after the investigation's transaction, as in production
		tx.executeWithoutResult(s -> caseSignals.on(new ContactsConfirmed(4242L, 99L,
				List.of(new ContactsConfirmed.Contact(person.id(), "CLOSE_CONTACT", 99L, exposure)))));
		await(() -> queries.riskPerson(id).category() == Category.CLOSE_CONTACT);

		RiskPerson raised = queries.riskPerson(id);
		assertThat(raised.category()).isEqualTo(Category.CLOSE_CONTACT);
		assertThat(raised.linkedPersonId()).isEqualTo(99L);
		assertThat(raised.planStart()).isEqualTo(exposure);
		assertThat(status.current(person.id()).colour()).isEqualTo(StatusColour.RED);
	}

	@Test
	void townOfficersRaiseByHandWithAReasonAndThePersonTurnsRed() {
		Person person = resident("人工己");
		long id = push(person, Category.LOW_RISK_AREA_TRAVELER, null)[0];
		verify(id, null);
		Jurisdiction town = new Jurisdiction("town", Role.TOWN_OFFICER, "330784001", null, null, null);
		Jurisdiction grid = new Jurisdiction("grid", Role.GRID_WORKER, GRID, null, null, null);
		Jurisdiction otherTown = new Jurisdiction("town2", Role.TOWN_OFFICER, "330784002", null, null, null);

		assertThatThrownBy(() -> raises.raiseByHand(id, Category.CLOSE_CONTACT, " ", town)).isInstanceOf(InvalidInput.class)
			.satisfies(ex -> assertThat(((InvalidInput) ex).problems()).extracting(p -> p.field()).containsExactly("reason"));
		assertThatThrownBy(() -> raises.raiseByHand(id, Category.CLOSE_CONTACT, "同楼栋确诊", grid))
			.isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> raises.raiseByHand(id, Category.CLOSE_CONTACT, "同楼栋确诊", otherTown))
			.as("outside the officer's town the person does not exist")
			.isInstanceOf(org.gridguard.platform.NotFound.class);
		assertThatThrownBy(() -> raises.raiseByHand(id, Category.SENTINEL_BUYER, "理由", town))
			.as("a milder category is no raise")
			.isInstanceOf(InvalidInput.class);

		raises.raiseByHand(id, Category.CLOSE_CONTACT, "同楼栋确诊", town);

		assertThat(queries.riskPerson(id).category()).isEqualTo(Category.CLOSE_CONTACT);
		assertThat(status.activeFacts(person.id())).anySatisfy(f -> {
			assertThat(f.kind()).isEqualTo(FactKind.MANUAL_RED);
			assertThat(f.detail()).isEqualTo("同楼栋确诊");
		});
		assertThat(status.current(person.id()).colour()).isEqualTo(StatusColour.RED);
		assertThat(jdbc.sql("SELECT count(*) FROM platform_audit_event WHERE action = 'CONTROL_RAISE' AND subject_id = ?")
			.param(String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aPlanMilderThanTheCategoryIsFlaggedAsUnmanaged() {
		Person person = resident("不符庚");
		long id = push(person, Category.CLOSE_CONTACT, null)[0];
		verifications.complete(openTask(id).id(),
				new Verification(Outcome.CONTROLLED, true, "v9_low_risk_area", null, "按低风险区落实"), CITY);
		detector.detect();
		assertThat(detector.ofRiskPerson(id)).filteredOn(v -> v.resolvedAt() == null)
			.extracting(Violation::kind)
			.contains(Violation.Kind.PLAN_MISMATCH);

		// a worker choosing home isolation, which the close-contact protocol allows, is no mismatch
		Person other = resident("居家辛");
		long ok = push(other, Category.CLOSE_CONTACT, null)[0];
		verify(ok, MeasureKind.HOME_ISOLATION);
		detector.detect();
		assertThat(detector.ofRiskPerson(ok)).extracting(Violation::kind).doesNotContain(Violation.Kind.PLAN_MISMATCH);
	}

	@Test
	void fieldAppsVerifyThroughTheApiOnceWithAnAllowedMeasureAndTheNoteOnTheTimeline() {
		Person person = resident("接口壬");
		long id = push(person, Category.CLOSE_CONTACT, LocalDate.now(clock))[0];
		long task = openTask(id).id();
		String auth = TestHttp.basic("grid", "demo-test-password");

		HttpResponse<String> refused = TestHttp.anonymous(port).api("POST", "/api/v1/tasks/" + task + "/verification",
				"{\"outcome\":\"VERIFIED\",\"measure\":\"SELF_MONITORING\"}", auth);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("\"field\":\"measure\"");
		HttpResponse<String> bad = TestHttp.anonymous(port).api("POST", "/api/v1/tasks/" + task + "/verification",
				"{\"outcome\":\"MAYBE\",\"measure\":\"HOME\"}", auth);
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("\"field\":\"outcome\"").contains("\"field\":\"measure\"");

		HttpResponse<String> done = TestHttp.anonymous(port).api("POST", "/api/v1/tasks/" + task + "/verification",
				"{\"outcome\":\"VERIFIED\",\"measure\":\"HOME_ISOLATION\",\"note\":\"独居老人，行动不便\"}", auth);
		assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
		JsonNode view = JSON.readTree(done.body());
		assertThat(view.get("id").asLong()).isEqualTo(task);
		assertThat(view.get("state").asString()).isEqualTo("DONE");
		assertThat(queries.riskPerson(id).measure()).isEqualTo(MeasureKind.HOME_ISOLATION);
		assertThat(queries.stages(id)).extracting(ControlQueries.StageView::kind)
			.containsExactly(MeasureKind.HOME_ISOLATION, MeasureKind.HOME_HEALTH_MONITORING);
		assertThat(queries.timeline(id)).anySatisfy(e -> assertThat(e.detail()).isEqualTo("独居老人，行动不便"));

		HttpResponse<String> twice = TestHttp.anonymous(port).api("POST", "/api/v1/tasks/" + task + "/verification",
				"{\"outcome\":\"VERIFIED\"}", auth);
		assertThat(twice.statusCode()).isEqualTo(409);
		assertThat(twice.body()).contains("\"field\":\"state\"");
	}

	@Test
	void twoWorkersTakingOneTaskAtOnceGetOneSuccessAndOneConflict() throws Exception {
		Person person = resident("并发癸");
		long task = openTask(push(person, Category.CLOSE_CONTACT, null)[0]).id();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Boolean> take = () -> {
				try {
					verifications.accept(task, CITY);
					return true;
				}
				catch (Conflict ex) {
					return false;
				}
			};
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				results.add(pool.submit(take));
			}
			int won = 0;
			for (Future<Boolean> r : results) {
				won += r.get() ? 1 : 0;
			}
			assertThat(won).isEqualTo(1);
			assertThat(queries.timeline(queries.task(task, CITY).riskPersonId()))
				.filteredOn(e -> e.kind().equals("TASK_ACCEPTED"))
				.hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void gridWorkersSeeThePushedVisitorsRecordAndColourAndVenueDesksNeverTheReasons() {
		String idNumber = TestIds.visitor();
		LocalDate today = LocalDate.now(clock);
		long personId = persons.resolveAll(List.of(new PersonInput(IdDocument.parse(IdType.RESIDENT_ID, idNumber, today,
				"idNumber", messages).document(), "外来子", null, "园丁社区3幢")), "test")[0];
		long id = registrations.registerAll(List.of(new Pushed(personId, "外来子", Category.CLOSE_CONTACT,
				new Placement(Placement.Kind.GRID, GRID, null), "test", null, null, today, Instant.now())), "test")
			.riskPersonIds()[0];
		verify(id, null);

		TestHttp grid = TestHttp.signedIn(port, "grid", "demo-test-password");
		assertThat(grid.get("/residents/" + personId).statusCode()).isEqualTo(200);
		HttpResponse<String> panel = grid.get("/status/persons/" + personId);
		assertThat(panel.statusCode()).isEqualTo(200);
		assertThat(panel.body()).contains("status-RED");
		TestHttp village = TestHttp.signedIn(port, "village", "demo-test-password");
		assertThat(village.get("/residents/" + personId).statusCode()).isEqualTo(200);
		TestHttp grid2 = TestHttp.signedIn(port, "grid2", "demo-test-password");
		assertThat(grid2.get("/residents/" + personId).statusCode()).as("another grid").isEqualTo(404);

		JsonNode desk = JSON.readTree(TestHttp.anonymous(port)
			.api("GET", "/api/v1/status/" + idNumber, null, TestHttp.basic("venue", "demo-test-password"))
			.body());
		assertThat(desk.get("status").asString()).isEqualTo("RED");
		assertThat(desk.get("admit").asBoolean()).isFalse();
		assertThat(desk.get("reasons").size()).as("health reasons are not for the venue").isZero();
		JsonNode officer = JSON.readTree(TestHttp.anonymous(port)
			.api("GET", "/api/v1/status/" + idNumber, null, TestHttp.basic("grid", "demo-test-password"))
			.body());
		assertThat(officer.get("reasons").size()).isPositive();
	}

	@Test
	void aDepartmentsListOfResponsibilitiesNeverLinksToRiskPersonPages() {
		TestHttp health = TestHttp.signedIn(port, "health", "demo-test-password");
		String page = health.get("/responsibility?type=RISK_PERSON").body();
		assertThat(page).doesNotContain("/control/risk-persons/");
		TestHttp town = TestHttp.signedIn(port, "town", "demo-test-password");
		assertThat(town.get("/responsibility?type=RISK_PERSON").body()).contains("/control/risk-persons/");
	}

	private static void await(java.util.function.BooleanSupplier condition) {
		Instant deadline = Instant.now().plusSeconds(30);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("condition not met in time");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	private Person resident(String name) {
		return persons.createResident(new NewResident(name, IdType.RESIDENT_ID, TestIds.resident(), "13905790000", GRID,
				name + "家", null), CITY);
	}

	private long[] push(Person person, Category category, LocalDate exposure) {
		return push(person, category, exposure, Instant.now());
	}

	private long[] push(Person person, Category category, LocalDate exposure, Instant pushedAt) {
		return registrations.registerAll(List.of(new Pushed(person.id(), person.name(), category,
				new Placement(Placement.Kind.GRID, GRID, null), "test", null, null, exposure, pushedAt)), "test")
			.riskPersonIds();
	}

	private void verify(long riskPersonId, MeasureKind measure) {
		verifications.complete(openTask(riskPersonId).id(),
				new Verification(Outcome.CONTROLLED, true, null, null, null, measure), CITY);
	}

	private VerificationTask openTask(long riskPersonId) {
		return queries.tasksOf(riskPersonId).stream().filter(t -> t.state().open()).findFirst().orElseThrow();
	}

}
