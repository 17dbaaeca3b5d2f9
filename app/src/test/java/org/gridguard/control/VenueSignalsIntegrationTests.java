package org.gridguard.control;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.Paging;
import org.gridguard.venue.NewVenue;
import org.gridguard.venue.SentinelPharmacy;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Venues feed the control loop: an isolated person's check-in is an unmanaged risk, and a sentinel-pharmacy buyer of
 * fever medicine gets a verification task by rule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class VenueSignalsIntegrationTests {

	private static final Jurisdiction CITY = Jurisdiction.system();

	private static final String GRID = "330784001001001";

	@LocalServerPort
	int port;

	@Autowired
	PersonManagement persons;

	@Autowired
	Registrations registrations;

	@Autowired
	Verifications verifications;

	@Autowired
	ControlQueries queries;

	@Autowired
	UnmanagedDetector detector;

	@Autowired
	VenueManagement venues;

	@Autowired
	SentinelPharmacy pharmacy;

	@Autowired
	Clock clock;

	@Test
	void anIsolatedPersonScanningIntoAVenueIsUnmanaged() {
		String idNumber = TestIds.resident();
		Person person = persons.createResident(new NewResident("隔离者", IdType.RESIDENT_ID, idNumber, null, GRID, "园丁社区",
				null), CITY);
		long id = registrations.registerAll(List.of(new Pushed(person.id(), person.name(), Category.CLOSE_CONTACT,
				new Placement(Placement.Kind.GRID, GRID, null), "test", null, null, null, Instant.now())), "test")
			.riskPersonIds()[0];
		verifications.complete(queries.tasksOf(id).get(0).id(), new Verification(Outcome.CONTROLLED, true, null, null, null), CITY);

		Venue mall = venues.register(new NewVenue("测试商场", "MALL_SUPERMARKET", "330784001", "解放街1号", 500, null,
				"测试商场有限公司", "张经理", "13905791111", "张经理", "13905791111"), CITY);
		String body = "{\"checkins\":[{\"venueCode\":\"" + mall.code() + "\",\"idNumber\":\"" + idNumber + "\",\"at\":\""
				+ OffsetDateTime.ofInstant(Instant.now().minusSeconds(60), clock.getZone()) + "\"}]}";
		String response = TestHttp.anonymous(port)
			.api("POST", "/api/v1/checkins", body, TestHttp.basic("admin", "admin-test-password"))
			.body();
		assertThat(response).contains("\"status\":\"RED\"").contains("\"admit\":false");

		await(() -> queries.timeline(id).stream().anyMatch(e -> e.kind().equals("SCANNED")));
		detector.detect();
		assertThat(detector.ofRiskPerson(id)).anySatisfy(v -> {
			assertThat(v.kind()).isEqualTo(Violation.Kind.SCANNED_WHILE_ISOLATED);
			assertThat(v.detail()).isEqualTo("测试商场");
			assertThat(v.resolvedAt()).isNull();
		});
	}

	@Test
	void aSentinelPharmacyBuyerGetsAVerificationTaskByRule() {
		String idNumber = TestIds.resident();
		Person buyer = persons.createResident(new NewResident("购药者", IdType.RESIDENT_ID, idNumber, "13905792222", GRID,
				"园丁社区", null), CITY);
		Venue shop = venues.register(new NewVenue("测试大药房", "PHARMACY", "330784001", "解放街2号", 30, null, "测试大药房",
				"李药师", "13905793333", "李药师", "13905793333"), CITY);
		pharmacy.record(shop.id(), new SentinelPharmacy.PurchaseForm("购药者", idNumber, "13905792222",
				List.of("ANTIPYRETIC"), 1, true, false), CITY);

		await(() -> !queries.riskPersons(new ControlQueries.RiskPersonFilter(null, null, null, buyer.id(), null, false), CITY,
				new Paging(0, 1)).items().isEmpty());
		RiskPerson risk = queries.riskPersons(new ControlQueries.RiskPersonFilter(null, null, null, buyer.id(), null, false),
				CITY, new Paging(0, 1)).items().get(0);
		assertThat(risk.category()).isEqualTo(Category.SENTINEL_BUYER);
		assertThat(risk.regionCode()).isEqualTo(GRID);
		assertThat(risk.source()).contains("ANTIPYRETIC");
		assertThat(queries.tasksOf(risk.id())).singleElement()
			.satisfies(t -> assertThat(t.kind()).isEqualTo(VerificationTask.Kind.VERIFY));
	}

	private static void await(BooleanSupplier condition) {
		Instant deadline = Instant.now().plusSeconds(20);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("condition not met in time");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
