package org.gridguard.response;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridguard.TestHttp;
import org.gridguard.platform.AuditLog;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drills and their follow-up actions: an action still open after its day is announced to its owner, and to the city
 * command once it is overdue longer than the profile of the level in force allows; only the owning party or the
 * command closes it; a drill typed wrong is refused naming every field and shown again as typed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DrillIntegrationTests {

	private static final Jurisdiction ADMIN = new Jurisdiction("admin", Role.CITY_ADMIN, Region.CITY_CODE, null, null,
			null);

	private static final String DONGCHENG = "TOWN:330784001";

	private static final AtomicInteger NEXT = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	Drills drills;

	@Autowired
	FollowUps followUps;

	@Autowired
	ResponseLevels levels;

	@Autowired
	LevelSwitch levelSwitch;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private ResponseLevel before;

	private LocalDate today;

	@BeforeEach
	void rememberTheLevel() {
		before = levels.current().level();
		today = LocalDate.now(clock);
	}

	@AfterEach
	void restoreTheLevel() {
		if (levels.current().level() != before) {
			levelSwitch.change(before.name(), null, "test over", "test");
		}
	}

	@Test
	void anOverdueActionReachesItsOwnerAtOnceAndTheCityCommandWhenOverdueLongerThanTheLevelAllows() {
		assertThat(before).isEqualTo(ResponseLevel.IV);
		String n = "#" + NEXT.incrementAndGet();
		Drill drill = drills.record(drill("逾期整改演练" + n), List.of(
				new Drills.NewFollowUp("核对转运通讯录" + n, DONGCHENG, "街道应急办", today.minusDays(5).toString()),
				new Drills.NewFollowUp("补充采样点备用电源" + n, "DEPARTMENT:HEALTH", null, today.minusDays(2).toString()),
				new Drills.NewFollowUp("组织网格员培训" + n, DONGCHENG, null, today.plusDays(3).toString())), ADMIN);
		List<FollowUp> actions = byAction(drill);

		followUps.escalate();

		// at Ⅳ the command hears of actions more than 3 days overdue
		assertThat(escalationOf(actions.get(0))).isEqualTo(2);
		assertThat(escalationOf(actions.get(1))).isEqualTo(1);
		assertThat(escalationOf(actions.get(2))).isEqualTo(0);
		assertThat(inbox("town")).contains("演练整改事项逾期：核对转运通讯录" + n)
			.doesNotContain("演练整改事项逾期：补充采样点备用电源" + n)
			.doesNotContain("演练整改事项逾期：组织网格员培训" + n);
		assertThat(inbox("health")).contains("演练整改事项逾期：补充采样点备用电源" + n)
			.contains("逾期整改演练" + n + "”（" + today.minusDays(10) + "）的整改事项“补充采样点备用电源" + n);
		assertThat(inbox("commerce")).doesNotContain("补充采样点备用电源" + n);
		String command = inbox("admin");
		assertThat(command).contains("演练整改事项逾期超过 3 天：核对转运通讯录" + n)
			.doesNotContain("补充采样点备用电源" + n);

		// another run announces nothing twice
		followUps.escalate();
		assertThat(jdbc.sql("SELECT count(*) FROM platform_notification WHERE dedupe_key LIKE ?")
			.param("response:follow-up:" + actions.get(0).id() + ":%")
			.query(Long.class)
			.single()).isEqualTo(2);

		// at Ⅰ the command hears of them a day after their deadline
		levelSwitch.change("I", null, "测试：提高响应级别", "test");
		followUps.escalate();
		assertThat(escalationOf(actions.get(1))).isEqualTo(2);
		assertThat(escalationOf(actions.get(2))).isEqualTo(0);
		assertThat(inbox("admin")).contains("演练整改事项逾期超过 1 天：补充采样点备用电源" + n);
		assertThat(TestHttp.signedIn(port, "admin", "admin-test-password").get("/response/drills").body())
			.contains("id=\"overdue-follow-ups\"")
			.contains("核对转运通讯录" + n)
			.contains("补充采样点备用电源" + n)
			.doesNotContain("组织网格员培训" + n);
	}

	@Test
	void anActionIsClosedByItsOwningPartyOrTheCommandAndByNobodyElse() {
		String n = "#" + NEXT.incrementAndGet();
		Drill drill = drills.record(drill("办结权限演练" + n), List.of(
				new Drills.NewFollowUp("东城整改" + n, DONGCHENG, null, today.plusDays(3).toString()),
				new Drills.NewFollowUp("卫健整改" + n, "DEPARTMENT:HEALTH", null, today.plusDays(3).toString()),
				new Drills.NewFollowUp("西城整改" + n, "TOWN:330784002", null, today.plusDays(3).toString())), ADMIN);
		List<FollowUp> actions = byAction(drill);
		String path = "/response/drills/" + drill.id();

		TestHttp town = TestHttp.signedIn(port, "town", "demo-test-password");
		String page = town.get(path).body();
		assertThat(page.split("close-follow-up\"", -1)).hasSize(2);
		assertThat(page).doesNotContain("id=\"new-follow-up\"");
		assertThat(close(town, drill, actions.get(1), "越权办结").statusCode()).isEqualTo(403);
		assertThat(close(town, drill, actions.get(2), "越权办结").statusCode()).isEqualTo(403);
		assertThat(town.post("/response/drills/" + drill.id() + "/follow-ups",
				Map.of("action", "越权增加", "owner", "COMMAND", "dueOn", today.toString())).statusCode()).isEqualTo(403);

		close(town, drill, actions.get(0), "  ");
		assertThat(town.get(path).body()).contains("说明：请填写完成情况（不超过 500 字）");
		assertThat(close(town, drill, actions.get(0), "已组织补训").statusCode()).isEqualTo(302);
		assertThat(town.get(path).body()).contains("已组织补训 · town");
		close(town, drill, actions.get(0), "再次办结");
		assertThat(town.get(path).body()).contains("该整改事项已办结");

		TestHttp health = TestHttp.signedIn(port, "health", "demo-test-password");
		health.get(path);
		assertThat(close(health, drill, actions.get(1), "已配齐").statusCode()).isEqualTo(302);
		assertThat(followUps.get(actions.get(1).id()).state()).isEqualTo(FollowUp.State.DONE);
		assertThat(followUps.get(actions.get(2).id()).state()).isEqualTo(FollowUp.State.OPEN);
		assertThat(audit.forSubject("response_drill", String.valueOf(drill.id()), 10))
			.filteredOn(e -> e.action().equals("RESPONSE_FOLLOW_UP_CLOSE"))
			.extracting(AuditLog.AuditEntry::actor)
			.containsExactlyInAnyOrder("town", "health");

		assertThat(TestHttp.signedIn(port, "grid", "demo-test-password").get("/response/drills").statusCode())
			.isEqualTo(403);
	}

	@Test
	void aDrillTypedWrongIsRefusedNamingEveryFieldAndShownAgainAsTyped() {
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		admin.get("/response/drills");
		String title = "夜间拉练" + NEXT.incrementAndGet();
		HttpResponse<String> refused = admin.postRaw("/response/drills",
				form("heldOn", today.plusDays(1).toString(), "scenario", "", "title", title, "participants", "",
						"fuAction", "补齐照明设备", "fuOwner", "", "fuContact", "", "fuDue", "2026-13-01",
						"fuAction", "", "fuOwner", "COMMAND", "fuContact", "", "fuDue", today.plusDays(5).toString(),
						"fuAction", "", "fuOwner", "", "fuContact", "", "fuDue", ""));
		assertThat(refused.statusCode()).isEqualTo(302);
		String page = admin.get("/response/drills").body();
		assertThat(page).contains("演练日期：演练日期不能晚于今天")
			.contains("场景：请选择场景")
			.contains("参演单位和人员：请填写")
			.contains("第 1 条整改事项 · 责任方：请选择责任方（指挥部、镇街或部门）")
			.contains("第 1 条整改事项 · 完成期限：“2026-13-01”不是有效日期（年-月-日）")
			.contains("第 2 条整改事项 · 整改事项：请填写")
			.doesNotContain("第 3 条整改事项")
			.contains("value=\"" + title + "\"")
			.contains("value=\"补齐照明设备\"")
			.contains("value=\"2026-13-01\"");
		assertThat(jdbc.sql("SELECT count(*) FROM response_drill WHERE title = ?").param(title).query(Long.class).single())
			.isZero();

		HttpResponse<String> recorded = admin.postRaw("/response/drills",
				form("heldOn", today.minusDays(1).toString(), "scenario", "MASS_TESTING", "title", title,
						"participants", "东城街道、市卫健局", "findings", "夜间照明不足",
						"fuAction", "补齐照明设备", "fuOwner", DONGCHENG, "fuContact", "街道应急办",
						"fuDue", today.plusDays(5).toString()));
		assertThat(recorded.statusCode()).isEqualTo(302);
		String location = recorded.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/response/drills/\\d+");
		String drillPage = admin.get(location.substring(location.indexOf("/response"))).body();
		assertThat(drillPage).contains("演练已记录").contains("补齐照明设备").contains("东城街道 · 街道应急办");
	}

	private Drills.NewDrill drill(String title) {
		return new Drills.NewDrill(today.minusDays(10).toString(), "LOCAL_OUTBREAK", title, null, "市指挥部各工作组", null);
	}

	/** The drill's actions in the order they were given. */
	private List<FollowUp> byAction(Drill drill) {
		return drills.followUps(drill.id()).stream().sorted(java.util.Comparator.comparingLong(FollowUp::id)).toList();
	}

	private int escalationOf(FollowUp action) {
		return followUps.get(action.id()).escalation();
	}

	private String inbox(String username) {
		String password = username.equals("admin") ? "admin-test-password" : "demo-test-password";
		return TestHttp.signedIn(port, username, password).get("/notifications").body();
	}

	private static HttpResponse<String> close(TestHttp http, Drill drill, FollowUp action, String note) {
		return http.post("/response/drills/" + drill.id() + "/follow-ups/" + action.id() + "/close", Map.of("note", note));
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
