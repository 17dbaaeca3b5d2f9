package org.gridguard.region;

import java.util.Map;

import org.gridguard.HomePage;
import org.gridguard.TestHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role's home page starts with its own work, and every number on it is the total of the list it links to,
 * opened by the same person.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HomePageIntegrationTests {

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			grid     | demo-test-password  | tasks-open,tasks-overdue,checks-missing
			village  | demo-test-password  | queue,tasks-overdue,unmanaged
			town     | demo-test-password  | queue,tasks-overdue,unmanaged
			admin    | admin-test-password | risk-persons,tasks-open,queue,tasks-overdue,unmanaged
			cdc      | demo-test-password  | investigations-open
			venue    | demo-test-password  | scans-today,refused-today,red-today
			commerce | demo-test-password  | venues
			site     | demo-test-password  | site-residents
			organizer | demo-test-password | events-pending,events-refused,events-approved,events-today
			""")
	void eachNumberOnTheHomePageIsTheTotalOfTheListItLinksTo(String username, String password, String keys) {
		TestHttp user = TestHttp.signedIn(port, username, password);
		var home = user.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		Map<String, HomePage.Item> items = HomePage.items(home.body());
		assertThat(items.keySet()).containsExactly(keys.split(","));
		for (var item : items.entrySet()) {
			var list = user.get(item.getValue().link());
			assertThat(list.statusCode()).as(item.getKey()).isEqualTo(200);
			long total = item.getValue().link().endsWith("/residents") ? occurrences(list.body(), "id=\"stay-")
					: HomePage.total(list.body());
			assertThat(total).as(item.getKey() + " " + item.getValue().link()).isEqualTo(item.getValue().count());
		}
	}

	private static long occurrences(String text, String part) {
		long n = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			n++;
		}
		return n;
	}

}
