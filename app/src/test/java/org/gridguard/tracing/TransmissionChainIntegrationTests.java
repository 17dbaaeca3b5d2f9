package org.gridguard.tracing;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.PersonalDataReads;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.gridguard.shared.Paging;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transmission chain graph respects jurisdiction: a case in 江南街道 with close contacts in 东城街道 and 西城街道; the
 * town officer of 东城 sees the chain (a contact lives there) with only that contact named, the epidemiologist sees
 * every name, and each read of the graph is one audit entry naming how many persons it showed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TransmissionChainIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Jurisdiction CITY = Jurisdiction.system();

	private static final Jurisdiction CDC = new Jurisdiction("cdc", Role.EPIDEMIOLOGIST, "330784", null, null, null);

	@LocalServerPort
	int port;

	@Autowired
	PersonManagement persons;

	@Autowired
	InvestigationManagement investigations;

	@Autowired
	AuditLog audit;

	@Autowired
	Clock clock;

	private static Person casePerson;

	private static Person dongcheng;

	private static Person xicheng;

	private static long investigationId;

	@BeforeEach
	void aChainAcrossThreeTownsOnce() {
		if (casePerson != null) {
			return;
		}
		casePerson = resident("链图病例江南", "330784003001001");
		dongcheng = resident("链图密接东城", "330784001001002");
		xicheng = resident("链图密接西城", "330784002001001");
		Investigation investigation = investigations.openManually(casePerson.id(), LocalDate.now(clock), CDC);
		investigationId = investigation.id();
		investigations.addByHand(investigationId, dongcheng.id(), CDC);
		investigations.addByHand(investigationId, xicheng.id(), CDC);
		investigations.classify(investigationId, new ClassificationRule(null, null, null, null,
				Candidate.Classification.CLOSE_CONTACT, false), CDC);
	}

	@Test
	void aTownOfficerSeesOnlyTheNamesOfPersonsInTheirTownAndNothingIdentifyingOfTheOthers() {
		String body = graph("town", "demo-test-password");
		JsonNode nodes = JSON.readTree(body).get("nodes");
		assertThat(nodes.size()).isEqualTo(3);
		assertThat(nodes.valueStream().filter(n -> !n.get("anonymous").asBoolean()).map(n -> n.get("name").asString()))
			.containsExactly("链图密接东城");
		assertThat(nodes.valueStream().filter(n -> n.get("anonymous").asBoolean()).map(n -> n.get("kind").asString()))
			.containsExactlyInAnyOrder("CASE", "CLOSE_CONTACT");
		assertThat(JSON.readTree(body).get("links").size()).isEqualTo(2);
		for (Person other : List.of(casePerson, xicheng)) {
			assertThat(body).doesNotContain(other.name())
				.doesNotContain(persons.idNumberOf(other.id()).orElseThrow())
				.doesNotContain(other.idMasked())
				.doesNotContain("\"p" + other.id() + "\"");
		}
	}

	@Test
	void theEpidemiologistSeesEveryName() {
		JsonNode nodes = JSON.readTree(graph("cdc", "demo-test-password")).get("nodes");
		assertThat(nodes.valueStream().map(n -> n.get("name").asString()))
			.containsExactlyInAnyOrder("链图病例江南", "链图密接东城", "链图密接西城");
	}

	@Test
	void eachReadOfTheGraphIsOneAuditEntryNamingHowManyPersonsItShowed() {
		int before = graphReads("town").size();
		graph("town", "demo-test-password");
		List<AuditLog.AuditEntry> after = graphReads("town");
		assertThat(after).hasSize(before + 1);
		assertThat(after.get(0).detail()).isEqualTo("1 persons");
	}

	@Test
	void aPageOfTheChainNamesTheCaseOnlyInsideTheOfficersArea() {
		String town = TestHttp.signedIn(port, "town", "demo-test-password").get("/tracing/investigations/" + investigationId)
			.body();
		assertThat(town).contains("辖区外病例").contains("链图密接东城").doesNotContain("链图病例江南").doesNotContain("链图密接西城");
		String cdc = TestHttp.signedIn(port, "cdc", "demo-test-password").get("/tracing/investigations/" + investigationId)
			.body();
		assertThat(cdc).contains("链图病例江南").contains("链图密接东城").contains("链图密接西城");
	}

	private String graph(String username, String password) {
		HttpResponse<String> response = TestHttp.signedIn(port, username, password)
			.get("/tracing/investigations/" + investigationId + "/graph.json");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private List<AuditLog.AuditEntry> graphReads(String actor) {
		return audit.search(new AuditLog.AuditQuery(actor, PersonalDataReads.ACTION, String.valueOf(investigationId), null,
				null), new Paging(0, 100), ZoneId.of("Asia/Shanghai"))
			.items()
			.stream()
			.filter(e -> "investigation-graph".equals(e.subjectType()))
			.toList();
	}

	private Person resident(String name, String grid) {
		return persons.createResident(new NewResident(name, IdType.RESIDENT_ID, TestIds.resident(), null, grid, name + "家",
				null), CITY);
	}

}
