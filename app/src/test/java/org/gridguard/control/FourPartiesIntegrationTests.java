package org.gridguard.control;

import java.time.Instant;
import java.util.List;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.region.Jurisdiction;
import org.gridguard.responsibility.ResponsibilityManagement;
import org.gridguard.responsibility.Subject;
import org.gridguard.shared.Paging;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four parties complete: the unit (单位) of a risk person comes from the push or from the resident record, and
 * risk-person lists filter by unit and by the individual's name as by territory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FourPartiesIntegrationTests {

	private static final String GRID = "330784001001001";

	private static final Jurisdiction CITY = Jurisdiction.system();

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	PersonManagement persons;

	@Autowired
	Registrations registrations;

	@Autowired
	ControlQueries queries;

	@Autowired
	ResponsibilityManagement responsibility;

	@Test
	void theUnitComesFromThePushOrTheResidentRecordAndListsFilterByIt() {
		Person recorded = persons.createResident(new NewResident("单位甲", IdType.RESIDENT_ID, TestIds.resident(), null, GRID,
				"园丁社区单位楼1号", null, "永康五金城管理公司"), CITY);
		Person pushedWithUnit = persons.createResident(new NewResident("单位乙", IdType.RESIDENT_ID, TestIds.resident(), null,
				GRID, "园丁社区单位楼2号", null), CITY);
		long[] ids = registrations.registerAll(List.of(
				new Pushed(recorded.id(), recorded.name(), Category.CLOSE_CONTACT, new Placement(Placement.Kind.GRID, GRID, null),
						"test", null, null, null, Instant.now()),
				new Pushed(pushedWithUnit.id(), pushedWithUnit.name(), Category.CLOSE_CONTACT,
						new Placement(Placement.Kind.GRID, GRID, null), "test", null, null, null, Instant.now(), "永康市第一人民医院")),
				"test").riskPersonIds();

		assertThat(responsibility.of(Subject.riskPerson(ids[0])).orElseThrow().parties().unitName())
			.isEqualTo("永康五金城管理公司");
		assertThat(responsibility.of(Subject.riskPerson(ids[1])).orElseThrow().parties().unitName())
			.isEqualTo("永康市第一人民医院");
		assertThat(queries.riskPerson(ids[1]).workUnit()).isEqualTo("永康市第一人民医院");

		var byUnit = queries.riskPersons(new ControlQueries.RiskPersonFilter(null, null, null, null, null, false, "五金城", null),
				CITY, new Paging(0, 50));
		assertThat(byUnit.items()).extracting(RiskPerson::id).containsExactly(ids[0]);

		TestHttp town = TestHttp.signedIn(port, "town", "demo-test-password");
		String page = town.get("/control/risk-persons?unit=%E4%BA%BA%E6%B0%91%E5%8C%BB%E9%99%A2").body();
		assertThat(page).contains("/control/risk-persons/" + ids[1]).doesNotContain("/control/risk-persons/" + ids[0] + "\"");
		String byName = town.get("/control/risk-persons?individual=%E5%8D%95%E4%BD%8D%E7%94%B2").body();
		assertThat(byName).contains("/control/risk-persons/" + ids[0] + "\"").doesNotContain("/control/risk-persons/" + ids[1] + "\"");
		String api = TestHttp.anonymous(port)
			.api("GET", "/api/v1/risk-persons?unit=%E4%BA%94%E9%87%91%E5%9F%8E", null, TestHttp.basic("town", "demo-test-password"))
			.body();
		assertThat(api).contains("\"id\":" + ids[0] + ",").doesNotContain("\"id\":" + ids[1] + ",");
	}

	@Test
	void aPushListsWorkUnitColumnIsTheUnitParty() throws Exception {
		String visitor = TestIds.visitor();
		byte[] csv = ("姓名,身份证号,现住址,工作单位\n单位丙," + visitor + ",永康市东城街道园丁社区,永康市经济开发区某厂\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		var accepted = TestHttp.anonymous(port).multipart("/api/v1/push-lists", java.util.Map.of("category", "CLOSE_CONTACT"),
				"file", "units.csv", csv, TestHttp.basic("admin", "admin-test-password"));
		long list = JSON.readTree(accepted.body()).get("id").asLong();
		Instant deadline = Instant.now().plusSeconds(60);
		while (queries.riskPersons(new ControlQueries.RiskPersonFilter(null, null, null, null, list, false), CITY,
				new Paging(0, 1)).items().isEmpty()) {
			assertThat(Instant.now()).isBefore(deadline);
			Thread.sleep(100);
		}
		RiskPerson person = queries.riskPersons(new ControlQueries.RiskPersonFilter(null, null, null, null, list, false), CITY,
				new Paging(0, 1)).items().get(0);
		assertThat(person.workUnit()).isEqualTo("永康市经济开发区某厂");
		assertThat(responsibility.of(Subject.riskPerson(person.id())).orElseThrow().parties().unitName())
			.isEqualTo("永康市经济开发区某厂");
	}

}
