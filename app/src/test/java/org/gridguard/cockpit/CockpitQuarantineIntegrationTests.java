package org.gridguard.cockpit;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.control.Category;
import org.gridguard.control.ControlQueries;
import org.gridguard.control.Outcome;
import org.gridguard.control.Placement;
import org.gridguard.control.Pushed;
import org.gridguard.control.Registrations;
import org.gridguard.control.Verification;
import org.gridguard.control.Verifications;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.RegionManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quarantine panel follows a person from the grid to a site: verified into central isolation, they count as a
 * pending transfer of their grid, village, town and the city; admitted at a site of the town, as an admission of the
 * day and an occupied room of the town and the city, while their grid and village, which have no sites, show none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CockpitQuarantineIntegrationTests {

	private static final String ADMIN = TestHttp.basic("admin", "admin-test-password");

	/** 江南街道. */
	private static final String TOWN = "330784003";

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	RegionManagement regions;

	@Autowired
	PersonManagement persons;

	@Autowired
	Registrations registrations;

	@Autowired
	Verifications verifications;

	@Autowired
	ControlQueries control;

	@Autowired
	Clock clock;

	@Test
	void aPersonSentToQuarantineIsAPendingTransferOfTheirAreasThenAnAdmissionAtTheTownsSite() throws Exception {
		TestHttp api = TestHttp.anonymous(port);
		String village = regions.children(TOWN).get(0).code();
		String grid = regions.children(village).get(0).code();
		List<String> areas = List.of(Region.CITY_CODE, TOWN, village, grid);
		HttpResponse<String> registered = api.api("POST", "/api/v1/quarantine/sites", """
				{"name":"驾驶舱测试驿站%d","townCode":"%s","address":"江南街道测试路 9 号",
				 "rooms":[{"number":"101","beds":1,"kind":"SINGLE"},{"number":"102","beds":1,"kind":"SINGLE"}]}"""
			.formatted(System.nanoTime() % 1_000_000, TOWN), ADMIN);
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		long site = json.readTree(registered.body()).get("id").asLong();
		JsonNode[] before = new JsonNode[areas.size()];
		for (int i = 0; i < areas.size(); i++) {
			before[i] = quarantine(api, areas.get(i));
		}

		long riskPerson = centrallyIsolated(grid);
		long transfer = -1;
		for (int i = 0; i < 300 && transfer < 0; i++) {
			JsonNode pending = json.readTree(api
				.api("GET", "/api/v1/quarantine/transfers?state=PENDING&size=500&region=" + grid, null, ADMIN)
				.body());
			for (JsonNode t : pending.get("items")) {
				if (t.get("riskPersonId").asLong() == riskPerson) {
					transfer = t.get("id").asLong();
				}
			}
			Thread.sleep(100);
		}
		assertThat(transfer).as("the transfer opened for the person").isPositive();
		for (int i = 0; i < areas.size(); i++) {
			assertThat(quarantine(api, areas.get(i)).get("transfersPending").asLong()).as(areas.get(i))
				.isEqualTo(before[i].get("transfersPending").asLong() + 1);
		}

		HttpResponse<String> admitted = api.api("POST", "/api/v1/quarantine/transfers/" + transfer + "/admission",
				"{\"siteId\":" + site + "}", ADMIN);
		assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(200);

		for (int i = 0; i < areas.size(); i++) {
			JsonNode after = quarantine(api, areas.get(i));
			boolean hasSites = i < 2;
			assertThat(after.get("transfersPending").asLong()).as(areas.get(i))
				.isEqualTo(before[i].get("transfersPending").asLong());
			assertThat(after.get("admittedToday").asLong()).as(areas.get(i))
				.isEqualTo(before[i].get("admittedToday").asLong() + (hasSites ? 1 : 0));
			assertThat(after.get("occupied").asLong() + after.get("free").asLong()).as(areas.get(i))
				.isEqualTo(before[i].get("occupied").asLong() + before[i].get("free").asLong());
			if (!hasSites) {
				assertThat(after.get("rooms").asLong()).as(areas.get(i)).isZero();
			}
		}
		assertThat(quarantine(api, TOWN).get("occupied").asLong()).isEqualTo(before[1].get("occupied").asLong() + 1);
	}

	private JsonNode quarantine(TestHttp api, String region) throws Exception {
		HttpResponse<String> response = api.api("GET", "/api/v1/cockpit?region=" + region, null, ADMIN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).get("quarantine");
	}

	/** A close contact of the grid, last exposed yesterday, verified under central isolation; returns the risk person. */
	private long centrallyIsolated(String grid) {
		Jurisdiction city = Jurisdiction.system();
		Person person = persons.createResident(
				new NewResident("隔离测试", IdType.RESIDENT_ID, TestIds.resident(), null, grid, "隔离测试家", null), city);
		long riskPerson = registrations.registerAll(List.of(new Pushed(person.id(), "隔离测试", Category.CLOSE_CONTACT,
				new Placement(Placement.Kind.GRID, grid, null), "test", null, null, LocalDate.now(clock).minusDays(1),
				clock.instant(), null)), "test").riskPersonIds()[0];
		long task = control.tasksOf(riskPerson).stream().filter(t -> t.state().open()).findFirst().orElseThrow().id();
		verifications.complete(task, new Verification(Outcome.CONTROLLED, true, null, null, null), city);
		return riskPerson;
	}

}
