package org.gridguard.venue;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.gridguard.TestHttp;
import org.gridguard.account.AccountManagement;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.Paging;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A venue manager sees and runs only their own venue (华联商厦 for the demo account {@code venue}): other venues
 * answer 404, their codes are unknown to the manager's check-ins; departments see the venues of their sector. The
 * demo city has about 300 venues with two weeks of check-ins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class VenueManagerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	VenueManagement venues;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ObjectMapper json;

	@Test
	void theDemoCityHasAboutThreeHundredVenuesWithTwoWeeksOfCheckIns() {
		var all = venues.search(Jurisdiction.system(), new VenueQuery(null, null, null, null), new Paging(0, 1));
		assertThat(all.total()).isBetween(280L, 400L);
		assertThat(venues.search(Jurisdiction.system(), new VenueQuery("宝龙广场", null, null, null), new Paging(0, 5)).items())
			.singleElement()
			.satisfies(v -> assertThat(v.category()).isEqualTo(VenueCategory.MALL_SUPERMARKET));
		for (VenueCategory category : List.of(VenueCategory.MEDICAL, VenueCategory.CARE_HOME, VenueCategory.PHARMACY,
				VenueCategory.MARKET, VenueCategory.DETENTION)) {
			assertThat(venues.search(Jurisdiction.system(), new VenueQuery(null, category.name(), null, null), new Paging(0, 1))
				.total()).as(category.name()).isPositive();
		}
		Venue hualian = hualian();
		var weekAgo = java.time.LocalDate.now().minusDays(7);
		assertThat(venues.visits(hualian.id(), weekAgo, weekAgo, null, Jurisdiction.system(), new Paging(0, 1)).total()).isPositive();
	}

	@Test
	void aVenueManagerSeesOnlyTheirOwnVenue() throws Exception {
		Venue own = hualian();
		Venue other = venues.search(Jurisdiction.system(), new VenueQuery("宝龙广场", null, null, null), new Paging(0, 1))
			.items()
			.get(0);
		TestHttp manager = TestHttp.signedIn(port, "venue", "demo-test-password");
		HttpResponse<String> list = manager.get("/venues");
		assertThat(list.statusCode()).isEqualTo(302);
		assertThat(list.headers().firstValue("Location").orElse("")).endsWith("/venues/" + own.id());
		assertThat(manager.get("/venues/" + own.id()).body()).contains("华联商厦").contains(own.code());
		assertThat(manager.get("/venues/" + other.id()).statusCode()).isEqualTo(404);
		assertThat(manager.get("/venues/" + other.id() + "/visits").statusCode()).isEqualTo(404);
		assertThat(manager.get("/venues/" + other.id() + "/poster.pdf").statusCode()).isEqualTo(404);
		assertThat(manager.get("/venues/" + other.id() + "/desk").statusCode()).isEqualTo(404);

		HttpResponse<String> pdf = manager.get("/venues/" + own.id() + "/poster.pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		assertThat(pdf.body()).startsWith("%PDF").contains("NotoSansSC");
		HttpResponse<String> png = manager.get("/venues/" + own.id() + "/poster.png");
		assertThat(png.statusCode()).isEqualTo(200);
		assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");

		String desk = manager.post("/venues/" + own.id() + "/desk", Map.of("idNumber", VenueFixtures.idNumber(), "name", "胡前台"))
			.body();
		assertThat(desk).contains("venue-screen-GREEN").contains("绿码 · 通行").contains("胡*台").contains("data-live-clock");
		assertThat(manager.post("/venues/" + own.id() + "/desk", Map.of("idNumber", "12345")).body())
			.contains("身份证号应为 18 位")
			.doesNotContain("venue-screen-");

		String otherCheckIns = json.writeValueAsString(Map.of("checkins", List.of(
				Map.of("venueCode", own.code(), "idNumber", VenueFixtures.idNumber(), "at", OffsetDateTime.now().minusMinutes(5).toString()),
				Map.of("venueCode", other.code(), "idNumber", VenueFixtures.idNumber(), "at", OffsetDateTime.now().minusMinutes(5).toString()))));
		JsonNode answer = json.readTree(TestHttp.anonymous(port)
			.api("POST", "/api/v1/checkins", otherCheckIns, TestHttp.basic("venue", "demo-test-password"))
			.body());
		assertThat(answer.get("accepted").asInt()).isEqualTo(1);
		assertThat(answer.get("rejected").get(0).get("index").asInt()).isEqualTo(1);
		assertThat(answer.get("rejected").get(0).get("message").asString()).isEqualTo("场所码不存在（或不在您的管辖范围内）");
	}

	@Test
	void aDepartmentSeesTheVenuesOfItsSectorOnly() {
		TestHttp health = TestHttp.signedIn(port, "health", "demo-test-password");
		String page = health.get("/venues?category=MEDICAL").body();
		assertThat(page).contains("永康市第一人民医院");
		assertThat(health.get("/venues?q=" + java.net.URLEncoder.encode("华联商厦", java.nio.charset.StandardCharsets.UTF_8))
			.body()).doesNotContain("华联商厦</a>");
		assertThat(health.get("/venues/" + hualian().id()).statusCode()).isEqualTo(404);
	}

	private Venue hualian() {
		return venues.search(Jurisdiction.system(), new VenueQuery("华联商厦", null, null, null), new Paging(0, 1))
			.items()
			.get(0);
	}

}
