package org.gridguard.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
 * The 检测结果 page: a lab's spreadsheet export (Chinese headers, local times, GB18030 or XLSX date cells) is stored,
 * imported in the background with a progress view and stored row by row; refused rows are listed with their row
 * number, field and reason and come back as a correction file; past imports are listed with their counts; only health
 * staff may import.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TestResultFileIntegrationTests {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	private static final Pattern IMPORT = Pattern.compile("/testing/imports/(\\d+)$");

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
	TestResultImport imports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLabExportIsStoredRowByRowAndTheRefusedRowsAreNamed() {
		String negative = TestIds.visitor();
		String positive = TestIds.visitor();
		String twoHoursAgo = hoursAgo(2).format(LOCAL);
		String csv = """
				姓名,身份证号,采样时间,检测类型,检测结果,混采
				张三,%s,%s,核酸,阴性,是
				李四,110105192101010011,%s,核酸,阴性,否
				王五,%s,昨天上午,核酸,阴性,否
				赵六,%s,%s,抗原,阳性,否
				""".formatted(negative, twoHoursAgo, twoHoursAgo, TestIds.visitor(), positive, twoHoursAgo);

		TestHttp health = TestHttp.signedIn(port, "admin", "admin-test-password");
		assertThat(health.get("/testing").body()).contains("导入检测结果");
		String page = imported(health, "检测结果.csv", csv.getBytes(Charset.forName("GB18030")));

		assertThat(page).contains("共 4 行，入库 2 行，拒收 2 行。")
			.contains("<td>3</td><td>身份证号</td><td>身份证号校验位错误")
			.contains("<td>4</td><td>采样时间</td><td>采样时间格式不正确，可写作：2022-01-05 09:30、");
		assertThat(testing.latest(person(negative), 10)).singleElement()
			.satisfies(r -> assertThat(r.pooled()).isTrue());
		assertThat(status.current(person(positive)).colour()).isEqualTo(StatusColour.RED);

		// the same file again stores nothing twice
		imported(health, "检测结果.csv", csv.getBytes(Charset.forName("GB18030")));
		assertThat(testing.latest(person(negative), 10)).hasSize(1);
	}

	@Test
	void everyFormOfSamplingTimeThePageShowsIsRead() throws IOException {
		TestHttp health = TestHttp.signedIn(port, "admin", "admin-test-password");
		String form = health.get("/testing").body();
		SamplingTimes.EXAMPLES.forEach(example -> assertThat(form).contains("<code class=\"me-2\" translate=\"no\">" + example + "</code>"));

		// the shapes of the examples, with times of today (the examples' own date is too old to be accepted)
		LocalDateTime at = hoursAgo(3).withSecond(0).withNano(0);
		List<String> written = List.of(at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
				at.format(DateTimeFormatter.ofPattern("yyyy/M/d H:mm")),
				at.format(DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm")),
				at.atZone(CITY).toOffsetDateTime().toString());
		assertThat(written).hasSameSizeAs(SamplingTimes.EXAMPLES);
		var ids = new ArrayList<String>();
		var csv = new StringBuilder("身份证号,采样时间,检测类型,检测结果\n");
		for (String time : written) {
			String id = TestIds.visitor();
			ids.add(id);
			csv.append(id).append(',').append(time).append(",核酸,阴性\n");
		}
		assertThat(imported(health, "各种时间.csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
			.contains("共 4 行，入库 4 行，拒收 0 行。");

		// an XLSX export whose times are date cells, in Excel's built-in format and in a Chinese one
		String builtIn = TestIds.visitor();
		String chinese = TestIds.visitor();
		ids.add(builtIn);
		ids.add(chinese);
		assertThat(imported(health, "日期单元格.xlsx", workbookWithDateCells(at, builtIn, chinese)))
			.contains("共 2 行，入库 2 行，拒收 0 行。");

		Instant expected = at.atZone(CITY).toInstant();
		for (String id : ids) {
			assertThat(testing.latest(person(id), 1)).singleElement()
				.satisfies(r -> assertThat(r.sampledAt()).as(id).isEqualTo(expected));
		}
	}

	@Test
	void aFileIsImportedInTheBackgroundWithProgressAndListedInTheHistory() {
		String twoHoursAgo = hoursAgo(2).format(LOCAL);
		var csv = new StringBuilder("身份证号,采样时间,检测类型,检测结果\n");
		int rows = TestingManagement.MAX_BATCH + 1500;
		for (int i = 0; i < rows; i++) {
			csv.append(TestIds.visitor()).append(',').append(twoHoursAgo).append(",核酸,阴性\n");
		}
		csv.append("110105192101010011,").append(twoHoursAgo).append(",核酸,阴性\n");
		byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);

		// stored but not started yet: the page says so and keeps asking for the progress
		long waiting = files.store("大文件.csv", content, "admin");
		TestHttp health = TestHttp.signedIn(port, "admin", "admin-test-password");
		String running = health.get("/testing/imports/" + waiting).body();
		assertThat(running).contains("导入中").contains("hx-trigger=\"every 1s\"")
			.contains("hx-get=\"/testing/imports/" + waiting + "/progress\"");
		imports.process(waiting, "admin");
		String done = health.get("/testing/imports/" + waiting + "/progress").body();
		assertThat(done).contains("已完成")
			.contains("共 %,d 行，入库 %,d 行，拒收 1 行。".formatted(rows + 1, rows))
			.contains((rows + 1) + " / " + (rows + 1))
			.doesNotContain("hx-trigger");

		// uploaded through the page: the answer is the progress view at once, the history lists the import
		String page = imported(health, "大文件2.csv", content);
		assertThat(page).contains("共 %,d 行，入库 %,d 行，拒收 1 行。".formatted(rows + 1, rows));
		String history = health.get("/testing").body();
		Matcher row = Pattern.compile("<tr id=\"import-" + waiting + "\">(.*?)</tr>", Pattern.DOTALL).matcher(history);
		assertThat(row.find()).isTrue();
		assertThat(row.group(1)).contains("大文件.csv").contains(">" + (rows + 1) + "<").contains(">" + rows + "<")
			.contains(" admin")
			.contains("/testing/uploads/" + waiting + "/corrections.csv");
		// others see only their own imports; the city's CDC sees all of them, without the uploader's correction file
		TestHttp cdc = TestHttp.signedIn(port, "cdc", "demo-test-password");
		String theirs = cdc.get("/testing").body();
		assertThat(theirs).contains("import-" + waiting).doesNotContain("/testing/uploads/" + waiting + "/corrections.csv");
	}

	@Test
	void theRefusedRowsComeBackAsACorrectionFileThatIsSafeToOpenAndImportsOnceFixed() throws Exception {
		String fixed = TestIds.visitor();
		String twoHoursAgo = hoursAgo(2).format(LOCAL);
		String csv = """
				姓名,身份证号,采样时间,检测类型,检测结果
				"=HYPERLINK(""http://x"",""点击"")",12345,%s,核酸,-
				孙\u0000七,%s,%s,核酸,阴性
				周八,%s,%s,核酸,阴性
				""".formatted(twoHoursAgo, TestIds.visitor(), twoHoursAgo, TestIds.visitor(), twoHoursAgo);
		TestHttp health = TestHttp.signedIn(port, "admin", "admin-test-password");
		String page = imported(health, "结果.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(page).contains("共 3 行，入库 1 行，拒收 2 行。")
			.contains("<td>3</td><td>姓名/名称</td><td>含有不可见的控制字符（第 2 个字符），请删除后重试");
		Matcher link = Pattern.compile("/testing/uploads/(\\d+)/corrections.csv").matcher(page);
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
		assertThat(imported(health, "改正.csv", corrected.getBytes(StandardCharsets.UTF_8))).contains("共 2 行，入库 2 行，拒收 0 行。");
		assertThat(testing.latest(person(fixed), 1)).singleElement()
			.satisfies(r -> assertThat(r.result()).isEqualTo(TestResult.Outcome.NEGATIVE));

		// only the uploader may download it, and only for the retention period; the import stays in the history
		TestHttp cdc = TestHttp.signedIn(port, "cdc", "demo-test-password");
		assertThat(cdc.get("/testing/uploads/" + id + "/corrections.csv").statusCode()).isEqualTo(404);
		jdbc.sql("UPDATE testing_upload SET uploaded_at = uploaded_at - interval '29 days' WHERE id = ?").param(id).update();
		assertThat(files.purge()).isGreaterThanOrEqualTo(1);
		assertThat(health.get("/testing/uploads/" + id + "/corrections.csv").statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT content IS NULL FROM testing_upload WHERE id = ?").param(id).query(Boolean.class)
			.single()).isTrue();
		assertThat(health.get("/testing/imports/" + id).body()).contains("共 3 行，入库 1 行，拒收 2 行。")
			.contains("按个人信息保留期限删除")
			.doesNotContain("/testing/uploads/" + id + "/corrections.csv");
	}

	@Test
	void aFileWithoutTheNeededColumnsSaysWhichAreMissingAndGridWorkersMayNotImport() {
		TestHttp health = TestHttp.signedIn(port, "admin", "admin-test-password");
		String page = imported(health, "wrong.csv", "姓名,身份证号\n张三,330784199001010000\n".getBytes(StandardCharsets.UTF_8));
		assertThat(page).contains("失败").contains("缺少必需的列：采样时间、检测类型、检测结果").doesNotContain("results-outcome");

		health.get("/testing");
		HttpResponse<String> empty = health.multipart("/testing", Map.of("_csrf", health.csrf()), "file", "leer.csv",
				new byte[0], null);
		assertThat(empty.headers().firstValue("Location").orElse("")).endsWith("/testing");
		assertThat(health.get("/testing").body()).contains("请选择检测结果文件");

		TestHttp grid = TestHttp.signedIn(port, "grid", "demo-test-password");
		assertThat(grid.get("/testing").statusCode()).isEqualTo(403);
	}

	/** Uploads a file on the page, follows the answer to the import's page and waits until the import is over. */
	private String imported(TestHttp http, String filename, byte[] content) {
		http.get("/testing");
		HttpResponse<String> answer = http.multipart("/testing", Map.of("_csrf", http.csrf()), "file", filename, content,
				null);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
		Matcher id = IMPORT.matcher(answer.headers().firstValue("Location").orElse(""));
		assertThat(id.find()).as("redirected to the import's page").isTrue();
		String path = "/testing/imports/" + id.group(1);
		for (int i = 0; i < 600; i++) {
			String page = http.get(path).body();
			if (!page.contains("hx-trigger=\"every 1s\"")) {
				return page;
			}
			sleep();
		}
		throw new AssertionError("the import of " + filename + " did not end");
	}

	private static byte[] workbookWithDateCells(LocalDateTime at, String builtInId, String chineseId) throws IOException {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("结果");
			var header = sheet.createRow(0);
			String[] titles = { "身份证号", "采样时间", "检测类型", "检测结果" };
			for (int i = 0; i < titles.length; i++) {
				header.createCell(i).setCellValue(titles[i]);
			}
			var builtIn = workbook.createCellStyle();
			builtIn.setDataFormat((short) 22); // m/d/yy h:mm
			var chinese = workbook.createCellStyle();
			chinese.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\" h:mm"));
			for (int r = 1; r <= 2; r++) {
				var row = sheet.createRow(r);
				row.createCell(0).setCellValue(r == 1 ? builtInId : chineseId);
				var time = row.createCell(1);
				time.setCellValue(at);
				time.setCellStyle(r == 1 ? builtIn : chinese);
				row.createCell(2).setCellValue("核酸");
				row.createCell(3).setCellValue("阴性");
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static LocalDateTime hoursAgo(int hours) {
		return LocalDateTime.ofInstant(Instant.now().minusSeconds(hours * 3600L), CITY);
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private long person(String idNumber) {
		return persons.findByDocument(new IdDocument(IdType.RESIDENT_ID, idNumber)).orElseThrow().id();
	}

}
