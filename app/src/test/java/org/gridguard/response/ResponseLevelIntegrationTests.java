package org.gridguard.response;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.control.Category;
import org.gridguard.control.ControlQueries;
import org.gridguard.control.Placement;
import org.gridguard.control.Pushed;
import org.gridguard.control.Registrations;
import org.gridguard.control.VerificationTask;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.AuditLog;
import org.gridguard.region.Jurisdiction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city admin raises the response level and every module follows the new profile at once: a pushed close contact
 * gets the shorter deadlines, a mall's staff are tested daily and it may admit half its capacity; lowering it brings
 * the old numbers back. Changes are audited and announced; wrong input is refused naming each field, and only the
 * city admin changes the level or a profile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ResponseLevelIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String GRID = "330784001001001";

	private static final String ADMIN = TestHttp.basic("admin", "admin-test-password");

	@LocalServerPort
	int port;

	@Autowired
	ResponseLevels levels;

	@Autowired
	LevelSwitch levelSwitch;

	@Autowired
	ProfileViews views;

	@Autowired
	PersonManagement persons;

	@Autowired
	Registrations registrations;

	@Autowired
	ControlQueries control;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	private ResponseLevel before;

	@BeforeEach
	void rememberTheLevel() {
		before = levels.current().level();
	}

	@AfterEach
	void restoreTheLevel() {
		// every integration test shares this application context: leave the level as the others expect it
		if (levels.current().level() != before) {
			levelSwitch.change(before.name(), null, "test over", "test");
		}
	}

	@Test
	void raisingTheLevelChangesControlDeadlinesAndVenueRulesAtOnceAndLoweringItBringsThemBack() {
		assertThat(before).isNotEqualTo(ResponseLevel.I);
		long mall = jdbc.sql("SELECT id FROM venue WHERE name = '华联商厦'").query(Long.class).single();
		TestHttp page = TestHttp.signedIn(port, "admin", "admin-test-password");
		assertThat(page.get("/venues/" + mall).body()).contains("3 天 1 检").doesNotContain("id=\"capacity-cap\"");
		assertThat(deadlinesOfANewCloseContact()).containsExactly(Duration.ofHours(1), Duration.ofHours(2));

		HttpResponse<String> raised = put("{\"level\":\"I\",\"reason\":\"本土聚集性疫情，市指挥部决定启动Ⅰ级响应\"}", ADMIN);
		assertThat(raised.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(raised.body()).get("level").asString()).isEqualTo("I");
		assertThat(JSON.readTree(raised.body()).get("reason").asString()).startsWith("本土聚集性疫情");

		assertThat(deadlinesOfANewCloseContact()).containsExactly(Duration.ofMinutes(15), Duration.ofMinutes(30));
		String venuePage = page.get("/venues/" + mall).body();
		assertThat(venuePage).contains("1 天 1 检").contains("按当前响应级别不超过容量的 50%")
			.contains("id=\"response-level\"")
			.contains(">Ⅰ级响应<");
		JsonNode read = JSON.readTree(
				TestHttp.anonymous(port).api("GET", "/api/v1/response-level", null, TestHttp.basic("grid", "demo-test-password"))
					.body());
		assertThat(read.get("level").asString()).isEqualTo("I");

		HttpResponse<String> lowered = put("{\"level\":\"" + before.name() + "\",\"reason\":\"疫情得到控制\"}", ADMIN);
		assertThat(lowered.statusCode()).isEqualTo(200);
		assertThat(deadlinesOfANewCloseContact()).containsExactly(Duration.ofHours(1), Duration.ofHours(2));
		assertThat(page.get("/venues/" + mall).body()).contains("3 天 1 检").doesNotContain("id=\"capacity-cap\"");
	}

	@Test
	void everyChangeIsAuditedAndAnnouncedToEveryRole() {
		HttpResponse<String> raised = put("{\"level\":\"III\",\"reason\":\"东城街道出现本土病例\"}", ADMIN);
		assertThat(raised.statusCode()).isEqualTo(200);
		long id = levels.current().id();
		assertThat(audit.forSubject("response_level", String.valueOf(id), 5)).singleElement().satisfies(e -> {
			assertThat(e.action()).isEqualTo("RESPONSE_LEVEL_CHANGE");
			assertThat(e.actor()).isEqualTo("admin");
			assertThat(e.detail()).startsWith(before + " -> III from ").endsWith(": 东城街道出现本土病例");
		});
		String inbox = TestHttp.signedIn(port, "grid", "demo-test-password").get("/notifications").body();
		assertThat(inbox).contains("应急响应调整为Ⅲ级响应").contains("东城街道出现本土病例");
		assertThat(TestHttp.signedIn(port, "admin", "admin-test-password").get("/response").body())
			.contains("id=\"current-reason\">东城街道出现本土病例<");
		HttpResponse<String> venueDesk = TestHttp.signedIn(port, "venue", "demo-test-password").get("/response");
		assertThat(venueDesk.statusCode()).isEqualTo(200);
		assertThat(venueDesk.body()).contains("id=\"current-reason\">东城街道出现本土病例<").doesNotContain("id=\"change\"");
	}

	@Test
	void aChangeIsPreviewedWithWhatItChangesBeforeItIsConfirmed() {
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		admin.get("/response");
		HttpResponse<String> preview = admin.post("/response/level/preview",
				Map.of("level", "I", "since", "", "reason", "演练切换"));
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).containsPattern("data-key=\"venue.nat-days.MALL_SUPERMARKET\">\\s*<td[^>]*>[^<]*</td>\\s*"
				+ "<td>商场超市 · 员工每几天一检</td>\\s*<td class=\"from\">3 天</td>\\s*<td class=\"to fw-semibold\">1 天</td>");
		assertThat(levels.current().level()).isEqualTo(before);

		HttpResponse<String> confirmed = admin.post("/response/level", Map.of("level", "I", "since", "", "reason", "演练切换"));
		assertThat(confirmed.statusCode()).isEqualTo(302);
		assertThat(levels.current().level()).isEqualTo(ResponseLevel.I);
	}

	@Test
	void aWrongChangeIsRefusedNamingEachFieldAndOnlyTheCityAdminMayChangeTheLevel() {
		HttpResponse<String> refused = put("{\"level\":\"V\",\"reason\":\"  \"}", ADMIN);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(refused.body()).get("errors").valueStream().map(e -> e.get("field").asString()))
			.containsExactlyInAnyOrder("level", "reason");
		assertThat(JSON.readTree(refused.body()).get("errors").valueStream().map(e -> e.get("message").asString()))
			.contains("请选择响应级别", "请填写调整理由");
		assertThat(put("{\"level\":\"I\",\"reason\":\"越权\"}", TestHttp.basic("town", "demo-test-password")).statusCode())
			.isEqualTo(403);
		assertThat(put("{\"level\":\"I\",\"reason\":\"越权\"}", TestHttp.basic("cdc", "demo-test-password")).statusCode())
			.isEqualTo(403);

		TestHttp town = TestHttp.signedIn(port, "town", "demo-test-password");
		assertThat(town.get("/response").body()).doesNotContain("id=\"change\"");
		assertThat(town.post("/response/level", Map.of("level", "I", "reason", "越权")).statusCode()).isEqualTo(403);
		assertThat(levels.current().level()).isEqualTo(before);
	}

	@Test
	void theProfileEditorRefusesWrongValuesNamingTheSettingAndChangesNothing() {
		List<ProfileViews.Entry> unchanged = views.entries(ResponseLevel.III);
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		admin.get("/response/profiles/III");
		HttpResponse<String> saved = admin.postRaw("/response/profiles/III",
				form("v.control.fever-threshold", "热", "v.venue.capacity.MALL_SUPERMARKET", "120",
						"v.control.sla.CLOSE_CONTACT.ack", "1", "v.control.sla.CLOSE_CONTACT.verify", "0.5",
						"v.venue.nat-days.MARKET", "2"));
		assertThat(saved.statusCode()).isEqualTo(302);
		String page = admin.get("/response/profiles/III").body();
		assertThat(page).contains("id=\"form-problems\"")
			.contains("发热阈值：“热”不是数字")
			.contains("商场超市 · 最多容纳：应在 0 到 100 % 之间")
			.contains("密切接触者 · 核查时限：不能小于“密切接触者 · 接单时限”")
			// every value comes back as typed, the valid one too
			.contains("value=\"热\"").contains("value=\"120\"").contains("value=\"0.5\"");
		assertThat(views.entries(ResponseLevel.III)).isEqualTo(unchanged);

		String townPage = TestHttp.signedIn(port, "town", "demo-test-password").get("/response/profiles/III").body();
		assertThat(townPage).doesNotContain("id=\"profile-save\"");
		TestHttp town = TestHttp.signedIn(port, "town", "demo-test-password");
		town.get("/response/profiles/III");
		assertThat(town.postRaw("/response/profiles/III", form("v.venue.nat-days.MARKET", "2")).statusCode())
			.isEqualTo(403);
		assertThat(views.entries(ResponseLevel.III)).isEqualTo(unchanged);
	}

	private List<Duration> deadlinesOfANewCloseContact() {
		Person person = persons.createResident(new NewResident("级别" + TestIds.resident().substring(14), IdType.RESIDENT_ID,
				TestIds.resident(), "13905790000", GRID, "级别测试家", null), Jurisdiction.system());
		Instant pushedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		long id = registrations.registerAll(List.of(new Pushed(person.id(), person.name(), Category.CLOSE_CONTACT,
				new Placement(Placement.Kind.GRID, person.regionCode(), null), "test", null, null, null, pushedAt)),
				"test").riskPersonIds()[0];
		VerificationTask task = control.tasksOf(id).stream().filter(t -> t.state().open()).findFirst().orElseThrow();
		return List.of(Duration.between(pushedAt, task.ackDueAt()), Duration.between(pushedAt, task.dueAt()));
	}

	private HttpResponse<String> put(String json, String authorization) {
		return TestHttp.anonymous(port).api("PUT", "/api/v1/response-level", json, authorization);
	}

	private static String form(String... pairs) {
		var body = new StringBuilder();
		for (int i = 0; i < pairs.length; i += 2) {
			if (!body.isEmpty()) {
				body.append('&');
			}
			body.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
				.append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return body.toString();
	}

}
