package org.gridguard.account;

import java.net.http.HttpResponse;
import java.util.Map;

import org.gridguard.TestHttp;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.person.PersonQuery;
import org.gridguard.platform.AuditLog;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.Paging;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin creates a town officer and a grid worker; each then sees only their own part of the city, through
 * pages and API alike, with identity numbers masked in lists and shown in full only on request, audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class JurisdictionIntegrationTests {

	private static final String TOWN = "330784002"; // 西城街道

	private static final String GRID = "330784002001001";

	private static final String OTHER_GRID_SAME_TOWN = "330784002001002";

	@LocalServerPort
	int port;

	@Autowired
	PersonManagement persons;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuditLog audit;

	private Person inGrid;

	private Person inOtherGrid;

	private Person inOtherTown;

	@BeforeEach
	void createAccountsOnce() {
		Jurisdiction city = Jurisdiction.system();
		inGrid = first(GRID, city);
		inOtherGrid = first(OTHER_GRID_SAME_TOWN, city);
		inOtherTown = first("330784115", city);
		if (accounts.find("xicheng").isPresent()) {
			return;
		}
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		HttpResponse<String> town = admin.post("/accounts", Map.of("username", "xicheng", "displayName", "西城专班",
				"role", "TOWN_OFFICER", "regionCode", TOWN, "password", "xicheng-password"));
		assertThat(town.statusCode()).as(town.body()).isEqualTo(302);
		HttpResponse<String> worker = admin.post("/accounts", Map.of("username", "xicheng-grid", "displayName", "西城网格员",
				"role", "GRID_WORKER", "regionCode", GRID, "password", "grid-password-1", "addAsGridWorker", "true"));
		assertThat(worker.statusCode()).as(worker.body()).isEqualTo(302);
	}

	@Test
	void aTownOfficerListsOnlyResidentsOfTheTown() {
		TestHttp town = TestHttp.signedIn(port, "xicheng", "xicheng-password");
		String list = town.get("/residents?region=330784").body();
		// masks are no identifiers (many numbers share one): the links to the persons tell them apart
		assertThat(list).contains(inGrid.idMasked()).contains("/residents/" + inGrid.id() + "\"")
			.doesNotContain("/residents/" + inOtherTown.id() + "\"");
		assertThat(town.get("/residents/" + inOtherGrid.id()).statusCode()).isEqualTo(200);
		assertThat(town.get("/residents/" + inOtherTown.id()).statusCode()).isEqualTo(404);
		assertThat(town.get("/").body()).contains("西城街道");
	}

	@Test
	void aGridWorkerSeesOnlyTheirGridThroughPagesAndApi() {
		TestHttp worker = TestHttp.signedIn(port, "xicheng-grid", "grid-password-1");
		assertThat(worker.get("/residents/" + inGrid.id()).statusCode()).isEqualTo(200);
		assertThat(worker.get("/residents/" + inOtherGrid.id()).statusCode()).isEqualTo(404);
		assertThat(worker.get("/residents/" + inOtherTown.id()).statusCode()).isEqualTo(404);

		String auth = TestHttp.basic("xicheng-grid", "grid-password-1");
		assertThat(worker.api("GET", "/api/v1/persons/" + inGrid.id(), null, auth).statusCode()).isEqualTo(200);
		assertThat(worker.api("GET", "/api/v1/persons/" + inOtherGrid.id(), null, auth).statusCode()).isEqualTo(404);
		String page = worker.api("GET", "/api/v1/persons?size=500", null, auth).body();
		assertThat(page).contains("\"idNumberMasked\":\"" + inGrid.idMasked() + "\"")
			.contains("\"id\":" + inGrid.id() + ",")
			.doesNotContain("\"id\":" + inOtherGrid.id() + ",");
	}

	@Test
	void aGridWorkerMayNotAdministerAccountsOrReadTheAuditLog() {
		TestHttp worker = TestHttp.signedIn(port, "xicheng-grid", "grid-password-1");
		assertThat(worker.get("/accounts").statusCode()).isEqualTo(403);
		assertThat(worker.get("/audit").statusCode()).isEqualTo(403);
		assertThat(worker.get("/regions/" + GRID).statusCode()).isEqualTo(200);
		assertThat(worker.get("/regions/" + OTHER_GRID_SAME_TOWN).statusCode()).isEqualTo(404);
	}

	@Test
	void listsShowMaskedNumbersAndTheFullOneOnlyOnRequestWithAnAuditEntry() {
		TestHttp worker = TestHttp.signedIn(port, "xicheng-grid", "grid-password-1");
		String full = persons.idNumberOf(inGrid.id()).orElseThrow();
		String list = worker.get("/residents").body();
		assertThat(list).contains(inGrid.idMasked()).doesNotContain(full);
		String detail = worker.get("/residents/" + inGrid.id()).body();
		assertThat(detail).contains(inGrid.idMasked()).doesNotContain(full);

		String revealed = worker.post("/residents/" + inGrid.id() + "/reveal", Map.of()).body();
		assertThat(revealed).contains(full);
		assertThat(audit.forSubject("person", String.valueOf(inGrid.id()), 20))
			.anySatisfy(e -> {
				assertThat(e.action()).isEqualTo("PERSON_VIEW_FULL");
				assertThat(e.actor()).isEqualTo("xicheng-grid");
			});

		assertThat(worker.post("/residents/" + inOtherGrid.id() + "/reveal", Map.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void aTownOfficerCannotCreateAccountsOutsideTheTownOrAboveTheirRole() {
		TestHttp town = TestHttp.signedIn(port, "xicheng", "xicheng-password");
		String refused = town.post("/accounts", Map.of("username", "elsewhere", "displayName", "外镇网格员",
				"role", "GRID_WORKER", "regionCode", "330784115200001", "password", "some-password-1")).body();
		assertThat(refused).contains("您无权在该区划创建此角色的账号");
		String admin = town.post("/accounts", Map.of("username", "newadmin", "displayName", "x",
				"role", "CITY_ADMIN", "regionCode", "330784", "password", "some-password-1")).body();
		assertThat(admin).contains("您无权在该区划创建此角色的账号");
		assertThat(accounts.find("elsewhere")).isEmpty();
		assertThat(accounts.find("newadmin")).isEmpty();
	}

	private Person first(String region, Jurisdiction who) {
		return persons.search(who, new PersonQuery(null, region, null), new Paging(0, 1)).items().get(0);
	}

}
