package org.gridguard.testing;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.springframework.jdbc.core.simple.JdbcClient;
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

	@Autowired
	TestResultFiles files;

	@Autowired
	JdbcClient jdbc;

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
	void theRefusedRowsComeBackAsACorrectionFileThatIsSafeToOpenAndImportsOnceFixed() throws Exception {
		String fixed = TestIds.visitor();
		String twoHoursAgo = LocalDateTime.ofInstant(Instant.now().minusSeconds(7200), ZoneOffset.ofHours(8)).format(LOCAL);
		String csv = """
				姓名,身份证号,采样时间,检测类型,检测结果
				"=HYPERLINK(""http://x"",""点击"")",12345,%s,核酸,-
				孙\u0000七,%s,%s,核酸,阴性
				周八,%s,%s,核酸,阴性
				""".formatted(twoHoursAgo, TestIds.visitor(), twoHoursAgo, TestIds.visitor(), twoHoursAgo);
		TestHttp health = TestHttp.signedIn(port, "admin", "admin-test-password");
		health.get("/testing");
		HttpResponse<String> page = health.multipart("/testing", Map.of("_csrf", health.csrf()), "file", "结果.csv",
				csv.getBytes(StandardCharsets.UTF_8), null);
		assertThat(page.body()).contains("共 3 行，入库 1 行，拒收 2 行。")
			.contains("<td>3</td><td class=\"gg-mono\">name</td><td>含有不可见的控制字符（第 2 个字符），请删除后重试");
		Matcher link = Pattern.compile("/testing/uploads/(\\d+)/corrections.csv").matcher(page.body());
		assertThat(link.find()).isTrue();
		long id = Long.parseLong(link.group(1));

		byte[] stored = jdbc.sql("SELECT content FROM testing_upload WHERE id = ?").param(id).query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("12345");

		String corrections = health.get("/testing/uploads/" + id + "/corrections.csv").body();
		List<String> lines = corrections.lines().toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(1)).startsWith("\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\",12345,").contains(",核酸,'-,");
		HttpResponse<byte[]> xlsx = health.download("/testing/uploads/" + id + "/corrections.xlsx");
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			var row = workbook.getSheetAt(0).getRow(1);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\",\"点击\")");
			assertThat(row.getCell(4).getStringCellValue()).isEqualTo("'-");
			assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(workbook.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("孙\uFFFD七");
		}

		// fixed in place and imported again: the apostrophes are gone, "-" is a negative again
		String corrected = corrections.replace("12345", fixed).replace("孙\uFFFD七", "孙七");
		health.get("/testing");
		HttpResponse<String> again = health.multipart("/testing", Map.of("_csrf", health.csrf()), "file", "改正.csv",
				corrected.getBytes(StandardCharsets.UTF_8), null);
		assertThat(again.body()).contains("共 2 行，入库 2 行，拒收 0 行。");
		assertThat(testing.latest(person(fixed), 1)).singleElement()
			.satisfies(r -> assertThat(r.result()).isEqualTo(TestResult.Outcome.NEGATIVE));

		// only the uploader may download it, and only for the retention period
		TestHttp cdc = TestHttp.signedIn(port, "cdc", "demo-test-password");
		assertThat(cdc.get("/testing/uploads/" + id + "/corrections.csv").statusCode()).isEqualTo(404);
		jdbc.sql("UPDATE testing_upload SET uploaded_at = uploaded_at - interval '29 days' WHERE id = ?").param(id).update();
		assertThat(files.purge()).isGreaterThanOrEqualTo(1);
		assertThat(health.get("/testing/uploads/" + id + "/corrections.csv").statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM testing_upload_rejection WHERE upload_id = ?").param(id).query(Long.class)
			.single()).isZero();
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
