package org.gridguard.venue.web;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gridguard.HomePage;
import org.gridguard.TestHttp;
import org.gridguard.account.AccountManagement;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.Paging;
import org.gridguard.status.FactKind;
import org.gridguard.status.StatusManagement;
import org.gridguard.venue.CheckIns;
import org.gridguard.venue.Closure;
import org.gridguard.venue.PublishedEvents;
import org.gridguard.venue.NewVenue;
import org.gridguard.venue.RiskAreas;
import org.gridguard.venue.SentMessages;
import org.gridguard.venue.StaffMember;
import org.gridguard.venue.StaffRoster;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueFixtures;
import org.gridguard.venue.VenueManagement;
import org.gridguard.venue.Visit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * At the door: visitors scan with companions, red persons are refused and alerted at once to their grid worker and
 * the venue's department, special places under closed management refuse visitors but let staff on a closed-loop
 * shift in, a declared stay in a risk area stars the screen, and the public endpoint is rate-limited: per address,
 * per phone and per identity number, with companions told only whether they may enter and SMS only for plausible scans.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EntranceIntegrationTests {

	private static final Jurisdiction CITY = Jurisdiction.system();

	/** 东城街道 园丁社区 第1网格: the demo grid worker {@code grid} works here. */
	private static final String GRID = "330784001001001";

	@LocalServerPort
	int port;

	@Autowired
	VenueManagement venues;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CheckIns checkIns;

	@Autowired
	StaffRoster roster;

	@Autowired
	RiskAreas riskAreas;

	@Autowired
	PersonManagement persons;

	@Autowired
	StatusManagement status;

	@Autowired
	PublishedEvents events;

	@Autowired
	ScanRateLimiter limiter;

	@Autowired
	ObjectMapper json;

	@Autowired
	Clock clock;

	@Autowired
	ScanGuard guard;

	@Autowired
	SentMessages sms;

	@BeforeEach
	void fullBuckets() {
		limiter.clear();
		guard.clear();
	}

	@Test
	void aVisitorScansWithACompanionAndBothAreLoggedGreen() throws Exception {
		Venue mall = venue("扫码测试商场", "MALL_SUPERMARKET");
		String me = VenueFixtures.idNumber();
		String grandma = VenueFixtures.idNumber();
		HttpResponse<String> response = scan(mall.code(), Map.of("name", "应晓东", "idNumber", me, "phone", "13905790001",
				"companions", List.of(Map.of("name", "应秀英", "idNumber", grandma))));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("venueName").asString()).isEqualTo("扫码测试商场");
		assertThat(body.get("allAdmitted").asBoolean()).isTrue();
		assertThat(body.get("entries").valueStream().map(e -> e.get("nameMasked").asString())).containsExactly("应*东", "应*英");
		assertThat(body.get("entries").get(0).get("colour").asString()).isEqualTo("GREEN");
		// the companion learns whether they may enter, not their colour
		assertThat(body.get("entries").get(1).get("colour").isNull()).isTrue();
		assertThat(body.get("entries").valueStream().map(e -> e.get("admitted").asBoolean())).containsOnly(true);

		List<Visit> log = venues.visits(mall.id(), LocalDate.now(clock), LocalDate.now(clock), null, CITY, new Paging(0, 10)).items();
		assertThat(log).extracting(Visit::channel).containsExactlyInAnyOrder("SCAN", "COMPANION");
		assertThat(log).extracting(Visit::idMasked).doesNotContain(me).contains(me.substring(0, 3) + "*************" + me.substring(16));
	}

	@Test
	void badInputOnTheScanPageIsNamedByFieldAndNothingIsLogged() throws Exception {
		Venue mall = venue("扫码校验商场", "MALL_SUPERMARKET");
		String[] wrong = VenueFixtures.withWrongCheck();
		HttpResponse<String> response = scan(mall.code(), Map.of("name", "", "idNumber", wrong[0], "phone", "12345",
				"companions", List.of(Map.of("name", "小明", "idNumber", "33078420"))));
		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode errors = json.readTree(response.body()).get("errors");
		assertThat(errors.valueStream().map(e -> e.get("field").asString() + " " + e.get("message").asString()))
			.containsExactlyInAnyOrder("name 请填写姓名（不超过 50 字）", "idNumber 身份证号校验位错误：最后一位应为 " + wrong[1],
					"phone 手机号格式不正确：应为 11 位、以 1 开头的中国大陆手机号", "companions[0].idNumber 身份证号应为 18 位");
		assertThat(venues.todayCounts(mall.id())[0]).isZero();
	}

	@Test
	void atMostFiveCompanionsCheckInWithOneScan() throws Exception {
		Venue mall = venue("同行上限测试商场", "MALL_SUPERMARKET");
		var companions = new java.util.ArrayList<Map<String, String>>();
		for (int i = 0; i < 6; i++) {
			companions.add(Map.of("name", "同行" + i, "idNumber", VenueFixtures.idNumber()));
		}
		HttpResponse<String> six = scan(mall.code(), Map.of("name", "带队人", "idNumber", VenueFixtures.idNumber(), "phone",
				"13905790011", "companions", companions));
		assertThat(six.statusCode()).isEqualTo(422);
		assertThat(json.readTree(six.body()).get("errors").get(0).get("field").asString()).isEqualTo("companions");
		assertThat(json.readTree(six.body()).get("errors").get(0).get("message").asString()).isEqualTo("一次最多为 5 名同行人员登记");
		assertThat(venues.todayCounts(mall.id())[0]).isZero();
		HttpResponse<String> five = scan(mall.code(), Map.of("name", "带队人", "idNumber", VenueFixtures.idNumber(), "phone",
				"13905790011", "companions", companions.subList(0, 5)));
		assertThat(five.statusCode()).as(five.body()).isEqualTo(200);
	}

	@Test
	void aRefusedCompanionIsToldToShowTheirOwnCodeNotTheirColour() throws Exception {
		Venue mall = venue("同行拒入测试商场", "MALL_SUPERMARKET");
		String red = VenueFixtures.idNumber();
		Person person = persons.createResident(new NewResident("同行红", IdType.RESIDENT_ID, red, "13905790012", GRID,
				"园丁社区 11 幢", null), CITY);
		status.assertFact(person.id(), FactKind.MANUAL_RED, "test:red-companion", "测试", clock.instant(), null);
		JsonNode body = json.readTree(scan(mall.code(), Map.of("name", "带路人", "idNumber", VenueFixtures.idNumber(),
				"phone", "13905790013", "companions", List.of(Map.of("name", "同行红", "idNumber", red)))).body());
		JsonNode companion = body.get("entries").get(1);
		assertThat(companion.get("admitted").asBoolean()).isFalse();
		assertThat(companion.get("colour").isNull()).isTrue();
		assertThat(companion.get("refusal").asString()).isEqualTo("请本人出示健康码，由工作人员核验");
		assertThat(body.toString()).doesNotContain("RED").doesNotContain("红码");
		// the staff's visitor log has the colour
		assertThat(venues.visits(mall.id(), LocalDate.now(clock), LocalDate.now(clock), null, CITY, new Paging(0, 10)).items())
			.extracting(Visit::colour)
			.contains("RED");
	}

	@Test
	void aPhoneChecksInAtMostTwoDifferentPeopleAsItselfWithinAnHour() throws Exception {
		Venue mall = venue("本机身份测试商场", "MALL_SUPERMARKET");
		TestHttp phone = TestHttp.anonymous(port);
		assertThat(phone.get("/s/" + mall.code()).headers().allValues("Set-Cookie"))
			.anySatisfy(c -> assertThat(c).startsWith("GG_DEVICE=").contains("HttpOnly").contains("SameSite=Lax"));
		String owner = VenueFixtures.idNumber();
		assertThat(scan(phone, mall.code(), owner).statusCode()).isEqualTo(200);
		assertThat(scan(phone, mall.code(), VenueFixtures.idNumber()).statusCode()).isEqualTo(200);
		assertThat(scan(phone, mall.code(), owner).statusCode()).isEqualTo(200);
		HttpResponse<String> third = scan(phone, mall.code(), VenueFixtures.idNumber());
		assertThat(third.statusCode()).isEqualTo(429);
		assertThat(json.readTree(third.body()).get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
		assertThat(json.readTree(third.body()).get("errors").get(0).get("message").asString())
			.isEqualTo("这部手机近 60 分钟内已为 2 位不同的人本人扫码：请用本人手机扫码，或作为同行人员登记");
		assertThat(venues.todayCounts(mall.id())[0]).isEqualTo(3);
	}

	@Test
	void oneIdentityNumberScannedTooOftenIsRefusedWhicheverPhoneScansIt() throws Exception {
		Venue mall = venue("身份限频测试商场", "MALL_SUPERMARKET");
		String often = VenueFixtures.idNumber();
		int admitted = 0;
		HttpResponse<String> last = null;
		for (int i = 0; i < 8; i++) {
			// a new phone each time, without the device cookie
			last = scan(TestHttp.anonymous(port), mall.code(), often);
			if (last.statusCode() != 200) {
				break;
			}
			admitted++;
		}
		assertThat(admitted).isEqualTo(6);
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat(json.readTree(last.body()).get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
		assertThat(json.readTree(last.body()).get("errors").get(0).get("message").asString()).isEqualTo("该身份证号近期扫码过于频繁，请稍后再试");
	}

	@Test
	void aBurstOfIdentityNumbersFromOnePhoneSendsNoSmsForTheRedPersonInIt() throws Exception {
		Venue mall = venue("突发扫码测试商场", "MALL_SUPERMARKET");
		String red = VenueFixtures.idNumber();
		Person person = persons.createResident(new NewResident("范突发", IdType.RESIDENT_ID, red, "13905790014", GRID,
				"园丁社区 12 幢", null), CITY);
		status.assertFact(person.id(), FactKind.MANUAL_RED, "test:burst", "测试", clock.instant(), null);
		TestHttp phone = TestHttp.anonymous(port);
		phone.get("/s/" + mall.code());
		String me = VenueFixtures.idNumber();
		// six people never seen before, then five more with the red person among them
		assertThat(scanWith(phone, mall.code(), me, 5, null).statusCode()).isEqualTo(200);
		HttpResponse<String> burst = scanWith(phone, mall.code(), me, 4, red);
		assertThat(burst.statusCode()).as(burst.body()).isEqualTo(200);
		assertThat(json.readTree(burst.body()).get("entries").get(5).get("admitted").asBoolean()).isFalse();

		String title = "红码人员扫码：范突发 在 突发扫码测试商场";
		assertThat(sms.containing(title)).isEmpty();
		// the grid worker still sees it, marked as unverified
		assertThat(TestHttp.signedIn(port, "grid", "demo-test-password").get("/notifications").body()).contains(title)
			.contains("未发短信");
	}

	@Test
	void aSingleScanOfARedPersonOnTheirOwnPhoneSendsTheSms() throws Exception {
		Venue mall = venue("单次红码短信商场", "MALL_SUPERMARKET");
		String red = VenueFixtures.idNumber();
		Person person = persons.createResident(new NewResident("龚单次", IdType.RESIDENT_ID, red, "13905790015", GRID,
				"园丁社区 13 幢", null), CITY);
		status.assertFact(person.id(), FactKind.MANUAL_RED, "test:single", "测试", clock.instant(), null);
		TestHttp phone = TestHttp.anonymous(port);
		phone.get("/s/" + mall.code());
		assertThat(scan(phone, mall.code(), red).statusCode()).isEqualTo(200);
		assertThat(sms.containing("红码人员扫码：龚单次 在 单次红码短信商场")).singleElement()
			.satisfies(m -> assertThat(m.mobiles()).isNotEmpty());
	}

	@Test
	void aControlCharacterOnTheScanFormIsRefusedNamingItsField() throws Exception {
		Venue mall = venue("控制字符扫码商场", "MALL_SUPERMARKET");
		HttpResponse<String> response = scan(mall.code(), Map.of("name", "应\u0000东", "idNumber", VenueFixtures.idNumber(),
				"phone", "13905790008", "companions", List.of(Map.of("name", "应秀英", "idNumber", VenueFixtures.idNumber()))));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(json.readTree(response.body()).get("errors").valueStream()
			.map(e -> e.get("field").asString() + " " + e.get("message").asString()))
			.containsExactly("name 姓名 含有不可见的控制字符（第 2 个字符），请删除后重新提交");
		assertThat(venues.todayCounts(mall.id())[0]).isZero();
	}

	@Test
	void aRedPersonIsRefusedAndTheirGridWorkerAndTheDepartmentAreAlertedAtOnce() throws Exception {
		Venue mall = venue("红码测试商场", "MALL_SUPERMARKET");
		String id = VenueFixtures.idNumber();
		Person person = persons.createResident(new NewResident("程红梅", IdType.RESIDENT_ID, id, "13905790002", GRID,
				"园丁社区 9 幢", null), CITY);
		status.assertFact(person.id(), FactKind.MANUAL_RED, "test:red", "测试", clock.instant(), null);

		HttpResponse<String> response = scan(mall.code(), Map.of("name", "程红梅", "idNumber", id, "phone", "13905790002"));
		JsonNode entry = json.readTree(response.body()).get("entries").get(0);
		assertThat(entry.get("colour").asString()).isEqualTo("RED");
		assertThat(entry.get("admitted").asBoolean()).isFalse();
		assertThat(entry.get("refusal").asString()).isEqualTo("红码：禁止进入，请原地等候工作人员");

		assertThat(events.flagged).anySatisfy(e -> {
			assertThat(e.personId()).isEqualTo(person.id());
			assertThat(e.venueId()).isEqualTo(mall.id());
			assertThat(e.colour()).isEqualTo("RED");
			assertThat(e.venueRegionCode()).isEqualTo(mall.regionCode());
		});
		String title = "红码人员扫码：程红梅 在 红码测试商场";
		assertThat(TestHttp.signedIn(port, "grid", "demo-test-password").get("/notifications").body()).contains(title);
		assertThat(TestHttp.signedIn(port, "commerce", "demo-test-password").get("/notifications").body()).contains(title);
		assertThat(TestHttp.signedIn(port, "health", "demo-test-password").get("/notifications").body()).doesNotContain(title);
	}

	@Test
	void theVenueManagerIsAlertedWhenARedPersonScansInAndCountsItOnTheirHome() throws Exception {
		long venueId = accounts.find("venue").orElseThrow().venueId();
		Venue hualian = venues.find(venueId).orElseThrow();
		TestHttp manager = TestHttp.signedIn(port, "venue", "demo-test-password");
		long redBefore = HomePage.items(manager.get("/").body()).get("red-today").count();
		String id = VenueFixtures.idNumber();
		Person person = persons.createResident(new NewResident("程红英", IdType.RESIDENT_ID, id, "13905790012", GRID,
				"园丁社区 11 幢", null), CITY);
		status.assertFact(person.id(), FactKind.MANUAL_RED, "test:red", "测试", clock.instant(), null);

		scan(hualian.code(), Map.of("name", "程红英", "idNumber", id, "phone", "13905790012"));

		String title = "红码人员扫码：程红英 在 " + hualian.name();
		assertThat(manager.get("/notifications").body()).contains(title);
		assertThat(TestHttp.signedIn(port, "carehome", "demo-test-password").get("/notifications").body())
			.doesNotContain(title);
		Map<String, HomePage.Item> home = HomePage.items(manager.get("/").body());
		assertThat(home.get("red-today").count()).isEqualTo(redBefore + 1);
		assertThat(home.get("red-today").link()).isEqualTo("/venues/" + venueId + "/visits?only=RED");
		for (HomePage.Item item : home.values()) {
			assertThat(HomePage.total(manager.get(item.link()).body())).as(item.link()).isEqualTo(item.count());
		}
	}

	@Test
	void aPersonUnderHomeIsolationIsFlaggedEvenWhenTheRuleShowsThemYellow() throws Exception {
		Venue market = venue("隔离测试菜场", "MARKET");
		String id = VenueFixtures.idNumber();
		Person person = persons.createResident(new NewResident("徐居家", IdType.RESIDENT_ID, id, "13905790007", GRID,
				"园丁社区 10 幢", null), CITY);
		status.assertFact(person.id(), FactKind.HOME_ISOLATION, "test:isolation", "居家隔离第 3 天", clock.instant(), null);
		status.changeRule(FactKind.HOME_ISOLATION, org.gridguard.status.StatusColour.YELLOW, true, "test");
		try {
			JsonNode entry = json.readTree(scan(market.code(), Map.of("name", "徐居家", "idNumber", id, "phone", "13905790007"))
				.body()).get("entries").get(0);
			assertThat(entry.get("colour").asString()).isEqualTo("YELLOW");
			assertThat(entry.get("admitted").asBoolean()).isFalse();
			assertThat(events.flagged).anySatisfy(e -> {
				assertThat(e.personId()).isEqualTo(person.id());
				assertThat(e.colour()).isEqualTo("YELLOW");
			});
		}
		finally {
			status.changeRule(FactKind.HOME_ISOLATION, org.gridguard.status.StatusColour.RED, true, "test");
		}
	}

	@Test
	void aClosedCareHomeRefusesVisitorsWithTheReasonButLetsStaffOnAClosedLoopShiftIn() throws Exception {
		Venue home = venue("封闭测试敬老院", "CARE_HOME");
		String nurse = VenueFixtures.idNumber();
		roster.add(home.id(), "护理员甲", nurse, "13905790003", "护理员", CITY);
		StaffMember staff = roster.list(home.id(), CITY).get(0);
		roster.startLoop(home.id(), staff.id(), null, null, CITY);
		assertThatThrownBy(() -> venues.setClosure(home.id(), Closure.CLOSED, "", CITY)).hasMessageContaining("原因");
		venues.setClosure(home.id(), Closure.CLOSED, "本地出现疫情，暂停探视", CITY);

		String visitor = VenueFixtures.idNumber();
		JsonNode refused = json.readTree(scan(home.code(), Map.of("name", "探视者", "idNumber", visitor, "phone", "13905790004"))
			.body()).get("entries").get(0);
		assertThat(refused.get("admitted").asBoolean()).isFalse();
		assertThat(refused.get("refusal").asString()).isEqualTo("本场所全封闭管理，暂停对外开放：本地出现疫情，暂停探视");
		JsonNode admitted = json.readTree(scan(home.code(), Map.of("name", "护理员甲", "idNumber", nurse, "phone", "13905790003"))
			.body()).get("entries").get(0);
		assertThat(admitted.get("admitted").asBoolean()).isTrue();

		venues.setClosure(home.id(), Closure.EXIT_ONLY, "高风险区：只出不进", CITY);
		JsonNode exitOnly = json.readTree(scan(home.code(), Map.of("name", "护理员甲", "idNumber", nurse, "phone", "13905790003"))
			.body()).get("entries").get(0);
		assertThat(exitOnly.get("admitted").asBoolean()).isFalse();
		assertThat(exitOnly.get("refusal").asString()).contains("只出不进");

		// the visitor log is mandatory: refused visitors are in it too
		List<Visit> log = venues.visits(home.id(), LocalDate.now(clock), LocalDate.now(clock), null, CITY, new Paging(0, 10)).items();
		assertThat(log).hasSize(3);
		assertThat(log).filteredOn(v -> !v.admitted()).hasSize(2);
		assertThat(TestHttp.anonymous(port).get("/s/" + home.code()).body()).contains("只出不进").contains("高风险区：只出不进");

		Venue mall = venue("封闭测试商场", "MALL_SUPERMARKET");
		assertThatThrownBy(() -> venues.setClosure(mall.id(), Closure.CLOSED, "试试", CITY))
			.hasMessageContaining("只有特殊场所");
	}

	@Test
	void aDeclaredStayInAHighRiskAreaStarsTheScreenAndTurnsTheColourByTheStatusRules() throws Exception {
		Venue mall = venue("星号测试商场", "MALL_SUPERMARKET");
		var area = riskAreas.add("某省某市某区", "HIGH", null, "admin");
		JsonNode body = json.readTree(scan(mall.code(), Map.of("name", "吕星", "idNumber", VenueFixtures.idNumber(), "phone",
				"13905790005", "riskArea", area.id())).body());
		assertThat(body.get("star").asBoolean()).isTrue();
		assertThat(body.get("riskArea").asString()).isEqualTo("某省某市某区");
		assertThat(body.get("entries").get(0).get("colour").asString()).isEqualTo("RED");
	}

	@Test
	void theDeskChecksInAVisitorWithoutAPhoneByIdentityNumber() {
		Venue mall = venue("代登记测试商场", "MALL_SUPERMARKET");
		CheckIns.ScanOutcome outcome = checkIns.desk(mall.id(),
				List.of(new CheckIns.Visitor("", VenueFixtures.idNumber(), null)), null, CITY);
		assertThat(outcome.entries()).singleElement().satisfies(e -> {
			assertThat(e.colour()).isEqualTo("GREEN");
			assertThat(e.admitted()).isTrue();
		});
		assertThat(venues.visits(mall.id(), LocalDate.now(clock), LocalDate.now(clock), null, CITY, new Paging(0, 5)).items())
			.extracting(Visit::channel)
			.containsExactly("DESK");
	}

	@Test
	void aRevokedOrUnknownCodeIsRefusedAndAClientScanningTooOftenIsSlowedDown() throws Exception {
		Venue mall = venue("作废测试商场", "MALL_SUPERMARKET");
		String old = mall.code();
		venues.regenerateCode(mall.id(), CITY);
		HttpResponse<String> stale = scan(old, Map.of("name", "胡一", "idNumber", VenueFixtures.idNumber(), "phone", "13905790006"));
		assertThat(stale.statusCode()).isEqualTo(410);
		assertThat(stale.body()).contains("场所码已作废");
		assertThat(TestHttp.anonymous(port).get("/s/" + old).statusCode()).isEqualTo(410);
		assertThat(TestHttp.anonymous(port).get("/s/YKNOSUCHCODE").statusCode()).isEqualTo(404);

		String fresh = venues.find(mall.id()).orElseThrow().code();
		int allowed = 0;
		HttpResponse<String> last = null;
		for (int i = 0; i < 20; i++) {
			last = scan(fresh, Map.of("name", "胡二", "idNumber", "1", "phone", "1"));
			if (last.statusCode() == 429) {
				break;
			}
			allowed++;
		}
		assertThat(allowed).isLessThan(20);
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat(last.body()).contains("操作过于频繁");
	}

	private Venue venue(String name, String category) {
		return venues.register(new NewVenue(name, category, GRID, "园丁社区 1 号", 100, null, null, null, null, "负责人",
				"13800002222"), CITY);
	}

	private HttpResponse<String> scan(String code, Map<String, Object> body) throws Exception {
		return TestHttp.anonymous(port).api("POST", "/api/public/scans/" + code, json.writeValueAsString(body), null);
	}

	/** A scan from a phone that keeps its device cookie. */
	private HttpResponse<String> scan(TestHttp phone, String code, String idNumber) throws Exception {
		return phone.api("POST", "/api/public/scans/" + code,
				json.writeValueAsString(Map.of("name", "访客", "idNumber", idNumber, "phone", "13905790099")), null);
	}

	/** A scan from a phone with {@code fresh} companions never seen before, and one more if given. */
	private HttpResponse<String> scanWith(TestHttp phone, String code, String idNumber, int fresh, String more)
			throws Exception {
		var companions = new java.util.ArrayList<Map<String, String>>();
		for (int i = 0; i < fresh; i++) {
			companions.add(Map.of("name", "同行" + i, "idNumber", VenueFixtures.idNumber()));
		}
		if (more != null) {
			companions.add(Map.of("name", "同行红", "idNumber", more));
		}
		return phone.api("POST", "/api/public/scans/" + code, json.writeValueAsString(Map.of("name", "访客", "idNumber",
				idNumber, "phone", "13905790099", "companions", companions)), null);
	}

}
