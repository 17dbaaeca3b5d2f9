package org.gridguard.control;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridguard.control.PushListFixtures.importAndWait;

/**
 * Uploaded push lists hold personal data: the stored file is encrypted (the correction file still comes back), and
 * it is deleted after the retention period (28 days) while the list and its rejections stay. Time goes forward by
 * moving the upload into the past.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PushListFileRetentionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PushListFiles files;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theUploadedFileIsStoredEncryptedAndTheCorrectionFileStillComesBack() {
		String kept = TestIds.visitor();
		byte[] upload = ("姓名,身份证号\n周九," + kept + "\n吴十,12345\n").getBytes(StandardCharsets.UTF_8);
		long id = importAndWait(port, "secret.csv", upload, "CLOSE_CONTACT").get("id").asLong();

		byte[] stored = storedBytes(id);
		assertThat(stored).isNotEqualTo(upload);
		assertThat(contains(stored, kept.getBytes(StandardCharsets.UTF_8))).isFalse();
		assertThat(contains(stored, "周九".getBytes(StandardCharsets.UTF_8))).isFalse();
		assertThat(files.content(id)).isEqualTo(upload);

		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		HttpResponse<String> corrections = admin.get("/control/push-lists/" + id + "/corrections.csv");
		assertThat(corrections.statusCode()).isEqualTo(200);
		assertThat(corrections.body().lines().toList()).hasSize(2).last().asString().startsWith("吴十,12345,");
		assertThat(admin.get("/control/push-lists/" + id).body()).contains("原始文件（含个人信息）加密保存");
	}

	@Test
	void theFileIsDeletedAfterTheRetentionPeriodAndTheListWithItsRejectionsStays() {
		byte[] upload = ("姓名,身份证号\n郑十一," + TestIds.visitor() + "\n王十二,12345\n").getBytes(StandardCharsets.UTF_8);
		long old = importAndWait(port, "old.csv", upload, "CLOSE_CONTACT").get("id").asLong();
		long recent = importAndWait(port, "recent.csv", upload, "CLOSE_CONTACT").get("id").asLong();
		uploadedDaysAgo(old, 29);
		uploadedDaysAgo(recent, 27);

		assertThat(files.purge()).isGreaterThanOrEqualTo(1);

		assertThat(storedBytes(old)).isNull();
		assertThat(files.content(old)).isNull();
		assertThat(files.content(recent)).isEqualTo(upload);
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		HttpResponse<String> corrections = admin.get("/control/push-lists/" + old + "/corrections.csv");
		assertThat(corrections.statusCode()).isEqualTo(302);
		assertThat(corrections.headers().firstValue("Location").orElseThrow()).endsWith("/control/push-lists/" + old);
		String page = admin.get("/control/push-lists/" + old).body();
		assertThat(page).contains("名单的原始文件已按个人信息保留期限删除").contains("按个人信息保留期限删除；拒收行仍列在下方")
			.contains("id=\"rejections\"").doesNotContain("id=\"corrections\"");
		JsonNode list = PushListFixtures.awaitEnd(port, old);
		assertThat(list.get("state").asString()).isEqualTo("DONE");
		assertThat(list.get("accepted").asInt()).isEqualTo(1);
		assertThat(list.get("rejections").size()).isEqualTo(1);
	}

	@Test
	void aFileStoredInTheClearIsEncryptedByTheRetentionJob() {
		byte[] clear = ("姓名,身份证号\n冯十三," + TestIds.visitor() + "\n").getBytes(StandardCharsets.UTF_8);
		long id = jdbc.sql("""
				INSERT INTO control_push_list (filename, category, content, content_sha256, state, uploaded_by, uploaded_at)
				VALUES ('clear.csv', 'CLOSE_CONTACT', ?, ?, 'DONE', 'admin', now()) RETURNING id""")
			.params(clear, PushListImport.sha256(clear))
			.query(Long.class)
			.single();

		assertThat(files.sealStored()).isGreaterThanOrEqualTo(1);

		assertThat(storedBytes(id)).isNotEqualTo(clear);
		assertThat(files.content(id)).isEqualTo(clear);
	}

	private byte[] storedBytes(long id) {
		return jdbc.sql("SELECT content FROM control_push_list WHERE id = ?").param(id).query((rs, i) -> rs.getBytes(1)).list().get(0);
	}

	private void uploadedDaysAgo(long id, int days) {
		jdbc.sql("UPDATE control_push_list SET uploaded_at = uploaded_at - make_interval(days => ?) WHERE id = ?")
			.params(days, id)
			.update();
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		for (int i = 0; i + needle.length <= haystack.length; i++) {
			if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
				return true;
			}
		}
		return false;
	}

}
