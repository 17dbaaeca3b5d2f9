package org.gridguard.control;

import java.nio.charset.StandardCharsets;

import org.gridguard.TestIds;
import org.gridguard.TestWorkbooks;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridguard.TestWorkbooks.cell;
import static org.gridguard.TestWorkbooks.row;
import static org.gridguard.control.PushListFixtures.awaitEnd;
import static org.gridguard.control.PushListFixtures.importAndWait;
import static org.gridguard.control.PushListFixtures.upload;

/**
 * Lists that would poison the import: a 1.6 KB workbook with a cell at column ZZZZZZ fails naming the cell and the
 * list uploaded after it is imported; a list that was started again and again without finishing is given up at the
 * next start instead of being started once more, and the lists behind it are imported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HostilePushListIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PushListImport imports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aWorkbookWithAFarCellFailsNamingItAndTheNextListIsImported() {
		byte[] far = TestWorkbooks.withSheetData(row(1, cell("A1", "姓名"), cell("B1", "身份证号"))
				+ row(2, cell("A2", "张三"), cell("ZZZZZZ2", TestIds.visitor())));
		assertThat(far.length).isLessThan(2048);
		long poisoned = upload(port, "far.xlsx", far, "CLOSE_CONTACT");
		long next = upload(port, "next.csv", ("姓名,身份证号\n李四," + TestIds.visitor() + "\n").getBytes(StandardCharsets.UTF_8),
				"CLOSE_CONTACT");

		JsonNode failed = awaitEnd(port, poisoned);
		assertThat(failed.get("state").asString()).isEqualTo("FAILED");
		assertThat(failed.get("failure").asString()).contains("ZZZZZZ2").contains("200");
		JsonNode done = awaitEnd(port, next);
		assertThat(done.get("state").asString()).isEqualTo("DONE");
		assertThat(done.get("accepted").asInt()).isEqualTo(1);
	}

	@Test
	void aNulInOneRowOfThreeThousandRefusesThatRowNamingTheFieldAndKeepsTheOthers() {
		var csv = new StringBuilder("姓名,身份证号,现住址\n");
		for (int i = 0; i < 3000; i++) {
			csv.append(i == 1500 ? "坏\u0000人" : "人员" + i).append(',').append(TestIds.visitor()).append(",永康市东城街道\n");
		}
		JsonNode list = importAndWait(port, "nul.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "CLOSE_CONTACT");
		assertThat(list.get("state").asString()).isEqualTo("DONE");
		assertThat(list.get("total").asInt()).isEqualTo(3000);
		assertThat(list.get("accepted").asInt()).isEqualTo(2999);
		assertThat(list.get("rejections").valueStream()
			.map(r -> r.get("row").asInt() + " " + r.get("field").asString() + " " + r.get("message").asString()))
			.containsExactly("1502 name 含有不可见的控制字符（第 2 个字符），请删除后重试");
	}

	@Test
	void aControlCharacterInAWorkbookCellRefusesItsRowOnly() {
		byte[] xlsx = TestWorkbooks.withSheetData(row(1, cell("A1", "姓名"), cell("B1", "身份证号"), cell("C1", "现住址"))
				+ row(2, cell("A2", "钱七"), cell("B2", TestIds.visitor()), cell("C2", "东城街道_x0001_1号"))
				+ row(3, cell("A3", "孙八"), cell("B3", TestIds.visitor()), cell("C3", "东城街道2号")));
		JsonNode list = importAndWait(port, "control.xlsx", xlsx, "CLOSE_CONTACT");
		assertThat(list.get("accepted").asInt()).isEqualTo(1);
		assertThat(list.get("rejections").valueStream().map(r -> r.get("row").asInt() + " " + r.get("field").asString()))
			.containsExactly("2 address");
	}

	@Test
	void anUploadWhoseNameOrSourceHoldsAControlCharacterIsRefusedNamingTheField() {
		var http = org.gridguard.TestHttp.anonymous(port);
		var response = http.multipart("/api/v1/push-lists", java.util.Map.of("category", "CLOSE_CONTACT"), "file",
				"list\u0001.csv", "姓名,身份证号\n".getBytes(StandardCharsets.UTF_8), PushListFixtures.ADMIN);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("\"field\":\"file\"").contains("文件名含有不可见的控制字符");
	}

	@Test
	void aListStartedTooOftenIsGivenUpAtTheNextStartAndTheListsBehindItAreImported() {
		JsonNode crashing = importAndWait(port, "crashing.csv",
				("姓名,身份证号\n王五," + TestIds.visitor() + "\n").getBytes(StandardCharsets.UTF_8), "CLOSE_CONTACT");
		JsonNode interrupted = importAndWait(port, "interrupted.csv",
				("姓名,身份证号\n赵六," + TestIds.visitor() + "\n").getBytes(StandardCharsets.UTF_8), "CLOSE_CONTACT");
		// as the server leaves them when it dies during their import: the first was started three times already
		leftRunning(crashing.get("id").asLong(), 3);
		leftRunning(interrupted.get("id").asLong(), 1);

		imports.run(null);

		JsonNode givenUp = awaitEnd(port, crashing.get("id").asLong());
		assertThat(givenUp.get("state").asString()).isEqualTo("FAILED");
		assertThat(givenUp.get("failure").asString()).contains("3 次").contains("不再自动重试");
		assertThat(attempts(crashing.get("id").asLong())).isEqualTo(3);
		JsonNode resumed = awaitEnd(port, interrupted.get("id").asLong());
		assertThat(resumed.get("state").asString()).isEqualTo("DONE");
		assertThat(resumed.get("accepted").asInt()).isEqualTo(1);
		assertThat(attempts(interrupted.get("id").asLong())).isEqualTo(2);

		// started again later, the given-up list stays as it is
		imports.run(null);
		assertThat(awaitEnd(port, crashing.get("id").asLong()).get("state").asString()).isEqualTo("FAILED");
		assertThat(attempts(crashing.get("id").asLong())).isEqualTo(3);
	}

	private void leftRunning(long id, int attempts) {
		jdbc.sql("UPDATE control_push_list SET state = 'RUNNING', attempts = ?, finished_at = NULL, processed = 0 WHERE id = ?")
			.params(attempts, id)
			.update();
	}

	private int attempts(long id) {
		return jdbc.sql("SELECT attempts FROM control_push_list WHERE id = ?").param(id).query(Integer.class).single();
	}

}
