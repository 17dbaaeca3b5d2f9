package org.gridguard.quarantine;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gridguard.TestHttp;
import org.gridguard.control.ControlEnded;
import org.gridguard.control.ControlQueries;
import org.gridguard.control.MeasureApplied;
import org.gridguard.control.MeasureKind;
import org.gridguard.control.Registrations;
import org.gridguard.control.RiskPerson;
import org.gridguard.control.UnmanagedDetector;
import org.gridguard.control.Verifications;
import org.gridguard.control.VerificationTask;
import org.gridguard.control.Violation;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.Conflict;
import org.gridguard.platform.NotFound;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.Paging;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridguard.quarantine.QuarantineFixtures.CITY;
import static org.gridguard.quarantine.QuarantineFixtures.await;

/**
 * The closed loop of central isolation: a verified measure opens a transfer order with its deadline; overdue ones are
 * flagged to the unmanaged detector and the command; admission takes a room by the rules, and concurrent admissions
 * never share a single room; the site's checks go through the control loop and alert the site; the release gate
 * refuses with each unmet condition, then releases, hands the person to their grid and sends the room to
 * disinfection; site staff see only their own site.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class QuarantineLoopIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PersonManagement persons;

	@Autowired
	Registrations registrations;

	@Autowired
	Verifications verifications;

	@Autowired
	ControlQueries control;

	@Autowired
	SiteRegistry registry;

	@Autowired
	SiteQueries queries;

	@Autowired
	Transfers transfers;

	@Autowired
	TransferOverdue overdue;

	@Autowired
	Admissions admissions;

	@Autowired
	SiteChecks checks;

	@Autowired
	SiteReleases releases;

	@Autowired
	QuarantineFigures figures;

	@Autowired
	UnmanagedDetector detector;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private QuarantineFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new QuarantineFixtures(persons, registrations, verifications, control, registry, queries, jdbc, clock);
	}

	@Test
	void aVerifiedCentralIsolationOpensOneTransferOrderDueWithinTheSla() {
		long id = fixtures.centrallyIsolated("转运甲");
		Transfer transfer = fixtures.pendingTransfer(id);
		RiskPerson person = control.riskPerson(id, CITY);

		assertThat(transfer.regionCode()).isEqualTo(QuarantineFixtures.GRID);
		assertThat(Duration.between(person.controlledAt(), transfer.dueAt())).isEqualTo(Duration.ofHours(12));
		// the same measure again, and another one while the first order is open: still one open order
		var again = new MeasureApplied(id, person.personId(), person.category(), "v9_close_contact",
				MeasureKind.CENTRAL_ISOLATION, person.regionCode(), person.planStart(), person.planStart(),
				person.controlledAt());
		assertThat(transfers.open(again)).isEmpty();
		var later = new MeasureApplied(id, person.personId(), person.category(), "v9_close_contact",
				MeasureKind.CENTRAL_ISOLATION, person.regionCode(), person.planStart(), person.planStart(),
				person.controlledAt().plusSeconds(60));
		assertThat(transfers.open(later)).isEmpty();
		assertThat(queries.transfersOf(id)).singleElement();
	}

	@Test
	void aTransferPastItsDeadlineIsAnUnmanagedFindingAndAnAlertUntilThePersonIsAdmitted() {
		long id = fixtures.centrallyIsolated("超时乙");
		Transfer transfer = fixtures.pendingTransfer(id);
		jdbc.sql("UPDATE quarantine_transfer SET due_at = ? WHERE id = ?")
			.params(Timestamp.from(clock.instant().minus(Duration.ofMinutes(5))), transfer.id())
			.update();

		detector.detect();
		overdue.alert();

		assertThat(detector.ofRiskPerson(id)).anySatisfy(v -> {
			assertThat(v.kind()).isEqualTo(Violation.Kind.TRANSFER_OVERDUE);
			assertThat(v.ref()).isEqualTo(String.valueOf(transfer.id()));
			assertThat(v.regionCode()).isEqualTo(QuarantineFixtures.GRID);
			assertThat(v.resolvedAt()).isNull();
		});
		assertThat(jdbc.sql("SELECT count(*) FROM platform_notification WHERE dedupe_key LIKE ?")
			.param("quarantine:transfer-overdue:" + transfer.id() + ":%")
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(queries.transfers(new SiteQueries.TransferFilter(null, true, null), CITY, new Paging(0, 500)).items())
			.extracting(Transfer::id)
			.contains(transfer.id());

		Site site = fixtures.site("101:SINGLE:1");
		admissions.admit(transfer.id(), site.id(), null, null, CITY);
		detector.detect();
		assertThat(detector.ofRiskPerson(id)).filteredOn(v -> v.kind() == Violation.Kind.TRANSFER_OVERDUE)
			.allSatisfy(v -> assertThat(v.resolvedAt()).isNotNull());
	}

	@Test
	void leavingControlBeforeAdmissionCancelsThePendingTransfer() {
		long id = fixtures.centrallyIsolated("取消丙");
		Transfer transfer = fixtures.pendingTransfer(id);
		transactions.executeWithoutResult(
				s -> events.publishEvent(new ControlEnded(id, transfer.personId(), RiskPerson.State.TRANSFERRED_OUT,
						Instant.now())));
		await(() -> queries.findTransfer(transfer.id()).orElseThrow().state() == Transfer.State.CANCELLED);
	}

	@Test
	void admissionTakesAFreeSingleRoomAndRefusesWhatDoesNotFit() {
		Site site = fixtures.site("201:SINGLE:1", "202:SINGLE:1");
		long first = fixtures.centrallyIsolated("入住丁");
		long second = fixtures.centrallyIsolated("入住戊");
		long third = fixtures.centrallyIsolated("入住己");
		Transfer a = fixtures.pendingTransfer(first);
		Transfer b = fixtures.pendingTransfer(second);
		Transfer c = fixtures.pendingTransfer(third);

		var admitted = admissions.admit(a.id(), site.id(), "202", null, CITY);
		assertThat(admitted.room()).isEqualTo("202");
		assertThatThrownBy(() -> admissions.admit(a.id(), site.id(), null, null, CITY)).isInstanceOf(Conflict.class);
		assertThatThrownBy(() -> admissions.admit(b.id(), site.id(), "202", null, CITY)).isInstanceOf(Conflict.class);
		assertThat(queries.findTransfer(b.id()).orElseThrow().state()).as("a refused admission changes nothing")
			.isEqualTo(Transfer.State.PENDING);
		assertThat(admissions.admit(b.id(), site.id(), null, null, CITY).room()).isEqualTo("201");
		assertThatThrownBy(() -> admissions.admit(c.id(), site.id(), null, null, CITY)).isInstanceOf(Conflict.class)
			.satisfies(ex -> assertThat(((Conflict) ex).problems().get(0).field()).isEqualTo("room"));

		assertThat(queries.site(site.id(), CITY).occupied()).isEqualTo(2);
		assertThat(queries.find(site.id()).orElseThrow().free()).isZero();
		assertThat(control.timeline(first)).extracting(ControlQueries.TimelineEntry::kind).contains("ADMITTED_TO_SITE");
		Stay stay = queries.findStay(admitted.stayId()).orElseThrow();
		assertThat(stay.plannedReleaseOn()).isEqualTo(control.riskPerson(first, CITY).planStart().plusDays(6));
	}

	@Test
	void concurrentAdmissionsNeverShareASingleRoom() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 3; round++) {
				Site site = fixtures.site("301:SINGLE:1");
				Transfer a = fixtures.pendingTransfer(fixtures.centrallyIsolated("并发甲" + round));
				Transfer b = fixtures.pendingTransfer(fixtures.centrallyIsolated("并发乙" + round));
				var start = new CountDownLatch(1);
				Future<Object> fa = pool.submit(() -> admitWhenReleased(start, a.id(), site.id()));
				Future<Object> fb = pool.submit(() -> admitWhenReleased(start, b.id(), site.id()));
				start.countDown();
				List<Object> outcomes = List.of(fa.get(), fb.get());
				assertThat(outcomes).filteredOn(o -> o instanceof Admissions.Admission).hasSize(1);
				assertThat(outcomes).filteredOn(o -> o instanceof Conflict).hasSize(1);
				assertThat(queries.rooms(site.id())).singleElement().satisfies(r -> assertThat(r.occupants()).isEqualTo(1));
				assertThat(queries.residents(site.id())).hasSize(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Object admitWhenReleased(CountDownLatch start, long transferId, long siteId) throws InterruptedException {
		start.await();
		try {
			return admissions.admit(transferId, siteId, null, null, CITY);
		}
		catch (Conflict ex) {
			return ex;
		}
	}

	@Test
	void siteChecksGoThroughTheControlLoopAndAFeverOrAMissedCheckAlertsTheSite() {
		Site site = fixtures.site("401:SINGLE:1");
		Jurisdiction staff = fixtures.staffOf(site, "qcheck1");
		long id = fixtures.centrallyIsolated("测温庚");
		var admitted = admissions.admit(fixtures.pendingTransfer(id).id(), site.id(), null, null, staff);
		Stay stay = queries.findStay(admitted.stayId()).orElseThrow();
		LocalDate today = LocalDate.now(clock);

		checks.recordCheck(stay.id(), "AM", 37.6, null, staff);

		assertThat(control.checks(id)).anySatisfy(c -> {
			assertThat(c.via()).isEqualTo("SITE");
			assertThat(c.recordedBy()).isEqualTo("qcheck1");
			assertThat(c.temperature()).isEqualTo(37.6);
		});
		assertThat(control.timeline(id)).extracting(ControlQueries.TimelineEntry::kind).contains("FEVER");
		assertThat(notification("quarantine:fever:" + stay.id() + ":" + today + ":AM")).isEqualTo("SITE_STAFF:" + site.id());
		assertThatThrownBy(() -> checks.recordCheck(stay.id(), "AM", 36.5, null,
				new Jurisdiction("other", org.gridguard.region.Role.SITE_STAFF, site.townCode(), null, null, site.id() + 999)))
			.isInstanceOf(NotFound.class);

		// the evening check is past its deadline
		jdbc.sql("UPDATE control_schedule_item SET due_at = ? WHERE risk_person_id = ? AND day = ? AND slot = 'PM'")
			.params(Timestamp.from(clock.instant().minusSeconds(60)), id, java.sql.Date.valueOf(today))
			.update();
		checks.alertMissedChecks();
		assertThat(notification("quarantine:missed:" + stay.id() + ":" + today + ":PM")).isEqualTo("SITE_STAFF:" + site.id());
	}

	/** A close contact exposed today: day 1 is today, tests on days 1, 2, 3, 5 and 7 (第九版 密接 7+3). */
	@Test
	void testDaysFollowTheProtocolOfThePerson() {
		Site site = fixtures.site("501:SINGLE:1");
		long id = fixtures.centrallyIsolated("检测辛", 0);
		var admitted = admissions.admit(fixtures.pendingTransfer(id).id(), site.id(), null, null, CITY);
		LocalDate start = control.riskPerson(id, CITY).planStart();

		assertThat(checks.testDays(queries.findStay(admitted.stayId()).orElseThrow()))
			.extracting(ControlQueries.ScheduleItem::day)
			.containsExactly(start, start.plusDays(1), start.plusDays(2), start.plusDays(4), start.plusDays(6));
	}

	@Test
	void theReleaseGateNamesEachUnmetConditionThenReleasesAndHandsOverToTheGrid() {
		Site site = fixtures.site("601:SINGLE:1");
		Jurisdiction staff = fixtures.staffOf(site, "qrelease1");
		String auth = TestHttp.basic("qrelease1", QuarantineFixtures.STAFF_PASSWORD);
		long id = fixtures.centrallyIsolated("解除壬");
		var admitted = admissions.admit(fixtures.pendingTransfer(id).id(), site.id(), null, null, staff);
		long stayId = admitted.stayId();
		var http = TestHttp.anonymous(port);

		var early = http.api("POST", "/api/v1/quarantine/stays/" + stayId + "/release", "{}", auth);
		assertThat(early.statusCode()).isEqualTo(422);
		assertThat(early.body()).contains("\"field\":\"days\"", "\"field\":\"tests\"", "\"field\":\"sampling.PERSON\"",
				"\"field\":\"sampling.OBJECTS\"", "\"field\":\"sampling.ROOM\"");

		fixtures.movePlanBack(id, 7);
		fixtures.testResults(id, "NEGATIVE", "NEGATIVE", "POSITIVE", "NEGATIVE", "NEGATIVE");
		for (String kind : List.of("PERSON", "OBJECTS", "ROOM")) {
			assertThat(http.api("POST", "/api/v1/quarantine/stays/" + stayId + "/samples",
					"{\"kind\":\"" + kind + "\",\"result\":\"NEGATIVE\"}", auth).statusCode()).isEqualTo(200);
		}
		var positive = http.api("POST", "/api/v1/quarantine/stays/" + stayId + "/release", "{}", auth);
		assertThat(positive.statusCode()).isEqualTo(422);
		assertThat(positive.body()).contains("\"field\":\"positive\"").doesNotContain("\"field\":\"days\"");

		fixtures.testResults(id, "NEGATIVE", "NEGATIVE", "NEGATIVE", "NEGATIVE", "NEGATIVE");
		var released = http.api("POST", "/api/v1/quarantine/stays/" + stayId + "/release", "{}", auth);
		assertThat(released.statusCode()).isEqualTo(200);
		assertThat(released.body()).contains("\"handedOver\":true");

		assertThat(queries.findStay(stayId).orElseThrow().state()).isEqualTo(Stay.State.RELEASED);
		assertThat(queries.rooms(site.id())).singleElement()
			.satisfies(r -> assertThat(r.state()).isEqualTo(Site.RoomState.DISINFECTION));
		assertThat(control.tasksOf(id)).anySatisfy(t -> {
			assertThat(t.kind()).isEqualTo(VerificationTask.Kind.HANDOVER);
			assertThat(t.regionCode()).isEqualTo(QuarantineFixtures.GRID);
		});
		assertThat(http.api("POST", "/api/v1/quarantine/stays/" + stayId + "/release", "{}", auth).statusCode())
			.isEqualTo(409);

		var page = TestHttp.signedIn(port, "qrelease1", QuarantineFixtures.STAFF_PASSWORD);
		var notice = page.get("/quarantine/stays/" + stayId + "/notice.pdf");
		assertThat(notice.statusCode()).isEqualTo(200);
		assertThat(notice.body()).startsWith("%PDF");

		registry.disinfected(site.id(), queries.rooms(site.id()).get(0).id(), staff);
		assertThat(queries.rooms(site.id()).get(0).state()).isEqualTo(Site.RoomState.FREE);
	}

	@Test
	void aResidentWhoTurnsACaseLeavesForHospitalAndTheRoomAwaitsDisinfection() {
		Site site = fixtures.site("701:SINGLE:1");
		long id = fixtures.centrallyIsolated("送医癸");
		Transfer transfer = fixtures.pendingTransfer(id);
		var admitted = admissions.admit(transfer.id(), site.id(), null, null, CITY);
		transactions.executeWithoutResult(s -> events
			.publishEvent(new ControlEnded(id, transfer.personId(), RiskPerson.State.CASE, Instant.now())));
		await(() -> queries.findStay(admitted.stayId()).orElseThrow().state() == Stay.State.TO_HOSPITAL);
		assertThat(queries.rooms(site.id()).get(0).state()).isEqualTo(Site.RoomState.DISINFECTION);
	}

	@Test
	void aResidentReleasedFromControlOrHandedOnLeavesTheSiteAndTheRoomAwaitsDisinfection() {
		Site site = fixtures.site("711:SINGLE:1", "712:SINGLE:1");
		for (RiskPerson.State ended : new RiskPerson.State[] { RiskPerson.State.RELEASED,
				RiskPerson.State.TRANSFERRED_OUT }) {
			long id = fixtures.centrallyIsolated("离点" + ended.ordinal());
			Transfer transfer = fixtures.pendingTransfer(id);
			var admitted = admissions.admit(transfer.id(), site.id(), null, null, CITY);
			transactions.executeWithoutResult(
					s -> events.publishEvent(new ControlEnded(id, transfer.personId(), ended, Instant.now())));
			await(() -> queries.findStay(admitted.stayId()).orElseThrow().state() == Stay.State.RELEASED);
			assertThat(queries.currentStay(id)).isEmpty();
		}
		assertThat(queries.rooms(site.id())).extracting(Site.Room::state)
			.containsOnly(Site.RoomState.DISINFECTION);
	}

	@Test
	void siteStaffSeeOnlyTheirOwnSite() {
		Site own = fixtures.site("801:SINGLE:1");
		Site other = fixtures.site("802:SINGLE:1");
		Jurisdiction staff = fixtures.staffOf(own, "qsee1");
		long id = fixtures.centrallyIsolated("辖区子");
		var admitted = admissions.admit(fixtures.pendingTransfer(id).id(), other.id(), null, null, CITY);
		String auth = TestHttp.basic("qsee1", QuarantineFixtures.STAFF_PASSWORD);
		var http = TestHttp.anonymous(port);

		assertThat(http.api("GET", "/api/v1/quarantine/sites", null, auth).body()).contains("\"id\":" + own.id() + ",")
			.doesNotContain("\"id\":" + other.id() + ",");
		assertThat(http.api("GET", "/api/v1/quarantine/stays?siteId=" + other.id(), null, auth).body())
			.contains("\"total\":0");
		assertThat(http.api("POST", "/api/v1/quarantine/stays/" + admitted.stayId() + "/checks",
				"{\"slot\":\"AM\",\"temperature\":36.5}", auth).statusCode()).isEqualTo(404);
		assertThatThrownBy(() -> queries.stay(admitted.stayId(), staff)).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> releases.release(admitted.stayId(), staff)).isInstanceOf(NotFound.class);
		var page = TestHttp.signedIn(port, "qsee1", QuarantineFixtures.STAFF_PASSWORD);
		assertThat(page.get("/quarantine/sites/" + other.id()).statusCode()).isEqualTo(404);
		assertThat(page.get("/quarantine/sites/" + own.id()).statusCode()).isEqualTo(200);
		assertThat(page.get("/quarantine").headers().firstValue("Location").orElse(""))
			.endsWith("/quarantine/sites/" + own.id());
		assertThat(page.get("/control/risk-persons/" + id).statusCode()).isIn(403, 404);
	}

	@Test
	void theFiguresEqualTheTotalsOfTheListsBehindThem() {
		var http = TestHttp.anonymous(port);
		String admin = TestHttp.basic("admin", "admin-test-password");
		Site site = fixtures.site("901:SINGLE:1", "902:SINGLE:1");
		admissions.admit(fixtures.pendingTransfer(fixtures.centrallyIsolated("统计丑")).id(), site.id(), null, null, CITY);
		fixtures.pendingTransfer(fixtures.centrallyIsolated("统计寅"));

		var f = figures.of("330784");
		List<Site> sites = queries.sites(CITY, "330784");
		assertThat(f.rooms()).isEqualTo(sites.stream().mapToLong(Site::rooms).sum());
		assertThat(f.occupied()).isEqualTo(sites.stream().mapToLong(Site::occupied).sum());
		assertThat(f.free()).isEqualTo(sites.stream().mapToLong(Site::free).sum());
		assertThat(http.api("GET", "/api/v1/quarantine/transfers?state=PENDING&region=330784&size=1", null, admin).body())
			.contains("\"total\":" + f.transfersPending() + "}");
		assertThat(http.api("GET", "/api/v1/quarantine/transfers?overdue=true&region=330784&size=1", null, admin).body())
			.contains("\"total\":" + f.transfersOverdue() + "}");
		Instant midnight = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
		var stays = queries.stays(new SiteQueries.StayFilter(null, null, "330784"), CITY, new Paging(0, 500)).items();
		assertThat(f.admittedToday()).isEqualTo(stays.stream().filter(s -> !s.admittedAt().isBefore(midnight)).count());
		assertThat(f.releasedToday()).isEqualTo(stays.stream()
			.filter(s -> s.state() == Stay.State.RELEASED && s.endedAt() != null && !s.endedAt().isBefore(midnight))
			.count());
		assertThat(f.admittedToday()).isPositive();
		assertThat(f.transfersPending()).isPositive();
	}

	@Test
	void registeringASiteNamesEveryProblemAndRecordsItsFourParties() {
		var http = TestHttp.anonymous(port);
		String admin = TestHttp.basic("admin", "admin-test-password");
		var bad = http.api("POST", "/api/v1/quarantine/sites",
				"{\"name\":\"\",\"townCode\":\"999\",\"address\":\"\",\"rooms\":[{\"number\":\"1\",\"beds\":2,\"kind\":\"SINGLE\"},"
						+ "{\"number\":\"1\",\"beds\":1,\"kind\":\"SUITE\"}]}",
				admin);
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("\"field\":\"name\"", "\"field\":\"townCode\"", "\"field\":\"address\"",
				"\"field\":\"rooms[0].beds\"", "\"field\":\"rooms[1].number\"", "\"field\":\"rooms[1].kind\"");
		var good = http.api("POST", "/api/v1/quarantine/sites",
				"{\"name\":\"接口驿站" + System.nanoTime() % 100000 + "\",\"townCode\":\"330784002\",\"address\":\"西城街道 9 号\","
						+ "\"rooms\":[{\"number\":\"101\",\"beds\":1,\"kind\":\"SINGLE\"},{\"number\":\"102\",\"beds\":3,\"kind\":\"MULTI\"}]}",
				admin);
		assertThat(good.statusCode()).isEqualTo(201);
		long id = Long.parseLong(good.body().replaceAll("\\D", ""));
		assertThat(queries.find(id).orElseThrow().beds()).isEqualTo(4);
		assertThat(jdbc.sql("SELECT territory_code FROM responsibility_assignment WHERE subject_type = 'SITE' AND subject_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("330784002");
		assertThat(http.api("POST", "/api/v1/quarantine/sites", "{}", TestHttp.basic("grid", "demo-test-password"))
			.statusCode()).isEqualTo(403);
	}

	@Test
	void theDemoCityHasSitesWithResidentsAtDifferentDaysAndTheSiteAccountOpensItsSite() {
		List<Site> demo = queries.sites(CITY, null).stream().filter(s -> !s.name().startsWith("测试驿站")
				&& !s.name().startsWith("接口驿站")).toList();
		assertThat(demo).hasSizeGreaterThanOrEqualTo(4);
		assertThat(demo).filteredOn(s -> s.residents() > 0).hasSizeGreaterThanOrEqualTo(2);
		var stays = queries.stays(new SiteQueries.StayFilter(null, Stay.State.IN, null), CITY, new Paging(0, 500)).items();
		assertThat(stays.stream().map(st -> LocalDate.ofInstant(st.admittedAt(), clock.getZone())).distinct().count())
			.as("admitted on different days").isGreaterThan(1);
		assertThat(queries.transfers(new SiteQueries.TransferFilter(null, true, null), CITY, new Paging(0, 5)).total())
			.isPositive();
		var page = TestHttp.signedIn(port, "site", "demo-test-password");
		var home = page.get("/quarantine");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(page.get(home.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
			.body()).contains("东城健康驿站");
	}

	@Test
	void theCommandsPagesShowSitesTransfersStaysAndCapacityAndKeepWhatWasTyped() {
		Site site = fixtures.site("1001:SINGLE:1");
		long id = fixtures.centrallyIsolated("页面卯");
		var admitted = admissions.admit(fixtures.pendingTransfer(id).id(), site.id(), null, null, CITY);
		var admin = TestHttp.signedIn(port, "admin", "admin-test-password");

		assertThat(admin.get("/quarantine").body()).contains(site.name(), "id=\"fig-overdue\"");
		assertThat(admin.get("/quarantine/capacity").body()).contains("东城街道", "永康市");
		assertThat(admin.get("/quarantine/transfers").statusCode()).isEqualTo(200);
		assertThat(admin.get("/quarantine/transfers?state=ADMITTED").body()).contains("页面卯");
		assertThat(admin.get("/quarantine/sites/" + site.id()).body()).contains("1001", "防控消毒组");
		var stay = admin.get("/quarantine/stays/" + admitted.stayId()).body();
		assertThat(stay).contains("页面卯", "id=\"unmet\"", "集中隔离期至");

		admin.get("/quarantine/sites/new");
		var refused = admin.post("/quarantine/sites", java.util.Map.of("name", "表单驿站", "townCode", "330784001",
				"address", "东城街道表单路 2 号", "rooms", "A栋,3,301,1,单人间\nA栋,三,302,1,单人间"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"form-problems\"", "第 2 行", "表单驿站", "A栋,3,301,1,单人间");
		var saved = admin.post("/quarantine/sites", java.util.Map.of("name", "表单驿站" + System.nanoTime() % 10000,
				"townCode", "330784001", "address", "东城街道表单路 2 号", "rooms", "A栋,3,301,1,单人间\nA栋,3,302,3,多人间"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElse("")).contains("/quarantine/sites/");
	}

	private String notification(String dedupeKey) {
		return jdbc.sql("SELECT audience FROM platform_notification WHERE dedupe_key = ?")
			.param(dedupeKey)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
