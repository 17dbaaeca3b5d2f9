package org.gridguard.control;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.gridguard.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploading a push list through the API and following it until its import ends. */
final class PushListFixtures {

	static final String ADMIN = TestHttp.basic("admin", "admin-test-password");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PushListFixtures() {
	}

	/** Uploads a list as the city admin; returns its id. */
	static long upload(int port, String filename, byte[] content, String category) {
		HttpResponse<String> accepted = TestHttp.anonymous(port).multipart("/api/v1/push-lists",
				Map.of("category", category, "source", "test"), "file", filename, content, ADMIN);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		return JSON.readTree(accepted.body()).get("id").asLong();
	}

	/** The list as the API shows it, once it is no longer RUNNING (or after a minute). */
	static JsonNode awaitEnd(int port, long id) {
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

	static JsonNode importAndWait(int port, String filename, byte[] content, String category) {
		return awaitEnd(port, upload(port, filename, content, category));
	}

}
