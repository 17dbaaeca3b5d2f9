package org.gridguard.platform;

import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.List;

import org.gridguard.TestHttp;
import org.gridguard.account.AccountManagement;
import org.gridguard.account.NewAccount;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.person.PersonQuery;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
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
 * Bulk reads of personal data leave one audit entry each, naming how many persons were read; a reader pulling more
 * person records per minute than configured is refused with 429 and the city admin is told; normal work never is.
 * Each test reads as an account of its own, so that no other test's reads count against it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PersonReadsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PASSWORD = "reads-password-1";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	PersonManagement persons;

	@Autowired
	AuditLog audit;

	@Autowired
	PersonalDataProperties properties;

	@Test
	void aListReadAndAHouseholdPageWriteOneAuditEntryEachNamingHowManyPersonsWereRead() {
		String reader = account("reads-audit", Role.TOWN_OFFICER, "330784001");
		TestHttp api = TestHttp.anonymous(port);
		HttpResponse<String> list = api.api("GET", "/api/v1/persons?size=7", null, TestHttp.basic(reader, PASSWORD));
		assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
		assertThat(JSON.readTree(list.body()).get("items").size()).isEqualTo(7);
		assertThat(reads(reader)).singleElement().satisfies(e -> {
			assertThat(e.subjectType()).isEqualTo("person-list");
			assertThat(e.detail()).startsWith("7 persons");
		});

		Person member = persons.search(Jurisdiction.system(), new PersonQuery(null, "330784001001001", null),
				new Paging(0, 1)).items().get(0);
		int size = persons.members(member.householdId()).size();
		TestHttp page = TestHttp.signedIn(port, reader, PASSWORD);
		assertThat(page.get("/residents/households/" + member.householdId()).statusCode()).isEqualTo(200);
		assertThat(reads(reader)).hasSize(2).first().satisfies(e -> {
			assertThat(e.subjectType()).isEqualTo("household");
			assertThat(e.subjectId()).isEqualTo(String.valueOf(member.householdId()));
			assertThat(e.detail()).isEqualTo(size + " persons");
		});
	}

	@Test
	void aReaderPullingMoreThanTheLimitIsRefusedWithAClearMessageAndTheCityAdminIsTold() {
		String reader = account("reads-bulk", Role.EPIDEMIOLOGIST, "330784");
		int limit = properties.readsPerMinute();
		TestHttp api = TestHttp.anonymous(port);
		long served = 0;
		HttpResponse<String> refused = null;
		for (int i = 0; i < limit / Paging.MAX_SIZE + 20 && refused == null; i++) {
			HttpResponse<String> response = api.api("GET", "/api/v1/persons?size=" + Paging.MAX_SIZE + "&page=" + i % 5,
					null, TestHttp.basic(reader, PASSWORD));
			if (response.statusCode() == 429) {
				refused = response;
			}
			else {
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				served += JSON.readTree(response.body()).get("items").size();
			}
		}
		assertThat(refused).as("refused after %d person records", served).isNotNull();
		assertThat(served).isGreaterThan(limit - Paging.MAX_SIZE);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		JsonNode error = JSON.readTree(refused.body()).get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("persons");
		assertThat(error.get("message").asString()).contains("一分钟内读取的人员记录已超过 " + limit + " 条");

		HttpResponse<String> page = TestHttp.signedIn(port, reader, PASSWORD).get("/residents");
		assertThat(page.statusCode()).isEqualTo(429);
		assertThat(page.body()).contains("读取过于频繁").contains("市指挥部已收到通知");

		String inbox = TestHttp.signedIn(port, "admin", "admin-test-password").get("/notifications").body();
		assertThat(inbox).contains("账号 " + reader + " 一分钟内读取人员记录超过 " + limit + " 条，已被限流");
		assertThat(audit.search(new AuditLog.AuditQuery(reader, PersonalDataReads.REFUSED, null, null, null),
				new Paging(0, 10), ZoneId.of("Asia/Shanghai")).items()).hasSize(1);
	}

	@Test
	void goingThroughTheWholeCityListAndManyDetailPagesStaysWithinTheLimit() {
		String reader = account("reads-normal", Role.EPIDEMIOLOGIST, "330784");
		TestHttp browser = TestHttp.signedIn(port, reader, PASSWORD);
		long total = persons.search(Jurisdiction.system(), new PersonQuery(null, "330784", null), new Paging(0, 1)).total();
		List<Person> some = persons.search(Jurisdiction.system(), new PersonQuery(null, "330784", null), new Paging(0, 30))
			.items();
		for (int page = 0; page * 20 < Math.min(total, 4_000); page++) {
			assertThat(browser.get("/residents?region=330784&page=" + page).statusCode()).as("page %d", page).isEqualTo(200);
		}
		for (Person p : some) {
			assertThat(browser.get("/residents/" + p.id()).statusCode()).isEqualTo(200);
		}
	}

	/** The entries of bulk reads by one account, newest first. */
	private List<AuditLog.AuditEntry> reads(String actor) {
		return audit.search(new AuditLog.AuditQuery(actor, PersonalDataReads.ACTION, null, null, null), new Paging(0, 50),
				ZoneId.of("Asia/Shanghai")).items();
	}

	private String account(String username, Role role, String region) {
		if (accounts.find(username).isEmpty()) {
			accounts.create(new NewAccount(username, username, null, role, region, null, null, null, PASSWORD, false),
					Jurisdiction.system());
		}
		return username;
	}

}
