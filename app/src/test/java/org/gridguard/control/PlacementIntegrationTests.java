package org.gridguard.control;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.person.IdDocument;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.InvalidInput;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.Paging;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Placement reaches the household: pushed visitors land in the grid of the household their address names, however the
 * list writes it; villages are read correctly even where their names are like a town's; officers place queued persons
 * by a grid's name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlacementIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN = TestHttp.basic("admin", "admin-test-password");

	private static final Jurisdiction CITY = Jurisdiction.system();

	@LocalServerPort
	int port;

	@Autowired
	PersonManagement persons;

	@Autowired
	ControlQueries queries;

	@Autowired
	QueueDecisions queue;

	@Test
	void pushedVisitorsLandInTheirHouseholdsGridAndVillagesAreReadRight() {
		persons.createResident(new NewResident("户主甲", IdType.RESIDENT_ID, TestIds.resident(), null, "330784001001002",
				"园丁社区99幢3单元1101室", null), CITY);
		String household = TestIds.visitor();
		String dashed = TestIds.visitor();
		String jiangyao = TestIds.visitor();
		String longshan = TestIds.visitor();
		String csv = "姓名,身份证号,现住址\n"
				+ "亲属乙," + household + ",永康市东城街道园丁社区99幢3单元1101室\n"
				+ "租客丙," + dashed + ",浙江省永康市园丁社区 99-3-1101\n"
				+ "访客丁," + jiangyao + ",永康市石柱镇江瑶村5号\n"
				+ "访客戊," + longshan + ",永康市唐先镇龙山村8号\n";
		JsonNode list = importAndWait(csv.getBytes(StandardCharsets.UTF_8));
		assertThat(list.get("accepted").asInt()).as(list.toString()).isEqualTo(4);

		RiskPerson inHousehold = riskPersonOf(household);
		assertThat(inHousehold.placement()).isEqualTo(Placement.Kind.GRID);
		assertThat(inHousehold.regionCode()).isEqualTo("330784001001002");
		assertThat(queries.explain(inHousehold.placementNote())).contains("与登记住户地址相同");
		assertThat(riskPersonOf(dashed).regionCode()).as("the same household written another way")
			.isEqualTo("330784001001002");
		assertThat(riskPersonOf(jiangyao).regionCode()).as("江瑶村 of 石柱镇, not the town's queue")
			.startsWith("330784105202");
		assertThat(riskPersonOf(longshan).regionCode()).as("龙山村 of 唐先镇, not the town 龙山镇")
			.startsWith("330784113218");
	}

	@Test
	void officersPlaceQueuedPersonsByAGridsNameWithSuggestions() {
		String visitor = TestIds.visitor();
		importAndWait(("姓名,身份证号,现住址\n排队己," + visitor + ",永康市石柱镇江瑶村\n").getBytes(StandardCharsets.UTF_8));
		RiskPerson queued = riskPersonOf(visitor);
		assertThat(queued.placement()).isEqualTo(Placement.Kind.QUEUE);

		assertThatThrownBy(() -> queue.assignGrid(queued.id(), "没有这个网格", CITY)).isInstanceOf(InvalidInput.class)
			.satisfies(ex -> assertThat(((InvalidInput) ex).problems()).singleElement()
				.satisfies(p -> assertThat(p.field()).isEqualTo("grid")));
		assertThatThrownBy(() -> queue.assignGrid(queued.id(), "芝英一村第1网格", CITY))
			.as("芝英一村 is a 居委会 and a 村委会: the code decides")
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("330784115001001");

		queue.assignGrid(queued.id(), "江瑶村第1网格", CITY);
		assertThat(queries.riskPerson(queued.id()).regionCode()).isEqualTo("330784105202001");

		TestHttp town = TestHttp.signedIn(port, "town", "demo-test-password");
		HttpResponse<String> options = town.get("/control/grid-suggestions?grid=%E5%9B%AD%E4%B8%81&near=330784001001");
		assertThat(options.statusCode()).isEqualTo(200);
		assertThat(options.body()).contains("value=\"园丁社区第1网格\"").doesNotContain("江瑶村");
		assertThat(town.get("/control/queue").body()).contains("grid-suggestions");
	}

	private RiskPerson riskPersonOf(String idNumber) {
		Person person = persons.findByDocument(new IdDocument(IdType.RESIDENT_ID, idNumber)).orElseThrow();
		return queries.riskPersons(new ControlQueries.RiskPersonFilter(null, null, null, person.id(), null, false), CITY,
				new Paging(0, 1)).items().get(0);
	}

	private JsonNode importAndWait(byte[] content) {
		HttpResponse<String> accepted = TestHttp.anonymous(port).multipart("/api/v1/push-lists",
				Map.of("category", "CLOSE_CONTACT", "source", "placement-test"), "file", "list.csv", content, ADMIN);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		long id = JSON.readTree(accepted.body()).get("id").asLong();
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

}
