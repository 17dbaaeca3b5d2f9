package org.gridguard.cockpit;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridguard.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role sees the cockpit of its own area and of any part of it, nothing of other areas (404, as if they did not
 * exist), and roles without a cockpit none at all; the command roles land on it after signing in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CockpitJurisdictionIntegrationTests {

	private static final String TOWN = TestHttp.basic("town", "demo-test-password");

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Test
	void aTownOfficerGetsTheTownsFiguresAndThoseOfItsVillagesButNoOtherTowns() throws Exception {
		TestHttp api = TestHttp.anonymous(port);
		JsonNode own = json.readTree(api.api("GET", "/api/v1/cockpit", null, TOWN).body());
		assertThat(own.get("region").get("code").asString()).isEqualTo("330784001");
		assertThat(own.get("region").get("level").asString()).isEqualTo("TOWN");
		assertThat(api.api("GET", "/api/v1/cockpit?region=330784001001", null, TOWN).statusCode()).isEqualTo(200);
		assertThat(api.api("GET", "/api/v1/cockpit?region=330784002", null, TOWN).statusCode()).isEqualTo(404);
		assertThat(api.api("GET", "/api/v1/cockpit?region=330784", null, TOWN).statusCode()).isEqualTo(404);
		assertThat(api.api("GET", "/api/v1/cockpit?region=33078400100", null, TOWN).statusCode()).isEqualTo(404);
		assertThat(api.api("GET", "/api/v1/tasks?region=330784002", null, TOWN).statusCode()).isEqualTo(404);
		assertThat(api.api("GET", "/api/v1/unmanaged?region=330784002", null, TOWN).statusCode()).isEqualTo(404);
	}

	@Test
	void theAnswerHasEveryFieldOfTheContractTheLevelInForceAndZerosForModulesNotYetBuilt() throws Exception {
		JsonNode answer = json.readTree(TestHttp.anonymous(port)
			.api("GET", "/api/v1/cockpit", null, TestHttp.basic("admin", "admin-test-password"))
			.body());
		assertThat(answer.propertyNames()).contains("region", "responseLevel", "at", "riskPersons", "tasks", "unmanaged",
				"checkinsToday", "positivesToday", "openInvestigations", "quarantine", "events", "rectifications",
				"supplies", "vaccination");
		assertThat(answer.get("region").get("code").asString()).isEqualTo("330784");
		assertThat(answer.get("region").get("name").asString()).isEqualTo("永康市");
		JsonNode level = json.readTree(TestHttp.anonymous(port)
			.api("GET", "/api/v1/response-level", null, TestHttp.basic("admin", "admin-test-password"))
			.body());
		assertThat(answer.get("responseLevel").asString()).as("the level in force").isEqualTo(level.get("level").asString());
		assertThat(answer.get("riskPersons").propertyNames()).contains("total", "byCategory", "byState");
		assertThat(answer.get("tasks").propertyNames()).contains("open", "overdue");
		assertThat(answer.get("quarantine").propertyNames()).containsExactly("rooms", "occupied", "free",
				"transfersPending", "transfersOverdue", "admittedToday", "releasedToday");
		assertThat(answer.get("quarantine").get("rooms").asLong()).as("the demo sites' rooms").isPositive();
		JsonNode pending = json.readTree(TestHttp.anonymous(port)
			.api("GET", "/api/v1/events?state=PENDING", null, TestHttp.basic("admin", "admin-test-password"))
			.body());
		assertThat(answer.get("events").get("awaitingApproval").asLong()).as("the pending events' list total")
			.isEqualTo(pending.get("total").asLong());
		assertThat(answer.get("rectifications").propertyNames()).containsExactly("open", "overdue");
		assertThat(answer.get("supplies").get("belowNorm").asLong()).isZero();
		assertThat(answer.get("vaccination").propertyNames()).containsExactly("age60Population", "age60FullPrimary");
	}

	@Test
	void quarantineFiguresLinkToTheirListsOnlyForReadersWhoMayOpenThem() {
		TestHttp town = TestHttp.signedIn(port, "town", "demo-test-password");
		String linked = figureTag(town.get("/cockpit").body(), "fig-quarantine-transfersPending");
		assertThat(linked).contains("href=\"/quarantine/transfers?state=PENDING&amp;region=330784001\"");
		assertThat(town.get("/quarantine/transfers?state=PENDING&region=330784001").statusCode()).isEqualTo(200);

		TestHttp village = TestHttp.signedIn(port, "village", "demo-test-password");
		String page = village.get("/cockpit").body();
		assertThat(page).contains("id=\"panel-quarantine\"");
		assertThat(figureTag(page, "fig-quarantine-transfersPending")).startsWith("<div").doesNotContain("href");
		assertThat(village.get("/quarantine/transfers").statusCode()).isEqualTo(403);
	}

	/** The opening tag of a figure on the page. */
	private static String figureTag(String page, String id) {
		Matcher m = Pattern.compile("<(?:a|div)[^>]*id=\"" + id + "\"[^>]*>").matcher(page);
		assertThat(m.find()).as(id).isTrue();
		return m.group();
	}

	@Test
	void rolesWithoutACockpitAreRefusedAndTheCommandRolesReachItFromTheirHome() {
		TestHttp api = TestHttp.anonymous(port);
		assertThat(api.api("GET", "/api/v1/cockpit", null, TestHttp.basic("grid", "demo-test-password")).statusCode())
			.isEqualTo(403);
		assertThat(api.api("GET", "/api/v1/cockpit", null, TestHttp.basic("commerce", "demo-test-password")).statusCode())
			.isEqualTo(403);
		assertThat(api.api("GET", "/api/v1/cockpit", null, null).statusCode()).isEqualTo(401);

		TestHttp village = TestHttp.signedIn(port, "village", "demo-test-password");
		HttpResponse<String> home = village.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("id=\"my-work\"").contains("id=\"home-cockpit\"").contains("园丁社区");
		assertThat(village.get("/cockpit").body()).contains("id=\"cockpit-region\"").contains("园丁社区");
		assertThat(village.get("/cockpit?region=330784001002").statusCode()).isEqualTo(404);
		assertThat(village.get("/cockpit/feed?region=330784001002").statusCode()).isEqualTo(404);

		TestHttp grid = TestHttp.signedIn(port, "grid", "demo-test-password");
		assertThat(grid.get("/").body()).contains("id=\"home-scope\"");
		assertThat(grid.get("/cockpit").statusCode()).isEqualTo(403);
	}

}
