package org.gridguard.venue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gridguard.TestHttp;
import org.gridguard.region.Jurisdiction;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Other systems register venues and post check-ins in batches (API.md): each item is accepted or rejected with its
 * reason, the valid part of a batch is never lost, and stays end at the default stay and are capped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CheckInApiIntegrationTests {

	private static final String ADMIN = TestHttp.basic("admin", "admin-test-password");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	VenueManagement venues;

	@Autowired
	ObjectMapper json;

	@Autowired
	CheckIns checkIns;

	@Autowired
	CheckInReceipts receipts;

	@Test
	void registersAVenueAndAnswersItsCodeOrNamesEveryBadField() throws Exception {
		HttpResponse<String> created = TestHttp.anonymous(port).api("POST", "/api/v1/venues", """
				{"name":"江南菜场","category":"农贸市场","townCode":"330784003","address":"江南街道丽州路 1 号",
				 "managerName":"胡建国","managerPhone":"13905791234"}""", ADMIN);
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode body = json.readTree(created.body());
		assertThat(body.get("code").asString()).startsWith("YK").hasSize(12);
		Venue venue = venues.find(body.get("id").asLong()).orElseThrow();
		assertThat(venue.category()).isEqualTo(VenueCategory.MARKET);
		assertThat(venue.sector().name()).isEqualTo("MARKET_REGULATION");

		HttpResponse<String> refused = TestHttp.anonymous(port).api("POST", "/api/v1/venues", """
				{"name":"","category":"夜总会","townCode":"330784999","address":"x","managerName":"王","managerPhone":"123"}""",
				ADMIN);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(json.readTree(refused.body()).get("errors").valueStream().map(e -> e.get("field").asString()))
			.containsExactlyInAnyOrder("name", "category", "townCode", "managerPhone");
	}

	@Test
	void aMixedBatchKeepsItsGoodItemsAndNamesTheReasonOfEachBadOne() throws Exception {
		String code = register("测试超市甲", "MALL_SUPERMARKET", "330784001");
		Venue venue = venues.find(idOf(code)).orElseThrow();
		String revokedCode = register("测试超市乙", "MALL_SUPERMARKET", "330784001");
		venues.revokeCode(idOf(revokedCode), Jurisdiction.system());
		String[] wrongCheck = VenueFixtures.withWrongCheck();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
		String good = VenueFixtures.idNumber();
		String other = VenueFixtures.idNumber();
		var items = List.of(
				item(code, good, now.minusHours(1), null),                                  // 0 accepted
				item(code, wrongCheck[0], now.minusHours(1), null),                         // 1 check character
				item("YKNOSUCHCODE", good, now.minusHours(1), null),                        // 2 unknown venue
				item(revokedCode, good, now.minusHours(1), null),                           // 3 revoked venue
				item(code, good, now.plusHours(1), null),                                   // 4 future
				item(code, good, now.minusHours(1), now.minusHours(2)),                     // 5 leftAt before at
				item(code, other, now.minusHours(6), now.minusMinutes(1)),                  // 6 accepted, capped
				Map.of("venueCode", code, "idNumber", good, "at", "2021-12-09T10:15:00"),   // 7 no offset
				item(code, good, now.minusDays(40), null));                                 // 8 older than retention
		HttpResponse<String> response = TestHttp.anonymous(port)
			.api("POST", "/api/v1/checkins", json.writeValueAsString(Map.of("checkins", items)), ADMIN);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("accepted").asInt()).isEqualTo(2);
		assertThat(body.get("results").valueStream().map(r -> r.get("index").asInt())).containsExactly(0, 6);
		assertThat(body.get("results").valueStream().map(r -> r.get("status").asString())).containsOnly("GREEN");
		assertThat(body.get("results").valueStream().map(r -> r.get("admit").asBoolean())).containsOnly(true);
		var rejected = new ArrayList<String>();
		body.get("rejected").forEach(r -> rejected.add(r.get("index").asInt() + " " + r.get("field").asString() + " "
				+ r.get("message").asString()));
		assertThat(rejected).containsExactly(
				"1 idNumber 身份证号校验位错误：最后一位应为 " + wrongCheck[1],
				"2 venueCode 场所码不存在（或不在您的管辖范围内）",
				"3 venueCode 场所码已作废",
				"4 at at 晚于当前时间超过 5 分钟",
				"5 leftAt leftAt 早于 at",
				"7 at at 必须是带时区的 ISO-8601 时间，例如 2021-12-09T10:15:00+08:00",
				"8 at at 早于保存期限（28 天），这类数据不再保存");

		// stays: no departure → the default 30 minutes; a declared 5 h 59 min stay → capped at 4 h
		List<long[]> stays = jdbc.sql("""
				SELECT extract(epoch FROM at)::bigint, extract(epoch FROM until)::bigint FROM venue_check_in
				WHERE venue_id = ? ORDER BY at""")
			.param(venue.id())
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		assertThat(stays).hasSize(2);
		assertThat(stays.get(0)[1] - stays.get(0)[0]).isEqualTo(Duration.ofHours(4).toSeconds());
		assertThat(stays.get(1)[1] - stays.get(1)[0]).isEqualTo(Duration.ofMinutes(30).toSeconds());
		assertThat(Instant.ofEpochSecond(stays.get(1)[0])).isEqualTo(now.minusHours(1).toInstant());
	}

	@Test
	void aControlCharacterInOneItemCostsThatItemAloneAndIsNamed() throws Exception {
		String code = register("控制字符测试超市", "MALL_SUPERMARKET", "330784001");
		Venue venue = venues.find(idOf(code)).orElseThrow();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
		var items = new ArrayList<Map<String, String>>();
		for (int i = 0; i < 101; i++) {
			items.add(Map.of("venueCode", code, "idNumber", VenueFixtures.idNumber(), "at",
					now.minusMinutes(90).plusSeconds(i).toString(), "name", i == 37 ? "王\u0000五" : "访客" + i));
		}
		items.set(64, Map.of("venueCode", code, "idNumber", VenueFixtures.idNumber(), "at",
				now.minusMinutes(5).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\u001b"));
		HttpResponse<String> response = TestHttp.anonymous(port)
			.api("POST", "/api/v1/checkins", json.writeValueAsString(Map.of("checkins", items)), ADMIN);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("accepted").asInt()).isEqualTo(99);
		var rejected = new ArrayList<String>();
		body.get("rejected").forEach(r -> rejected.add(r.get("index").asInt() + " " + r.get("field").asString() + " "
				+ r.get("message").asString()));
		assertThat(rejected).containsExactly("37 name name 含有不可见的控制字符（第 2 个字符），请删除后重新提交",
				"64 at at 含有不可见的控制字符（第 26 个字符），请删除后重新提交");
		assertThat(jdbc.sql("SELECT count(*) FROM venue_check_in WHERE venue_id = ?").param(venue.id()).query(Long.class)
			.single()).isEqualTo(99);
	}

	@Test
	void aRetryWithTheSameKeyGetsTheFirstAnswerAndStoresNothingTwice() throws Exception {
		String code = register("幂等测试超市", "MALL_SUPERMARKET", "330784001");
		Venue venue = venues.find(idOf(code)).orElseThrow();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
		String body = json.writeValueAsString(Map.of("checkins", List.of(item(code, VenueFixtures.idNumber(),
				now.minusMinutes(20), null), item(code, "33078419800101123", now.minusMinutes(19), null),
				item(code, VenueFixtures.idNumber(), now.minusMinutes(18), null))));
		HttpResponse<String> first = keyed(body, "batch-0001", ADMIN);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(json.readTree(first.body()).get("accepted").asInt()).isEqualTo(2);
		assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();

		HttpResponse<String> retry = keyed(body, "batch-0001", ADMIN);
		assertThat(retry.statusCode()).isEqualTo(200);
		assertThat(json.readTree(retry.body())).isEqualTo(json.readTree(first.body()));
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
		// the key may come in the body instead of the header
		String inBody = body.substring(0, body.length() - 1) + ",\"idempotencyKey\":\"batch-0001\"}";
		assertThat(json.readTree(TestHttp.anonymous(port).api("POST", "/api/v1/checkins", inBody, ADMIN).body()))
			.isEqualTo(json.readTree(first.body()));
		assertThat(rows(venue)).isEqualTo(2);

		// the same key with other check-ins is refused, naming the key; nothing is stored
		String other = json.writeValueAsString(Map.of("checkins", List.of(item(code, VenueFixtures.idNumber(),
				now.minusMinutes(17), null))));
		HttpResponse<String> reused = keyed(other, "batch-0001", ADMIN);
		assertThat(reused.statusCode()).isEqualTo(422);
		assertThat(json.readTree(reused.body()).get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
		assertThat(json.readTree(reused.body()).get("errors").get(0).get("message").asString())
			.contains("batch-0001").contains("已用于内容不同的另一批扫码记录");
		assertThat(rows(venue)).isEqualTo(2);

		// keys belong to the account that sent them
		HttpResponse<String> town = keyed(body, "batch-0001", TestHttp.basic("town", "demo-test-password"));
		assertThat(town.statusCode()).as(town.body()).isEqualTo(200);
		assertThat(town.headers().firstValue("Idempotent-Replayed")).isEmpty();
		assertThat(rows(venue)).isEqualTo(4);
	}

	@Test
	void aBatchWhoseAnswerWasLostAfterItsCommitIsAnsweredTheSameAndStoredOnce() throws Exception {
		String code = register("幂等丢失应答超市", "MALL_SUPERMARKET", "330784001");
		Venue venue = venues.find(idOf(code)).orElseThrow();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
		var items = new ArrayList<Map<String, String>>();
		var raw = new ArrayList<CheckIns.RawCheckIn>();
		for (int i = 0; i < 50; i++) {
			String id = VenueFixtures.idNumber();
			String at = now.minusMinutes(60).plusSeconds(i).toString();
			items.add(Map.of("venueCode", code, "idNumber", id, "at", at, "name", "访客" + i));
			raw.add(new CheckIns.RawCheckIn(code, id, at, null, "访客" + i, null));
		}
		// the first request committed, but its answer never reached the client
		var admin = new Jurisdiction("admin", org.gridguard.region.Role.CITY_ADMIN, "330784", null, null, null);
		CheckIns.BatchOutcome lost = checkIns.record(raw, admin, "lost-answer-7");
		assertThat(lost.accepted()).isEqualTo(50);
		assertThat(rows(venue)).isEqualTo(50);

		HttpResponse<String> retry = keyed(json.writeValueAsString(Map.of("checkins", items)), "lost-answer-7", ADMIN);
		assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
		JsonNode answer = json.readTree(retry.body());
		assertThat(answer.get("accepted").asInt()).isEqualTo(50);
		assertThat(answer.get("results").valueStream().map(r -> r.get("index").asInt()))
			.containsExactlyElementsOf(lost.results().stream().map(CheckIns.Accepted::index).toList());
		assertThat(rows(venue)).isEqualTo(50);
	}

	@Test
	void keysOlderThanTheKeepingTimeArePurgedAndTheBatchCountsAsNew() throws Exception {
		String code = register("幂等过期超市", "MALL_SUPERMARKET", "330784001");
		Venue venue = venues.find(idOf(code)).orElseThrow();
		String body = json.writeValueAsString(Map.of("checkins", List.of(item(code, VenueFixtures.idNumber(),
				OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(30), null))));
		assertThat(keyed(body, "old-key", ADMIN).statusCode()).isEqualTo(200);
		jdbc.sql("UPDATE venue_checkin_receipt SET created_at = created_at - interval '25 hours' WHERE idempotency_key = ?")
			.param("old-key")
			.update();
		assertThat(receipts.purge()).isGreaterThanOrEqualTo(1);
		HttpResponse<String> again = keyed(body, "old-key", ADMIN);
		assertThat(again.headers().firstValue("Idempotent-Replayed")).isEmpty();
		assertThat(rows(venue)).isEqualTo(2);
	}

	@Test
	void anEnglishClientGetsTheReasonsInEnglish() throws Exception {
		String code = register("Test store", "MALL_SUPERMARKET", "330784002");
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/checkins"))
			.header("Authorization", ADMIN)
			.header("Accept-Language", "en")
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("checkins",
					List.of(item(code, "123", OffsetDateTime.now(), null))))))
			.build();
		String body = java.net.http.HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(json.readTree(body).get("rejected").get(0).get("message").asString())
			.isEqualTo("Identity number must have 18 characters");
	}

	@Test
	void anEmptyOrOversizedBatchIsRefusedAsAWhole() throws Exception {
		TestHttp http = TestHttp.anonymous(port);
		HttpResponse<String> empty = http.api("POST", "/api/v1/checkins", "{\"checkins\":[]}", ADMIN);
		assertThat(empty.statusCode()).isEqualTo(422);
		assertThat(empty.body()).contains("\"field\":\"checkins\"");
		var many = new ArrayList<Map<String, String>>();
		for (int i = 0; i < 10_001; i++) {
			many.add(Map.of("venueCode", "X", "idNumber", "1", "at", "x"));
		}
		HttpResponse<String> tooMany = http.api("POST", "/api/v1/checkins", json.writeValueAsString(Map.of("checkins", many)),
				ADMIN);
		assertThat(tooMany.statusCode()).isEqualTo(422);
		assertThat(tooMany.body()).contains("10000");
		assertThat(http.api("POST", "/api/v1/checkins", "{\"checkins\":[]}", null).statusCode()).isEqualTo(401);
	}

	private String register(String name, String category, String town) throws Exception {
		HttpResponse<String> created = TestHttp.anonymous(port).api("POST", "/api/v1/venues",
				json.writeValueAsString(Map.of("name", name, "category", category, "townCode", town, "address",
						"测试路 1 号", "managerName", "测试", "managerPhone", "13800001111")),
				ADMIN);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json.readTree(created.body()).get("code").asString();
	}

	private HttpResponse<String> keyed(String body, String key, String authorization) throws Exception {
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/checkins"))
			.header("Authorization", authorization)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
			.build();
		return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private long rows(Venue venue) {
		return jdbc.sql("SELECT count(*) FROM venue_check_in WHERE venue_id = ?").param(venue.id()).query(Long.class).single();
	}

	private long idOf(String code) {
		return venues.byCode(code).orElseThrow().id();
	}

	private static Map<String, String> item(String code, String id, OffsetDateTime at, OffsetDateTime leftAt) {
		return leftAt == null ? Map.of("venueCode", code, "idNumber", id, "at", at.toString())
				: Map.of("venueCode", code, "idNumber", id, "at", at.toString(), "leftAt", leftAt.toString());
	}

}
