package org.gridguard.testing;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.person.IdDocument;
import org.gridguard.person.IdType;
import org.gridguard.person.PersonManagement;
import org.gridguard.status.StatusColour;
import org.gridguard.status.StatusManagement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/test-results}: every item accepted or refused on its own, colours after recording, single and
 * pooled positives, and posting the same result twice stores it once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TestResultApiIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN = TestHttp.basic("admin", "admin-test-password");

	@LocalServerPort
	int port;

	@Autowired
	PersonManagement persons;

	@Autowired
	StatusManagement status;

	@Autowired
	TestingManagement testing;

	@Autowired
	Clock clock;

	@Test
	void aMixedBatchAcceptsTheValidItemsAndNamesWhatIsWrongWithEachOther() {
		String negative = TestIds.visitor();
		String positive = TestIds.visitor();
		String at = time(3600);
		String body = """
				{"results":[
				  {"idNumber":"%s","sampledAt":"%s","kind":"NAT","result":"NEGATIVE"},
				  {"idNumber":"110105192101010011","sampledAt":"%s","kind":"NAT","result":"NEGATIVE"},
				  {"idNumber":"%s","sampledAt":"yesterday","kind":"NAT","result":"NEGATIVE"},
				  {"idNumber":"%s","sampledAt":"%s","kind":"NAT","result":"NEGATIVE"},
				  {"idNumber":"%s","sampledAt":"%s","kind":"BLOOD","result":"MAYBE"},
				  {"idNumber":"%s","sampledAt":"%s","kind":"抗原","result":"阳性","pooled":false}
				]}""".formatted(negative, at, at, TestIds.visitor(), TestIds.visitor(), time(-86400), TestIds.visitor(), at,
				positive, at);
		HttpResponse<String> response = TestHttp.anonymous(port).api("POST", "/api/v1/test-results", body, ADMIN);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode outcome = JSON.readTree(response.body());
		assertThat(outcome.get("accepted").asInt()).isEqualTo(2);
		assertThat(outcome.get("rejected").valueStream()
			.map(r -> r.get("index").asInt() + " " + r.get("field").asString() + " " + r.get("message").asString())
			.toList()).containsExactly(
					"1 idNumber 身份证号校验位错误：最后一位应为 " + org.gridguard.shared.IdNumber.checkCharacter("11010519210101001"),
					"2 sampledAt 采样时间格式不正确，应为带时区的 ISO-8601，如 2022-01-05T09:30:00+08:00",
					"3 sampledAt 采样时间晚于当前时间",
					"4 kind 检测类型应为 NAT（核酸）或 ANTIGEN（抗原）",
					"4 result 检测结果应为 POSITIVE（阳性）或 NEGATIVE（阴性）");
		assertThat(outcome.get("results").valueStream()
			.map(r -> r.get("index").asInt() + " " + r.get("status").asString() + " " + r.get("admit").asBoolean())
			.toList()).containsExactly("0 GREEN true", "5 RED false");
		long positivePerson = person(positive);
		assertThat(status.current(positivePerson).reasons()).singleElement().asString().startsWith("POSITIVE_TEST");
	}

	@Test
	void aNulInOneItemRefusesThatItemNamingTheFieldAndKeepsTheOthers() {
		String first = TestIds.visitor();
		String last = TestIds.visitor();
		String at = time(3600);
		String body = """
				{"results":[
				  {"idNumber":"%s","name":"张三","sampledAt":"%s","kind":"NAT","result":"NEGATIVE"},
				  {"idNumber":"%s","name":"李\\u0000四","sampledAt":"%s","kind":"NAT\\u0000","result":"NEGATIVE"},
				  {"idNumber":"%s","name":"王五","sampledAt":"%s","kind":"NAT","result":"NEGATIVE"}
				]}""".formatted(first, at, TestIds.visitor(), at, last, at);
		HttpResponse<String> response = TestHttp.anonymous(port).api("POST", "/api/v1/test-results", body, ADMIN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode outcome = JSON.readTree(response.body());
		assertThat(outcome.get("accepted").asInt()).isEqualTo(2);
		assertThat(outcome.get("rejected").valueStream()
			.map(r -> r.get("index").asInt() + " " + r.get("field").asString() + " " + r.get("message").asString())
			.toList()).containsExactly("1 name 含有不可见的控制字符（第 2 个字符），请删除后重试",
					"1 kind 含有不可见的控制字符（第 4 个字符），请删除后重试");
		assertThat(testing.latest(person(first), 1)).hasSize(1);
		assertThat(testing.latest(person(last), 1)).hasSize(1);
	}

	@Test
	void aResultPostedTwiceIsStoredOnce() {
		String id = TestIds.visitor();
		String body = "{\"results\":[{\"idNumber\":\"" + id + "\",\"sampledAt\":\"" + time(7200)
				+ "\",\"kind\":\"NAT\",\"result\":\"NEGATIVE\"}]}";
		TestHttp.anonymous(port).api("POST", "/api/v1/test-results", body, ADMIN);
		TestHttp.anonymous(port).api("POST", "/api/v1/test-results", body, ADMIN);
		assertThat(testing.latest(person(id), 10)).hasSize(1);
	}

	@Test
	void aPooledPositiveIsYellowUntilASingleNegative() {
		String id = TestIds.visitor();
		post("{\"results\":[{\"idNumber\":\"" + id + "\",\"sampledAt\":\"" + time(7200)
				+ "\",\"kind\":\"NAT\",\"result\":\"POSITIVE\",\"pooled\":true}]}");
		long person = person(id);
		assertThat(status.current(person).colour()).isEqualTo(StatusColour.YELLOW);
		post("{\"results\":[{\"idNumber\":\"" + id + "\",\"sampledAt\":\"" + time(600)
				+ "\",\"kind\":\"NAT\",\"result\":\"NEGATIVE\",\"pooled\":false}]}");
		assertThat(status.current(person).colour()).isEqualTo(StatusColour.GREEN);
		assertThat(status.history(person)).extracting(c -> c.from() + ">" + c.to()).containsExactly("YELLOW>GREEN",
				"GREEN>YELLOW");
	}

	@Test
	void anEmptyOrOversizedBatchAndCallersWithoutTheRightRoleAreRefused() {
		assertThat(TestHttp.anonymous(port).api("POST", "/api/v1/test-results", "{\"results\":[]}", ADMIN).statusCode())
			.isEqualTo(422);
		assertThat(TestHttp.anonymous(port).api("POST", "/api/v1/test-results", "{not json", ADMIN).body())
			.contains("\"field\":\"body\"");
		assertThat(TestHttp.anonymous(port)
			.api("POST", "/api/v1/test-results", "{\"results\":[]}", TestHttp.basic("grid", "demo-test-password"))
			.statusCode()).isEqualTo(403);
		assertThat(TestHttp.anonymous(port)
			.api("POST", "/api/v1/test-results", "{\"results\":[]}", TestHttp.basic("commerce", "demo-test-password"))
			.statusCode()).isEqualTo(403);
	}

	private void post(String body) {
		assertThat(TestHttp.anonymous(port).api("POST", "/api/v1/test-results", body, ADMIN).body()).contains("\"accepted\":1");
	}

	private long person(String idNumber) {
		return persons.findByDocument(new IdDocument(IdType.RESIDENT_ID, idNumber)).orElseThrow().id();
	}

	/** A time {@code secondsAgo} before now, with the city's offset (negative: in the future). */
	private String time(long secondsAgo) {
		return OffsetDateTime.ofInstant(Instant.now().minusSeconds(secondsAgo), clock.getZone()).toString();
	}


}
