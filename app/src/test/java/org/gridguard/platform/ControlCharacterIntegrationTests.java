package org.gridguard.platform;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.region.RegionManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A NUL (or another control character) in a filter, a query parameter or a form field is refused naming the field:
 * 422 JSON from the API, a page with the message from the pages; never 500. Tab and line breaks are still accepted,
 * and uploads are not refused for what their files hold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ControlCharacterIntegrationTests {

	private static final String ADMIN = TestHttp.basic("admin", "admin-test-password");

	private static final String REFUSED = "含有不可见的控制字符";

	@LocalServerPort
	int port;

	@Autowired
	RegionManagement regions;

	/** The API lists whose filters reached PostgreSQL and answered 500. */
	@Test
	void apiFiltersWithANulAnswer422NamingTheParameter() {
		for (String[] probe : List.of(new String[] { "/api/v1/persons?q=a%00b", "q" },
				new String[] { "/api/v1/persons?region=33%00", "region" },
				new String[] { "/api/v1/risk-persons?grid=a%00", "grid" },
				new String[] { "/api/v1/tasks?grid=a%00", "grid" },
				new String[] { "/api/v1/tasks?region=a%00", "region" },
				new String[] { "/api/v1/unmanaged?region=%01", "region" })) {
			HttpResponse<String> response = TestHttp.anonymous(port).api("GET", probe[0], null, ADMIN);
			assertThat(response.statusCode()).as(probe[0]).isEqualTo(422);
			assertThat(response.body()).as(probe[0]).contains("\"field\":\"" + probe[1] + "\"").contains(REFUSED);
		}
	}

	/** The list pages whose filters answered 500. */
	@Test
	void pageFiltersWithANulShowAMessageNamingTheField() {
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		for (String[] probe : List.of(new String[] { "/residents?q=a%00b", "查询内容" },
				new String[] { "/residents?region=33%00", "区域" },
				new String[] { "/responsibility?territory=a%00", "属地" },
				new String[] { "/responsibility?unit=a%00", "单位" }, new String[] { "/accounts?q=a%00", "查询内容" },
				new String[] { "/control/risk-persons?region=a%00", "区域" },
				new String[] { "/control/protocols?edit=a%00", "编辑对象" }, new String[] { "/venues?q=a%00", "查询内容" },
				new String[] { "/venues?region=a%00", "区域" })) {
			HttpResponse<String> page = admin.get(probe[0]);
			assertThat(page.statusCode()).as(probe[0]).isEqualTo(422);
			assertThat(page.body()).as(probe[0]).contains("<strong>" + probe[1] + "</strong>").contains(REFUSED)
				.contains("输入未被接受");
		}
	}

	@Test
	void aFormFieldWithANulIsRefusedNamingItAndNothingChanges() {
		String grid = regions.gridsBelow("330784001").get(0).code();
		String before = regions.find(grid).orElseThrow().name();
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		admin.get("/regions/" + grid);
		HttpResponse<String> page = admin.post("/regions/" + grid + "/name", Map.of("name", "新\u0000网格"));
		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(page.body()).contains("<strong>姓名/名称</strong>").contains(REFUSED + "（第 2 个字符）");
		assertThat(regions.find(grid).orElseThrow().name()).isEqualTo(before);
	}

	@Test
	void tabsAndLineBreaksAreStillAccepted() {
		HttpResponse<String> response = TestHttp.anonymous(port).api("GET", "/api/v1/persons?q=a%09b%0D%0Ac", null, ADMIN);
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void anUploadIsRefusedForAControlCharacterInAFormFieldButNotForWhatItsFileHolds() {
		HttpResponse<String> refused = TestHttp.anonymous(port).multipart("/api/v1/push-lists",
				Map.of("category", "CLOSE_CONTACT", "source", "省\u0000协查"), "file", "list.csv",
				"姓名,身份证号\n".getBytes(StandardCharsets.UTF_8), ADMIN);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("\"field\":\"source\"").contains(REFUSED);

		HttpResponse<String> accepted = TestHttp.anonymous(port).multipart("/api/v1/push-lists",
				Map.of("category", "CLOSE_CONTACT", "source", "省协查\t第一批"), "file", "list.csv",
				("姓名,身份证号\n坏\u0000人," + TestIds.visitor() + "\n").getBytes(StandardCharsets.UTF_8), ADMIN);
		assertThat(accepted.statusCode()).isEqualTo(202);
	}

	@Test
	void aNulInAJsonFieldThatNoValidationLooksAtIs422Not500() {
		HttpResponse<String> response = TestHttp.anonymous(port).api("POST", "/api/v1/venues", """
				{"name":"超市\\u0000一号","category":"MALL_SUPERMARKET","townCode":"330784001","address":"永康市东城街道1号",
				 "managerName":"店长","managerPhone":"13900000000"}""", ADMIN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
	}

}
