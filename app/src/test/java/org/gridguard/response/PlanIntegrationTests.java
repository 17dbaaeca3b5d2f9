package org.gridguard.response;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridguard.TestHttp;
import org.gridguard.platform.AuditLog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Emergency plans: the city command registers a plan with its owner and first document; the owner (a town's officers,
 * a department) and the command upload new versions, each kept with who uploaded it and what changed, and every
 * version downloads as uploaded; nobody else uploads, and a file that is no document is refused naming the field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlanIntegrationTests {

	private static final AtomicInteger NEXT = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	Plans plans;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCommandRegistersAPlanItsOwnerUploadsANewVersionAndEveryVersionDownloadsAsUploaded() {
		String title = "学校疫情应急处置预案" + NEXT.incrementAndGet();
		byte[] first = pdf("第一版");
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		long id = register(admin, "SCHOOLS", title, "TOWN:330784001", "街道教育办", "2022年版", "学校预案.pdf", first);

		TestHttp town = TestHttp.signedIn(port, "town", "demo-test-password");
		String page = town.get("/response/plans/" + id).body();
		assertThat(page).contains("id=\"plan-owner\">东城街道 · 街道教育办<").contains("id=\"new-version\"");
		byte[] second = pdf("第二版");
		HttpResponse<String> uploaded = upload(town, id, "补充寄宿制学校的处置流程", "学校预案（修订）.pdf", second);
		assertThat(uploaded.statusCode()).isEqualTo(302);
		page = town.get("/response/plans/" + id).body();
		assertThat(page).contains("已上传第 2 版").contains("补充寄宿制学校的处置流程").contains("town · ")
			.contains("admin · ");
		assertThat(page.indexOf("data-version=\"2\"")).isLessThan(page.indexOf("data-version=\"1\""));

		TestHttp cdc = TestHttp.signedIn(port, "cdc", "demo-test-password");
		HttpResponse<byte[]> v1 = cdc.download("/response/plans/" + id + "/versions/1/file");
		assertThat(v1.statusCode()).isEqualTo(200);
		assertThat(v1.body()).isEqualTo(first);
		assertThat(v1.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(v1.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
			.contains("filename*=UTF-8''%E5%AD%A6%E6%A0%A1%E9%A2%84%E6%A1%88.pdf");
		assertThat(cdc.download("/response/plans/" + id + "/versions/2/file").body()).isEqualTo(second);
		assertThat(cdc.get("/response/plans/" + id).body()).doesNotContain("id=\"new-version\"");

		assertThat(audit.forSubject("response_plan", String.valueOf(id), 10))
			.extracting(e -> e.actor() + " " + e.action())
			.containsExactlyInAnyOrder("admin RESPONSE_PLAN_CREATE", "admin RESPONSE_PLAN_VERSION",
					"town RESPONSE_PLAN_VERSION");
		assertThat(plans.get(id).latestVersion()).isEqualTo(2);
	}

	@Test
	void onlyThePlansOwnerAndTheCommandUploadAndOnlyTheCommandRegisters() {
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		long health = register(admin, "MASS_TESTING", "核酸检测工作方案" + NEXT.incrementAndGet(), "DEPARTMENT:HEALTH", null,
				null, "方案.pdf", pdf("卫健"));
		long xicheng = register(admin, "LOCAL_OUTBREAK", "西城街道预案" + NEXT.incrementAndGet(), "TOWN:330784002", null,
				null, "西城.pdf", pdf("西城"));

		TestHttp town = TestHttp.signedIn(port, "town", "demo-test-password");
		town.get("/response/plans");
		assertThat(upload(town, health, "越权", "x.pdf", pdf("x")).statusCode()).isEqualTo(403);
		assertThat(upload(town, xicheng, "越权", "x.pdf", pdf("x")).statusCode()).isEqualTo(403);
		assertThat(town.get("/response/plans").body()).doesNotContain("id=\"new-plan\"");
		assertThat(town.multipart("/response/plans", fields(town, "SCHOOLS", "越权登记", "COMMAND", null, null), "file",
				"x.pdf", pdf("x"), null).statusCode()).isEqualTo(403);

		TestHttp commerce = TestHttp.signedIn(port, "commerce", "demo-test-password");
		commerce.get("/response/plans/" + health);
		assertThat(upload(commerce, health, "越权", "x.pdf", pdf("x")).statusCode()).isEqualTo(403);
		TestHttp department = TestHttp.signedIn(port, "health", "demo-test-password");
		department.get("/response/plans/" + health);
		assertThat(upload(department, health, "更新检测点位", "方案v2.pdf", pdf("卫健2")).statusCode()).isEqualTo(302);
		assertThat(upload(admin, xicheng, "指挥部修订", "西城v2.pdf", pdf("西城2")).statusCode()).isEqualTo(302);

		assertThat(plans.get(health).latestVersion()).isEqualTo(2);
		assertThat(plans.get(xicheng).latestVersion()).isEqualTo(2);
		assertThat(TestHttp.signedIn(port, "grid", "demo-test-password").get("/response/plans").statusCode())
			.isEqualTo(403);
	}

	@Test
	void aFileThatIsNoDocumentIsRefusedNamingTheFieldAndTheFormComesBackAsTyped() {
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		admin.get("/response/plans");
		String title = "冷链预案" + NEXT.incrementAndGet();
		byte[] program = "MZ\u0090\u0000 this is a program".getBytes(StandardCharsets.ISO_8859_1);
		HttpResponse<String> refused = admin.multipart("/response/plans",
				fields(admin, "COLD_CHAIN", title, "", "冷链专班", "初版"), "file", "冷链预案.pdf", program, null);
		assertThat(refused.statusCode()).isEqualTo(302);
		String page = admin.get("/response/plans").body();
		assertThat(page).contains("责任方：请选择责任方（指挥部、镇街或部门）")
			.contains("文件：文件内容与扩展名 .pdf 不符")
			.contains("value=\"" + title + "\"")
			.contains("value=\"冷链专班\"");
		assertThat(jdbc.sql("SELECT count(*) FROM response_plan WHERE title = ?").param(title).query(Long.class).single())
			.isZero();

		admin.multipart("/response/plans", fields(admin, "COLD_CHAIN", title, "COMMAND", null, null), "file",
				"冷链预案.exe", program, null);
		assertThat(admin.get("/response/plans").body()).contains("文件：不接受 .exe 文件");
		assertThat(jdbc.sql("SELECT count(*) FROM response_plan WHERE title = ?").param(title).query(Long.class).single())
			.isZero();
	}

	private long register(TestHttp http, String scenario, String title, String owner, String contact, String note,
			String filename, byte[] content) {
		http.get("/response/plans");
		HttpResponse<String> created = http.multipart("/response/plans", fields(http, scenario, title, owner, contact, note),
				"file", filename, content, null);
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/response/plans/\\d+");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private static HttpResponse<String> upload(TestHttp http, long plan, String note, String filename, byte[] content) {
		var fields = new LinkedHashMap<String, String>();
		fields.put("_csrf", http.csrf());
		fields.put("note", note);
		return http.multipart("/response/plans/" + plan + "/versions", fields, "file", filename, content, null);
	}

	private static Map<String, String> fields(TestHttp http, String scenario, String title, String owner,
			String contact, String note) {
		var fields = new LinkedHashMap<String, String>();
		fields.put("_csrf", http.csrf());
		fields.put("scenario", scenario);
		fields.put("title", title);
		fields.put("owner", owner);
		if (contact != null) {
			fields.put("ownerContact", contact);
		}
		if (note != null) {
			fields.put("note", note);
		}
		return fields;
	}

	private static byte[] pdf(String text) {
		return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
	}

}
