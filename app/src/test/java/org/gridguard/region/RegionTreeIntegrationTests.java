package org.gridguard.region;

import java.net.http.HttpResponse;
import java.util.Map;

import org.gridguard.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The region tree is the real one of 永康市 (NBS 2023 codes), served to other systems by the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegionTreeIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN = TestHttp.basic("admin", "admin-test-password");

	@LocalServerPort
	int port;

	@Autowired
	RegionManagement regions;

	@Test
	void theCityHasItsFourteenTownsWithRealCodes() {
		JsonNode towns = getJson("/api/v1/regions/330784/children");
		assertThat(towns.size()).isEqualTo(14);
		assertThat(towns.get(0).get("code").asString()).isEqualTo("330784001");
		assertThat(towns.get(0).get("name").asString()).isEqualTo("东城街道");
		assertThat(towns.get(0).get("level").asString()).isEqualTo("TOWN");
		assertThat(towns.get(13).get("code").asString()).isEqualTo("330784115");
		assertThat(towns.get(13).get("name").asString()).isEqualTo("芝英镇");
	}

	@Test
	void theTownsHold452VillagesAndCommunities() {
		int villages = 0;
		for (JsonNode town : getJson("/api/v1/regions/330784/children")) {
			JsonNode children = getJson("/api/v1/regions/" + town.get("code").asString() + "/children");
			for (JsonNode v : children) {
				assertThat(v.get("level").asString()).isEqualTo("VILLAGE");
				assertThat(v.get("code").asString()).hasSize(12).startsWith(town.get("code").asString());
			}
			villages += children.size();
		}
		assertThat(villages).isEqualTo(452);
		assertThat(regions.get("330784001001").name()).isEqualTo("园丁社区居委会");
		assertThat(regions.get("330784115200").name()).isEqualTo("芝英三村委会");
		assertThat(regions.get("330784115200").kind()).isEqualTo("VILLAGE");
		assertThat(regions.get("330784001001").kind()).isEqualTo("COMMUNITY");
	}

	@Test
	void everyVillageHasDemoGridsWithALeader() {
		JsonNode grids = getJson("/api/v1/regions/330784115200/children");
		assertThat(grids.size()).isBetween(2, 6);
		for (JsonNode grid : grids) {
			String code = grid.get("code").asString();
			assertThat(code).hasSize(15).startsWith("330784115200");
			assertThat(grid.get("name").asString()).startsWith("芝英三村第");
			assertThat(regions.workers(code)).extracting(GridWorker::duty).contains(GridWorker.Duty.LEADER);
		}
		assertThat(regions.countBelow("330784").grids()).isBetween(904L, 2712L);
	}

	@Test
	void anUnknownCodeIsNotFoundAndAnonymousCallsAreRefused() {
		HttpResponse<String> unknown = TestHttp.anonymous(port).api("GET", "/api/v1/regions/999999/children", null, ADMIN);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("\"errors\"");
		HttpResponse<String> anonymous = TestHttp.anonymous(port).api("GET", "/api/v1/regions/330784/children", null, null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).contains("\"field\":\"authorization\"");
		HttpResponse<String> wrong = TestHttp.anonymous(port)
			.api("GET", "/api/v1/regions/330784/children", null, TestHttp.basic("admin", "wrong-password"));
		assertThat(wrong.statusCode()).isEqualTo(401);
	}

	@Test
	void anOfficerRegridsAVillageAndWorkersFollowAMerge() {
		TestHttp town = TestHttp.signedIn(port, "town", "demo-test-password");
		String village = "330784001002";
		HttpResponse<String> created = town.post("/regions/" + village + "/grids", Map.of("name", "卫星社区临时网格"));
		assertThat(created.statusCode()).isEqualTo(302);
		String newGrid = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/regions/", "");
		assertThat(newGrid).hasSize(15).startsWith(village);
		assertThat(regions.get(newGrid).name()).isEqualTo("卫星社区临时网格");

		town.post("/regions/" + newGrid + "/name", Map.of("name", "卫星社区第9网格"));
		assertThat(regions.get(newGrid).name()).isEqualTo("卫星社区第9网格");

		town.post("/regions/" + newGrid + "/workers", Map.of("name", "楼道长 陈红", "phone", "13905791234", "duty", "PART_TIME"));
		assertThat(regions.workers(newGrid)).extracting(GridWorker::name).containsExactly("楼道长 陈红");

		String target = village + "001";
		HttpResponse<String> merged = town.post("/regions/" + newGrid + "/merge", Map.of("target", target));
		assertThat(merged.headers().firstValue("Location").orElseThrow()).endsWith("/regions/" + target);
		assertThat(regions.get(newGrid).active()).isFalse();
		assertThat(regions.workers(target)).extracting(GridWorker::name).contains("楼道长 陈红");
		assertThat(regions.children(village)).extracting(Region::code).doesNotContain(newGrid);
	}

	@Test
	void aMergeAcrossVillagesIsRefusedWithAReason() {
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		HttpResponse<String> merged = admin.post("/regions/330784001001001/merge", Map.of("target", "330784001002001"));
		assertThat(merged.statusCode()).isEqualTo(302);
		String page = admin.get("/regions/330784001001001").body();
		assertThat(page).contains("只能合并同一村社内的网格");
		assertThat(regions.get("330784001001001").active()).isTrue();
	}

	@Test
	void aTownOfficerCannotTouchAnotherTown() {
		TestHttp town = TestHttp.signedIn(port, "town", "demo-test-password");
		assertThat(town.get("/regions/330784115").statusCode()).isEqualTo(404);
		HttpResponse<String> rename = town.post("/regions/330784115200001/name", Map.of("name", "x"));
		assertThat(rename.statusCode()).isEqualTo(404);
		assertThat(regions.get("330784115200001").name()).isNotEqualTo("x");
		assertThat(town.get("/regions").headers().firstValue("Location")).hasValueSatisfying(
				l -> assertThat(l).endsWith("/regions/330784001"));
	}

	private JsonNode getJson(String path) {
		HttpResponse<String> response = TestHttp.anonymous(port).api("GET", path, null, ADMIN);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return JSON.readTree(response.body());
	}


}
