package org.gridguard.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridguard.TestHttp;
import org.gridguard.account.AccountManagement;
import org.gridguard.account.NewAccount;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.gridguard.shared.Paging;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export twin of a list gives every row the list counts with the same filters (not one page), under a header in
 * the reader's language, masked as on screen, and leaves an audit entry naming the list, the filters and the rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ListExportIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PASSWORD = "export-password-1";

	private static final String TOWN = "330784001";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuditLog audit;

	@Test
	void anExportHoldsEveryRowTheListCountsWithTheSameFiltersIncludingTheRegion() {
		String admin = account("export-city", Role.CITY_ADMIN, "330784");
		for (String list : List.of("/api/v1/risk-persons", "/api/v1/risk-persons?active=true",
				"/api/v1/tasks?region=" + TOWN, "/api/v1/tasks?open=true", "/api/v1/persons?region=" + TOWN,
				"/api/v1/persons", "/api/v1/unmanaged?region=" + TOWN)) {
			long total = total(list, admin);
			List<CSVRecord> rows = csv(export(list, "csv"), admin, null);
			assertThat(rows).as(list).hasSize((int) total + 1);
			assertThat(total).as(list + " is more than a page").isGreaterThan(list.contains("unmanaged") ? -1 : 0);
		}
	}

	@Test
	void theHeaderRowIsInTheReadersLanguage() {
		String admin = account("export-city", Role.CITY_ADMIN, "330784");
		assertThat(csv("/api/v1/risk-persons/export?format=csv", admin, null).get(0).toList()).startsWith("姓名", "证件号码",
				"类别");
		assertThat(csv("/api/v1/risk-persons/export?format=csv", admin, "en").get(0).toList()).startsWith("Name",
				"Document number", "Category");
	}

	@Test
	void anXlsxExportOpensInPoiWithTheSameRowsAsTheCsv() throws IOException {
		String admin = account("export-city", Role.CITY_ADMIN, "330784");
		HttpResponse<byte[]> response = TestHttp.anonymous(port)
			.downloadApi("/api/v1/tasks/export?format=xlsx&region=" + TOWN, TestHttp.basic(admin, PASSWORD), null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
			.contains("tasks-").contains(".xlsx");
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
			assertThat(sheet.getLastRowNum()).isEqualTo((int) total("/api/v1/tasks?region=" + TOWN, admin));
		}
	}

	@Test
	void anExportOfPersonsIsAuditedWithTheListTheFiltersAndTheRows() {
		String reader = account("export-audit", Role.TOWN_OFFICER, TOWN);
		long total = total("/api/v1/risk-persons?active=true", reader);
		csv("/api/v1/risk-persons/export?format=csv&active=true", reader, null);
		assertThat(audit.search(new AuditLog.AuditQuery(reader, ListExports.ACTION, null, null, null), new Paging(0, 5),
				ZoneId.of("Asia/Shanghai")).items()).first().satisfies(e -> {
					assertThat(e.subjectType()).isEqualTo("risk-persons");
					assertThat(e.detail()).isEqualTo(total + " rows · CSV · active=true");
				});
	}

	@Test
	void aRegionOutsideTheReadersAreaIsNotFoundAndABadFormatIsNamed() {
		String reader = account("export-audit", Role.TOWN_OFFICER, TOWN);
		TestHttp api = TestHttp.anonymous(port);
		assertThat(api.downloadApi("/api/v1/tasks/export?format=csv&region=330784002", TestHttp.basic(reader, PASSWORD),
				null).statusCode()).isEqualTo(404);
		HttpResponse<String> bad = api.api("GET", "/api/v1/tasks/export?format=pdf", null, TestHttp.basic(reader, PASSWORD));
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("\"field\":\"format\"");
	}

	@Test
	void aGridWorkersExportOfResidentsHoldsTheMasksOfTheListAndNoFullNumberOrPhone() {
		String worker = account("export-grid", Role.GRID_WORKER, "330784001001001");
		String auth = TestHttp.basic(worker, PASSWORD);
		var page = JSON.readTree(TestHttp.anonymous(port).api("GET", "/api/v1/persons?size=500", null, auth).body());
		List<CSVRecord> rows = csv("/api/v1/persons/export?format=csv", worker, null);
		assertThat(page.get("total").asInt()).as("the grid's residents fit one API page").isBetween(1, 500);
		assertThat(rows).hasSize(page.get("total").asInt() + 1);
		var masks = new java.util.ArrayList<String>();
		for (var person : page.get("items")) {
			masks.add(person.get("idNumberMasked").asString());
		}
		assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(1)).toList())
			.containsExactlyInAnyOrderElementsOf(masks);
		for (CSVRecord row : rows.subList(1, rows.size())) {
			assertThat(row.get(1)).matches("\\d{3}\\*+[0-9X]{2}|\\*+");
			assertThat(String.join(",", row.toList())).doesNotContainPattern("\\d{17}[0-9X]").doesNotContainPattern("1\\d{10}");
		}
	}

	@Test
	void aCellThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() throws IOException {
		HttpResponse<String> created = TestHttp.anonymous(port).api("POST", "/api/v1/venues", """
				{"name":"=HYPERLINK(\\"http://x\\",\\"导出\\")","category":"MALL_SUPERMARKET","townCode":"330784001",
				 "address":"永康市东城街道导出路1号","managerName":"店长","managerPhone":"13900000001"}""",
				TestHttp.basic("admin", "admin-test-password"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		TestHttp page = TestHttp.signedIn(port, "admin", "admin-test-password");
		HttpResponse<byte[]> xlsx = page.download("/venues/export?format=xlsx&q=HYPERLINK");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			var cell = workbook.getSheetAt(0).getRow(1).getCell(0);
			assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
			assertThat(cell.getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\",\"导出\")");
		}
		String csv = new String(page.download("/venues/export?format=csv&q=HYPERLINK").body(), StandardCharsets.UTF_8);
		assertThat(csv).contains("\"'=HYPERLINK(").doesNotContain(",=HYPERLINK").doesNotContain("\n=HYPERLINK");
	}

	private static String export(String list, String format) {
		int query = list.indexOf('?');
		return query < 0 ? list + "/export?format=" + format
				: list.substring(0, query) + "/export?format=" + format + "&" + list.substring(query + 1);
	}

	private long total(String list, String user) {
		HttpResponse<String> response = TestHttp.anonymous(port)
			.api("GET", list.contains("unmanaged") ? list : list + (list.contains("?") ? "&" : "?") + "size=1", null, TestHttp.basic(user, PASSWORD));
		assertThat(response.statusCode()).as(list + " " + response.body()).isEqualTo(200);
		var body = JSON.readTree(response.body());
		return body.isArray() ? body.size() : body.get("total").asLong();
	}

	private List<CSVRecord> csv(String path, String user, String language) {
		HttpResponse<byte[]> response = TestHttp.anonymous(port).downloadApi(path, TestHttp.basic(user, PASSWORD), language);
		assertThat(response.statusCode()).as(path + " " + new String(response.body(), StandardCharsets.UTF_8))
			.isEqualTo(200);
		String text = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		try {
			return CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String account(String username, Role role, String region) {
		if (accounts.find(username).isEmpty()) {
			accounts.create(new NewAccount(username, username, null, role, region, null, null, null, PASSWORD, false),
					Jurisdiction.system());
		}
		return username;
	}

}
