package org.gridguard.testing;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.person.IdDocument;
import org.gridguard.person.IdType;
import org.gridguard.person.PersonManagement;
import org.gridguard.status.StatusColour;
import org.gridguard.status.StatusManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 检测结果 page: a lab's spreadsheet export (Chinese headers, local times, GB18030) is stored row by row, refused
 * rows are listed with their row number, field and reason, and only health staff may import.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TestResultFileIntegrationTests {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	@LocalServerPort
	int port;

	@Autowired
	PersonManagement persons;

	@Autowired
	StatusManagement status;

	@Autowired
	TestingManagement testing;

	@Test
	void aLabExportIsStoredRowByRowAndTheRefusedRowsAreNamed() {
		String negative = TestIds.visitor();
		String positive = TestIds.visitor();
		String twoHoursAgo = LocalDateTime.ofInstant(Instant.now().minusSeconds(7200), ZoneOffset.ofHours(8)).format(LOCAL);
		String csv = """
				姓名,身份证号,采样时间,检测类型,检测结果,混采
				张三,%s,%s,核酸,阴性,是
				李四,110105192101010011,%s,核酸,阴性,否
				王五,%s,昨天上午,核酸,阴性,否
				赵六,%s,%s,抗原,阳性,否
				""".formatted(negative, twoHoursAgo, twoHoursAgo, TestIds.visitor(), positive, twoHoursAgo);

		TestHttp health = TestHttp.signedIn(port, "admin", "admin-test-password");
		assertThat(health.get("/testing").body()).contains("导入检测结果");
		HttpResponse<String> page = health.multipart("/testing", Map.of("_csrf", health.csrf()), "file", "检测结果.csv",
				csv.getBytes(Charset.forName("GB18030")), null);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("共 4 行，入库 2 行，拒收 2 行。")
			.contains("<td>3</td><td class=\"gg-mono\">idNumber</td><td>身份证号校验位错误")
			.contains("<td>4</td><td class=\"gg-mono\">sampledAt</td><td>采样时间格式不正确");
		assertThat(testing.latest(person(negative), 10)).singleElement()
			.satisfies(r -> assertThat(r.pooled()).isTrue());
		assertThat(status.current(person(positive)).colour()).isEqualTo(StatusColour.RED);

		// the same file again stores nothing twice
		health.get("/testing");
		health.multipart("/testing", Map.of("_csrf", health.csrf()), "file", "检测结果.csv",
				csv.getBytes(Charset.forName("GB18030")), null);
		assertThat(testing.latest(person(negative), 10)).hasSize(1);
	}

	@Test
	void aFileWithoutTheNeededColumnsSaysWhichAreMissingAndGridWorkersMayNotImport() {
		TestHttp health = TestHttp.signedIn(port, "admin", "admin-test-password");
		health.get("/testing");
		HttpResponse<String> page = health.multipart("/testing", Map.of("_csrf", health.csrf()), "file", "wrong.csv",
				"姓名,身份证号\n张三,330784199001010000\n".getBytes(Charset.forName("UTF-8")), null);
		assertThat(page.body()).contains("缺少必需的列：采样时间、检测类型、检测结果").doesNotContain("results-outcome");

		TestHttp grid = TestHttp.signedIn(port, "grid", "demo-test-password");
		assertThat(grid.get("/testing").statusCode()).isEqualTo(403);
	}

	private long person(String idNumber) {
		return persons.findByDocument(new IdDocument(IdType.RESIDENT_ID, idNumber)).orElseThrow().id();
	}

}
