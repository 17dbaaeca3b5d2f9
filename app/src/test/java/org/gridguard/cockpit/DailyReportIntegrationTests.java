package org.gridguard.cockpit;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridguard.TestHttp;
import org.gridguard.quarantine.QuarantineFigures;
import org.gridguard.region.Region;
import org.gridguard.region.RegionManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily report: generated on demand and once a day at the report time, kept in the archive, with a row per town
 * and the city's total whose numbers are the cockpit's, as XLSX and as a PDF with its Chinese font embedded; every
 * download is audited, and only the city command has reports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DailyReportIntegrationTests {

	private static final Pattern REPORT = Pattern.compile("/cockpit/reports/(\\d+)\\.pdf");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DailyReports reports;

	@Autowired
	RegionManagement regions;

	@Autowired
	QuarantineFigures quarantineFigures;

	@Autowired
	MessageSource messages;

	@Autowired
	ObjectMapper json;

	@Autowired
	Clock clock;

	@Test
	void aReportGeneratedNowHasARowPerTownAndTheCitysTotalAsTheCockpitShowsThem() throws Exception {
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		HttpResponse<String> generated = admin.post("/cockpit/reports", java.util.Map.of("day", LocalDate.now(clock).toString()));
		assertThat(generated.statusCode()).isEqualTo(302);
		String archive = admin.get("/cockpit/reports").body();
		assertThat(archive).contains("id=\"report-generated\"");
		Matcher m = REPORT.matcher(archive);
		assertThat(m.find()).isTrue();
		long id = Long.parseLong(m.group(1));

		String level = json.readTree(TestHttp.anonymous(port)
			.api("GET", "/api/v1/response-level", null, TestHttp.basic("admin", "admin-test-password"))
			.body()).get("level").asString();
		String levelLine = "当前响应级别：" + messages.getMessage("cockpit.level." + level, null, Locale.SIMPLIFIED_CHINESE);

		byte[] xlsx = download(admin, "/cockpit/reports/" + id + ".xlsx");
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet first = workbook.getSheetAt(0);
			assertThat(first.getRow(0).getCell(0).getStringCellValue()).contains("永康市疫情防控日报").contains("精密智控");
			assertThat(first.getRow(1).getCell(0).getStringCellValue()).endsWith(levelLine);
			Row header = first.getRow(3);
			assertThat(header.getCell(1).getStringCellValue()).isEqualTo("在管风险人员");
			var towns = regions.children(Region.CITY_CODE);
			assertThat(first.getLastRowNum()).isEqualTo(3 + towns.size() + 1);
			for (int i = 0; i < towns.size(); i++) {
				Row row = first.getRow(4 + i);
				assertThat(row.getCell(0).getStringCellValue()).isEqualTo(towns.get(i).name());
				assertThat((long) row.getCell(1).getNumericCellValue()).as(towns.get(i).name())
					.isEqualTo(activeRiskPersons(towns.get(i).code()));
			}
			Row total = first.getRow(4 + towns.size());
			assertThat(total.getCell(0).getStringCellValue()).isEqualTo("永康市合计");
			assertThat((long) total.getCell(1).getNumericCellValue()).isEqualTo(activeRiskPersons(Region.CITY_CODE));
			assertThat(workbook.getNumberOfSheets()).isGreaterThanOrEqualTo(7);

			Sheet quarantine = null;
			for (Sheet sheet : workbook) {
				if (sheet.getRow(0).getCell(0).getStringCellValue().endsWith("集中隔离")) {
					quarantine = sheet;
				}
			}
			assertThat(quarantine).as("the quarantine table").isNotNull();
			assertThat(quarantine.getRow(3).getCell(1).getStringCellValue()).isEqualTo("隔离房间");
			assertThat(quarantine.getRow(3).getCell(4).getStringCellValue()).isEqualTo("待转运");
			for (int i = 0; i < towns.size(); i++) {
				QuarantineFigures.Figures town = quarantineFigures.of(towns.get(i).code());
				assertThat((long) quarantine.getRow(4 + i).getCell(1).getNumericCellValue()).as(towns.get(i).name())
					.isEqualTo(town.rooms());
				assertThat((long) quarantine.getRow(4 + i).getCell(4).getNumericCellValue()).as(towns.get(i).name())
					.isEqualTo(town.transfersPending());
			}
			assertThat((long) quarantine.getRow(4 + towns.size()).getCell(1).getNumericCellValue())
				.isEqualTo(quarantineFigures.of(Region.CITY_CODE).rooms())
				.isPositive();
		}

		byte[] pdf = download(admin, "/cockpit/reports/" + id + ".pdf");
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		PdfReader reader = new PdfReader(pdf);
		String text = new PdfTextExtractor(reader).getTextFromPage(1);
		assertThat(text).contains("永康市疫情防控日报").contains("东城街道").contains(levelLine);
		assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("NotoSansSC").contains("/FontFile2");
		reader.close();

		assertThat(jdbc.sql("SELECT count(*) FROM platform_audit_event WHERE action = 'COCKPIT_REPORT_DOWNLOAD' AND subject_id = ?")
			.param(String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theScheduledReportOfTheDayBeforeIsMadeOnceAfterTheReportTimeAndNotBefore() {
		LocalDate today = LocalDate.now(clock);
		reports.generateDue(today.atTime(7, 59));
		long before = scheduled(today.minusDays(1));
		reports.generateDue(today.atTime(8, 0));
		reports.generateDue(today.atTime(9, 30));
		assertThat(scheduled(today.minusDays(1))).isEqualTo(1);
		assertThat(before).isLessThanOrEqualTo(1);
		LocalDateTime early = today.plusDays(1).atTime(7, 0);
		reports.generateDue(early);
		assertThat(scheduled(today)).isZero();
	}

	@Test
	void onlyTheCityCommandHasReports() {
		TestHttp town = TestHttp.signedIn(port, "town", "demo-test-password");
		assertThat(town.get("/cockpit/reports").statusCode()).isEqualTo(403);
		assertThat(town.get("/cockpit/reports/1.pdf").statusCode()).isEqualTo(403);
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		HttpResponse<String> future = admin.post("/cockpit/reports",
				java.util.Map.of("day", LocalDate.now(clock).plusDays(1).toString()));
		assertThat(future.statusCode()).isEqualTo(302);
		assertThat(admin.get("/cockpit/reports").body()).contains("报表日期不能晚于今天");
		assertThat(admin.get("/cockpit/reports/999999.pdf").statusCode()).isEqualTo(404);
	}

	private long scheduled(LocalDate day) {
		return jdbc.sql("SELECT count(*) FROM cockpit_report WHERE day = ? AND trigger = 'SCHEDULED'")
			.param(java.sql.Date.valueOf(day))
			.query(Long.class)
			.single();
	}

	private long activeRiskPersons(String region) throws Exception {
		JsonNode answer = json.readTree(TestHttp.anonymous(port)
			.api("GET", "/api/v1/cockpit?region=" + region, null, TestHttp.basic("admin", "admin-test-password"))
			.body());
		return answer.get("riskPersons").get("total").asLong();
	}

	private static byte[] download(TestHttp session, String path) {
		HttpResponse<byte[]> response = session.download(path);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
