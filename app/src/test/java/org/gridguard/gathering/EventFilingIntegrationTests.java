package org.gridguard.gathering;

import java.net.http.HttpResponse;
import java.time.Clock;

import org.gridguard.TestHttp;
import org.gridguard.account.AccountManagement;
import org.gridguard.response.LevelSwitch;
import org.gridguard.response.ResponseLevel;
import org.gridguard.response.ResponseLevels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/events} as another system files: every tier of rules §6 at 常态化 and at Ⅲ (stricter thresholds
 * from the profile), refusals with their reasons, the required answer why the event cannot be held online, and
 * {@code GET /api/v1/events} listing what was filed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EventFilingIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN = TestHttp.basic("admin", "admin-test-password");

	@LocalServerPort
	int port;

	@Autowired
	Filings filings;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ResponseLevels levels;

	@Autowired
	LevelSwitch levelSwitch;

	@Autowired
	Clock clock;

	private GatheringFixtures fixtures;

	private ResponseLevel before;

	@BeforeEach
	void setUp() {
		fixtures = new GatheringFixtures(filings, accounts, clock);
		before = levels.current().level();
		if (before != ResponseLevel.NORMAL) {
			levelSwitch.change("NORMAL", null, "测试：常态化", "test");
		}
	}

	@AfterEach
	void restoreTheLevel() {
		// every integration test shares this application context: leave the level as the others expect it
		if (levels.current().level() != before) {
			levelSwitch.change(before.name(), null, "test over", "test");
		}
	}

	@Test
	void atTheNormalLevelEachHeadcountGetsItsTierAndStepsWithDeadlines() throws Exception {
		JsonNode small = file("小型座谈", 30, true);
		assertThat(small.get("state").asString()).isEqualTo("APPROVED");
		assertThat(small.get("steps")).isEmpty();
		assertThat(small.get("code").asString()).as("an approved event has its check-in code").startsWith("YK");

		JsonNode filing = file("行业交流会", 60, true);
		assertThat(filing.get("state").asString()).isEqualTo("PENDING");
		assertThat(kinds(filing)).containsExactly("DEPARTMENT_FILING", "TOWN_FILING");
		assertThat(filing.get("steps").get(0).get("approver").asString()).contains("商务局");
		assertThat(filing.get("steps").get(0).get("dueAt").asString()).isNotBlank();
		assertThat(filing.get("code").isNull()).isTrue();

		assertThat(kinds(file("年度表彰会", 150, true))).containsExactly("DEPARTMENT_FILING", "TOWN_REVIEW",
				"CITY_REVIEW");
		assertThat(kinds(file("全民健身节", 600, false))).containsExactly("DEPARTMENT_FILING", "TOWN_REVIEW",
				"CITY_REVIEW", "HIGHER_REVIEW");

		JsonNode refused = file("室内文艺晚会", 350, true);
		assertThat(refused.get("state").asString()).isEqualTo("REFUSED");
		assertThat(refused.get("steps")).isEmpty();
		assertThat(refused.get("reasons").get(0).asString()).contains("350", "300", "常态化");
	}

	@Test
	void atLevelThreeTheSameEventsMeetStricterTiersAndMoreRefusals() throws Exception {
		levelSwitch.change("III", null, "测试：Ⅲ级响应", "test");
		assertThat(file("小型座谈", 30, true).get("state").asString()).as("30 now needs filing").isEqualTo("PENDING");
		assertThat(kinds(file("行业交流会", 60, true))).as("60 now needs two-level review")
			.containsExactly("DEPARTMENT_FILING", "TOWN_REVIEW", "CITY_REVIEW");
		JsonNode indoor = file("年度表彰会", 200, true);
		assertThat(indoor.get("state").asString()).isEqualTo("REFUSED");
		assertThat(indoor.get("reasons").get(0).asString()).contains("200", "180");
		JsonNode outdoor = file("全民健身节", 700, false);
		assertThat(outdoor.get("state").asString()).isEqualTo("REFUSED");
		assertThat(outdoor.get("reasons").toString()).contains("700", "600");
		assertThat(file("户外健步走", 20, false).get("state").asString()).isEqualTo("APPROVED");
	}

	@Test
	void aBlankAnswerWhyNotOnlineIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
		long before = list("PENDING").get("total").asLong();
		HttpResponse<String> response = TestHttp.anonymous(port)
			.api("POST", "/api/v1/events", fixtures.json("无理由的活动", 80, true, 20, " "), ADMIN);
		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode errors = JSON.readTree(response.body()).get("errors");
		assertThat(errors).singleElement().satisfies(e -> {
			assertThat(e.get("field").asString()).isEqualTo("whyNotOnline");
			assertThat(e.get("message").asString()).isNotBlank();
		});
		assertThat(list("PENDING").get("total").asLong()).isEqualTo(before);
	}

	@Test
	void everyMissingAnswerIsNamedAtOnce() throws Exception {
		HttpResponse<String> response = TestHttp.anonymous(port).api("POST", "/api/v1/events", "{}", ADMIN);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(response.body()).get("errors").findValuesAsString("field")).contains("name",
				"organizer", "responsiblePerson", "responsiblePhone", "townCode", "address", "startsAt", "endsAt",
				"expectedHeadcount", "indoor", "whyNotOnline");
	}

	@Test
	void theListShowsFiledEventsByStateWithTheContractFields() throws Exception {
		long id = file("列表中的活动", 70, true).get("id").asLong();
		JsonNode page = list("PENDING");
		JsonNode item = null;
		for (JsonNode i : page.get("items")) {
			if (i.get("id").asLong() == id) {
				item = i;
			}
		}
		assertThat(item).as("the filed event is listed").isNotNull();
		assertThat(item.propertyNames()).contains("id", "name", "state", "expectedHeadcount", "startsAt");
		assertThat(item.get("expectedHeadcount").asInt()).isEqualTo(70);
		assertThat(list("REFUSED").get("items").findValuesAsString("state")).containsOnly("REFUSED");
	}

	private JsonNode file(String name, int headcount, boolean indoor) throws Exception {
		HttpResponse<String> response = TestHttp.anonymous(port)
			.api("POST", "/api/v1/events", fixtures.json(name, headcount, indoor, 20, "需现场签约"), ADMIN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JSON.readTree(response.body());
	}

	private JsonNode list(String state) throws Exception {
		HttpResponse<String> response = TestHttp.anonymous(port)
			.api("GET", "/api/v1/events?state=" + state + "&size=500", null, ADMIN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static java.util.List<String> kinds(JsonNode filed) {
		return filed.get("steps").findValuesAsString("kind");
	}

}
