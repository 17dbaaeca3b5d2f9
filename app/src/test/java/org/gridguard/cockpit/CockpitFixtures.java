package org.gridguard.cockpit;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Venues and check-ins made through the integration API, as other systems make them.
 */
final class CockpitFixtures {

	static final String ADMIN = TestHttp.basic("admin", "admin-test-password");

	private static final AtomicInteger VENUES = new AtomicInteger();

	private CockpitFixtures() {
	}

	/** A new venue in {@code grid}; returns [id, code]. */
	static String[] venue(TestHttp api, ObjectMapper json, String grid) throws Exception {
		HttpResponse<String> created = api.api("POST", "/api/v1/venues", """
				{"name":"驾驶舱测试商店%d","category":"MALL_SUPERMARKET","townCode":"%s","regionCode":"%s",
				 "address":"测试路 %d 号","managerName":"陈立新","managerPhone":"13905791234"}"""
			.formatted(VENUES.incrementAndGet(), grid.substring(0, 9), grid, VENUES.get()), ADMIN);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode body = json.readTree(created.body());
		return new String[] { body.get("id").asString(), body.get("code").asString() };
	}

	/** Checks {@code n} new persons in at a venue at {@code at}; all must be accepted. */
	static void checkIns(TestHttp api, ObjectMapper json, String code, int n, OffsetDateTime at) throws Exception {
		var items = new StringBuilder();
		for (int i = 0; i < n; i++) {
			items.append(i == 0 ? "" : ",")
				.append("{\"venueCode\":\"%s\",\"idNumber\":\"%s\",\"at\":\"%s\"}".formatted(code, TestIds.resident(), at));
		}
		HttpResponse<String> answer = api.api("POST", "/api/v1/checkins", "{\"checkins\":[" + items + "]}", ADMIN);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(json.readTree(answer.body()).get("accepted").asInt()).as(answer.body()).isEqualTo(n);
	}

	/** A new venue in {@code grid} with {@code n} check-ins at {@code at}; returns its id. */
	static long venueWithCheckIns(TestHttp api, ObjectMapper json, String grid, int n, OffsetDateTime at) throws Exception {
		String[] venue = venue(api, json, grid);
		checkIns(api, json, venue[1], n, at);
		return Long.parseLong(venue[0]);
	}

}
