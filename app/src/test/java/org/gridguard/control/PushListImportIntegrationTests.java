package org.gridguard.control;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.gridguard.shared.Paging;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing pushed lists: mixed valid and malformed rows give exact counts and reasons, valid rows are never lost,
 * the same list twice registers nobody twice, GB18030 and XLSX files are read, a damaged workbook fails with a
 * reason, and the correction file gives back exactly the refused rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PushListImportIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN = TestHttp.basic("admin", "admin-test-password");

	@LocalServerPort
	int port;

	@Autowired
	PersonManagement persons;

	@Autowired
	RegionManagement regions;

	@Autowired
	ControlQueries queries;

	@Autowired
	Clock clock;

	@Test
	void aMixedListKeepsEveryValidRowAndNamesTheReasonOfEveryRefusedOne() {
		String grid = regions.gridsBelow("330784110").get(0).code();
		String residentId = TestIds.resident();
		Person resident = persons.createResident(new NewResident("龙山居民", IdType.RESIDENT_ID, residentId, null, grid,
				"龙山镇某村 1号", null), Jurisdiction.system());
		String queued = TestIds.visitor();
		String outside = TestIds.visitor();
		String noAddress = TestIds.visitor();
		String valid = TestIds.resident();
		String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
		String first17 = "33078419900230" + "123";
		String impossibleDate = first17 + org.gridguard.shared.IdNumber.checkCharacter(first17);
		String future = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(clock.instant().plusSeconds(86400).atZone(clock.getZone()));
		String csv = String.join("\n",
				"姓名,身份证号,手机号,现住址,类别,推送时间",
				"龙山居民," + residentId + ",,龙山镇某村 1号,,",                       // 2 resident: placed in their grid
				"外来甲," + queued + ",13905790001,永康市龙山镇工业区宿舍,,",            // 3 town named: town queue
				"外来乙," + outside + ",,浙江省杭州市西湖区文三路1号,,",                 // 4 lives elsewhere: transfer out
				"校验错," + wrongCheck + ",,,,",                                        // 5
				"日期错," + impossibleDate + ",,,,",                                    // 6
				"," + TestIds.visitor() + ",,,,",                                      // 7 no name
				"龙山居民," + residentId + ",,,,",                                     // 8 duplicate of row 2
				"科学计数,3.30784E+17,,,,",                                            // 9
				"手机错," + TestIds.visitor() + ",1234,,,",                            // 10
				"类别错," + TestIds.visitor() + ",,,路人,",                             // 11
				"未来," + TestIds.visitor() + ",,,," + future,                         // 12
				"乱\uFFFD码," + TestIds.visitor() + ",,,,",                              // 13
				"无地址," + noAddress + ",+86 139 0000 1111,,次密接,");                  // 14
		JsonNode list = importAndWait("mixed.csv", csv.getBytes(StandardCharsets.UTF_8), "CLOSE_CONTACT");
		assertThat(list.get("state").asString()).isEqualTo("DONE");
		assertThat(list.get("total").asInt()).isEqualTo(13);
		assertThat(list.get("accepted").asInt()).isEqualTo(4);
		assertThat(list.get("rejected").asInt()).isEqualTo(9);
		assertThat(list.get("transferred").asInt()).isEqualTo(1);
		assertThat(list.get("queued").asInt()).isEqualTo(2);
		assertThat(rejections(list)).containsExactly(
				"5 idNumber 身份证号校验位错误：最后一位应为 " + valid.charAt(17),
				"6 idNumber 身份证号中的出生日期不存在",
				"7 name 姓名不能为空",
				"8 idNumber 与第 2 行是同一人，已忽略",
				"9 idNumber 身份证号被存成了数字（科学计数法），末几位已丢失：请把该列设为文本后重新导出",
				"10 phone 手机号格式不正确：应为 11 位、以 1 开头的中国大陆手机号",
				"11 category 人员类别不正确，应为：密接、次密接、一般接触者、时空伴随、入境、高/中/低风险区、风险职业等",
				"12 pushedAt 推送时间晚于当前时间",
				"13 name 姓名含有无法识别的字符，文件编码可能不正确");

		long listId = list.get("id").asLong();
		var placed = queries.riskPersons(new ControlQueries.RiskPersonFilter(null, null, null, resident.id(), null, false),
				Jurisdiction.system(), new Paging(0, 10)).items();
		assertThat(placed).singleElement().satisfies(r -> {
			assertThat(r.regionCode()).isEqualTo(grid);
			assertThat(r.placement()).isEqualTo(Placement.Kind.GRID);
			assertThat(r.state()).isEqualTo(RiskPerson.State.PENDING);
			assertThat(r.pushListId()).isEqualTo(listId);
		});
		assertThat(riskPersonOf(queued).regionCode()).isEqualTo("330784110");
		assertThat(riskPersonOf(outside).state()).isEqualTo(RiskPerson.State.TRANSFERRED_OUT);
		RiskPerson secondary = riskPersonOf(noAddress);
		assertThat(secondary.category()).isEqualTo(Category.SECONDARY_CONTACT);
		assertThat(secondary.regionCode()).isEqualTo("330784");

		// the correction file holds exactly the refused rows, with the reasons
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		HttpResponse<String> corrections = admin.get("/control/push-lists/" + listId + "/corrections.csv");
		assertThat(corrections.statusCode()).isEqualTo(200);
		List<String> lines = corrections.body().lines().toList();
		assertThat(lines).hasSize(10);
		assertThat(lines.get(0)).endsWith("错误原因");
		assertThat(lines.get(1)).startsWith("校验错").contains("校验位错误");
		assertThat(lines.get(9)).contains("姓名含有无法识别的字符");
	}

	@Test
	void theSameListTwiceRegistersNobodyTwice() {
		String a = TestIds.visitor();
		String b = TestIds.visitor();
		String csv = "name,idNumber,address\n张三," + a + ",永康市东城街道\n李四," + b + ",永康市芝英镇\n";
		JsonNode first = importAndWait("twice.csv", csv.getBytes(StandardCharsets.UTF_8), "SPACETIME_COMPANION");
		assertThat(first.get("created").asInt()).isEqualTo(2);
		JsonNode second = importAndWait("twice.csv", csv.getBytes(StandardCharsets.UTF_8), "SPACETIME_COMPANION");
		assertThat(second.get("accepted").asInt()).isEqualTo(2);
		assertThat(second.get("created").asInt()).isZero();
		assertThat(second.get("existing").asInt()).isEqualTo(2);
		long person = riskPersonOf(a).personId();
		assertThat(queries.riskPersons(new ControlQueries.RiskPersonFilter(null, null, null, person, null, false),
				Jurisdiction.system(), new Paging(0, 10)).total()).isEqualTo(1);
		assertThat(queries.timeline(riskPersonOf(a).id())).extracting(ControlQueries.TimelineEntry::kind)
			.contains("PUSHED", "PUSHED_AGAIN");
	}

	@Test
	void aListExportedInGb18030IsReadAndSaysSo() {
		String id = TestIds.visitor();
		byte[] gbk = ("姓名,身份证号,现住址\n王五," + id + ",永康市西城街道\n").getBytes(Charset.forName("GB18030"));
		JsonNode list = importAndWait("gbk.csv", gbk, "GENERAL_CONTACT");
		assertThat(list.get("accepted").asInt()).isEqualTo(1);
		assertThat(list.get("encodingNote").asString()).isEqualTo("GB18030");
		assertThat(persons.findByDocument(new org.gridguard.person.IdDocument(IdType.RESIDENT_ID, id)))
			.hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("王五"));
	}

	@Test
	void aWorkbookIsReadAndADamagedOneFailsWithAReason() throws Exception {
		String id = TestIds.visitor();
		byte[] xlsx;
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("名单");
			var header = sheet.createRow(0);
			header.createCell(0).setCellValue("姓名");
			header.createCell(1).setCellValue("身份证号");
			header.createCell(2).setCellValue("类别");
			var row = sheet.createRow(1);
			row.createCell(0).setCellValue("赵六");
			row.createCell(1).setCellValue(id);
			row.createCell(2).setCellValue("入境");
			var numeric = sheet.createRow(2);
			numeric.createCell(0).setCellValue("数字号");
			numeric.createCell(1).setCellValue(330784199001011231.0);
			workbook.write(out);
			xlsx = out.toByteArray();
		}
		JsonNode list = importAndWait("list.xlsx", xlsx, "CLOSE_CONTACT");
		assertThat(list.get("accepted").asInt()).isEqualTo(1);
		assertThat(rejections(list)).singleElement().asString().startsWith("3 idNumber 身份证号被存成了数字");
		assertThat(riskPersonOf(id).category()).isEqualTo(Category.INBOUND);

		JsonNode damaged = importAndWait("broken.xlsx", Arrays.copyOf(xlsx, xlsx.length / 2), "CLOSE_CONTACT");
		assertThat(damaged.get("state").asString()).isEqualTo("FAILED");
		assertThat(damaged.get("failure").asString()).contains("XLSX");
	}

	@Test
	void correctionFilesGiveBackFormulaCellsAsTextInCsvAndXlsx() throws Exception {
		String csv = String.join("\n", "姓名,身份证号,手机号,现住址",
				"\"=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\",11010519210101000,+8613900000000,@SUM(A1)",
				"-2+3," + TestIds.visitor() + ",,永康市东城街道");
		JsonNode list = importAndWait("formula.csv", csv.getBytes(StandardCharsets.UTF_8), "CLOSE_CONTACT");
		assertThat(list.get("accepted").asInt()).as(list.toString()).isEqualTo(1);
		long id = list.get("id").asLong();
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");

		String corrections = admin.get("/control/push-lists/" + id + "/corrections.csv").body();
		assertThat(corrections.lines().toList().get(1))
			.startsWith("\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\",11010519210101000,'+8613900000000,'@SUM(A1),");

		HttpResponse<byte[]> xlsx = admin.download("/control/push-lists/" + id + "/corrections.xlsx");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
		try (var workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
			var row = workbook.getSheetAt(0).getRow(1);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\",\"点击\")");
			assertThat(row.getCell(2).getStringCellValue()).isEqualTo("'+8613900000000");
			assertThat(row.getCell(3).getStringCellValue()).isEqualTo("'@SUM(A1)");
			assertThat(row.getCell(4).getStringCellValue()).contains("idNumber");
			for (int i = 0; i < 5; i++) {
				assertThat(row.getCell(i).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
			}
		}
	}

	@Test
	void aListWithoutTheIdentityColumnFailsNamingIt() {
		JsonNode list = importAndWait("nocolumn.csv", "姓名,电话\n张三,13800000000\n".getBytes(StandardCharsets.UTF_8),
				"CLOSE_CONTACT");
		assertThat(list.get("state").asString()).isEqualTo("FAILED");
		assertThat(list.get("failure").asString()).contains("身份证号").contains("姓名, 电话");
	}

	@Test
	void theUploadRefusesAnUnknownCategoryOrFileTypeAtOnce() {
		HttpResponse<String> response = TestHttp.anonymous(port).multipart("/api/v1/push-lists",
				Map.of("category", "路人"), "file", "list.pdf", "x".getBytes(StandardCharsets.UTF_8), ADMIN);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("\"field\":\"category\"").contains("\"field\":\"file\"");
		HttpResponse<String> worker = TestHttp.anonymous(port).multipart("/api/v1/push-lists",
				Map.of("category", "密接"), "file", "list.csv", "a,b".getBytes(StandardCharsets.UTF_8),
				TestHttp.basic("grid", "demo-test-password"));
		assertThat(worker.statusCode()).isEqualTo(403);
	}

	private RiskPerson riskPersonOf(String idNumber) {
		Person person = persons.findByDocument(new org.gridguard.person.IdDocument(IdType.RESIDENT_ID, idNumber)).orElseThrow();
		return queries.riskPersons(new ControlQueries.RiskPersonFilter(null, null, null, person.id(), null, false),
				Jurisdiction.system(), new Paging(0, 1)).items().get(0);
	}

	private JsonNode importAndWait(String filename, byte[] content, String category) {
		HttpResponse<String> accepted = TestHttp.anonymous(port).multipart("/api/v1/push-lists",
				Map.of("category", category, "source", "test"), "file", filename, content, ADMIN);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		long id = JSON.readTree(accepted.body()).get("id").asLong();
		Instant deadline = Instant.now().plusSeconds(60);
		while (true) {
			JsonNode list = JSON.readTree(TestHttp.anonymous(port).api("GET", "/api/v1/push-lists/" + id, null, ADMIN).body());
			if (!"RUNNING".equals(list.get("state").asString()) || Instant.now().isAfter(deadline)) {
				return list;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static List<String> rejections(JsonNode list) {
		return list.get("rejections")
			.valueStream()
			.map(r -> r.get("row").asInt() + " " + r.get("field").asString() + " " + r.get("message").asString())
			.toList();
	}

}
