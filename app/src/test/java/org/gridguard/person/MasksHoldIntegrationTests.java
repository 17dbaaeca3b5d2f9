package org.gridguard.person;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.gridguard.MaskCompletions;
import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.control.ControlQueries;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.gridguard.shared.IdNumber;
import org.gridguard.shared.Paging;
import org.gridguard.tracing.Candidate;
import org.gridguard.tracing.ClassificationRule;
import org.gridguard.tracing.Investigation;
import org.gridguard.tracing.InvestigationManagement;
import org.gridguard.tracing.TracingIndex;
import org.gridguard.venue.NewVenue;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A masked identity number cannot be completed from anything else the same reader gets: for each reader, every page
 * and API answer that shows a person's mask is read together with everything the reader learns about the birth date
 * anywhere, and the valid numbers that still agree with it all are counted (address code and gender taken as known).
 * A person who lives in a grid is a resident there, a close contact of a case (so a risk person with a task, and a
 * candidate in the investigation and its graph) and a visitor of a venue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MasksHoldIntegrationTests {

	/** Fewer candidates than this and a reader could try them all through an identifying search. */
	private static final long ENOUGH = 1_000;

	private static final String GRID = "330784001001001"; // the demo grid worker "grid"

	private static final Pattern MASK = Pattern.compile("(?<![0-9X*])[0-9X*]{18}(?![0-9X*])");

	private static final Jurisdiction CITY = Jurisdiction.system();

	@LocalServerPort
	int port;

	@Autowired
	PersonManagement persons;

	@Autowired
	VenueManagement venues;

	@Autowired
	TracingIndex index;

	@Autowired
	InvestigationManagement investigations;

	@Autowired
	ControlQueries control;

	@Autowired
	Clock clock;

	private static Person contact;

	private static String contactNumber;

	private static long investigationId;

	private static long venueId;

	@BeforeEach
	void aContactOfACaseOnce() {
		if (contact != null) {
			return;
		}
		Person casePerson = persons.createResident(new NewResident("掩码病例", IdType.RESIDENT_ID, TestIds.resident(), null,
				"330784003001001", "江南某路1号", null), CITY);
		contactNumber = TestIds.resident();
		contact = persons.createResident(new NewResident("掩码密接", IdType.RESIDENT_ID, contactNumber, "13905795555", GRID,
				"园丁某幢2号", null), CITY);
		Venue venue = venues.register(new NewVenue("掩码测试商场", "MALL_SUPERMARKET", "330784001", "测试路3号", 500, null, "公司",
				"经理", "13905790003", "经理", "13905790003"), CITY);
		venueId = venue.id();
		Instant t0 = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		checkIn(venue, persons.idNumberOf(casePerson.id()).orElseThrow(), t0, t0.plusSeconds(3600));
		checkIn(venue, contactNumber, t0.plusSeconds(60), t0.plusSeconds(3000));
		index.flush();
		Jurisdiction cdc = new Jurisdiction("cdc", Role.EPIDEMIOLOGIST, "330784", null, null, null);
		Investigation investigation = investigations.openManually(casePerson.id(), LocalDate.now(clock), cdc);
		investigationId = investigation.id();
		investigations.classify(investigationId, new ClassificationRule(null, null, null, null,
				Candidate.Classification.CLOSE_CONTACT, false), cdc);
		investigations.confirm(investigationId, cdc);
		await(() -> !control.riskPersons(new ControlQueries.RiskPersonFilter(null, null, null, contact.id(), null, false),
				CITY, new Paging(0, 1)).items().isEmpty());
	}

	@Test
	void theGridWorkerCannotCompleteTheMaskFromTheirPagesAndApi() {
		TestHttp worker = TestHttp.signedIn(port, "grid", "demo-test-password");
		String auth = TestHttp.basic("grid", "demo-test-password");
		var places = new LinkedHashMap<String, String>();
		places.put("person list API", ok(worker.api("GET", "/api/v1/persons?q=" + enc("掩码密接"), null, auth)));
		places.put("person API", ok(worker.api("GET", "/api/v1/persons/" + contact.id(), null, auth)));
		places.put("resident list", ok(worker.get("/residents?q=" + enc("掩码密接"))));
		places.put("resident page", ok(worker.get("/residents/" + contact.id())));
		places.put("household page", ok(worker.get("/residents/households/" + contact.householdId())));
		places.put("risk person API", ok(worker.api("GET", "/api/v1/risk-persons?size=500", null, auth)));
		places.put("risk person list", ok(worker.get("/control/risk-persons")));
		assertMasksHold(places);
	}

	@Test
	void theEpidemiologistCannotCompleteTheMaskFromCandidatesGraphAndPersons() {
		TestHttp cdc = TestHttp.signedIn(port, "cdc", "demo-test-password");
		String auth = TestHttp.basic("cdc", "demo-test-password");
		var places = new LinkedHashMap<String, String>();
		places.put("candidates", ok(cdc.get("/tracing/investigations/" + investigationId)));
		places.put("person API", ok(cdc.api("GET", "/api/v1/persons/" + contact.id(), null, auth)));
		places.put("resident page", ok(cdc.get("/residents/" + contact.id())));
		places.put("risk person API", ok(cdc.api("GET", "/api/v1/risk-persons?size=500&grid=" + GRID, null, auth)));
		assertMasksHold(places);
		assertNothingIdentifying("graph", ok(cdc.get("/tracing/investigations/" + investigationId + "/graph.json")));
		assertNothingIdentifying("graph API",
				ok(cdc.api("GET", "/api/v1/investigations/" + investigationId + "/graph", null, auth)));
	}

	@Test
	void theCityAdminCannotCompleteTheMaskFromTheVisitorLogAndPersons() {
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		String auth = TestHttp.basic("admin", "admin-test-password");
		LocalDate today = LocalDate.now(clock);
		var places = new LinkedHashMap<String, String>();
		places.put("visitor log", ok(admin.get("/venues/" + venueId + "/visits?from=" + today.minusDays(1) + "&to=" + today)));
		places.put("person list API", ok(admin.api("GET", "/api/v1/persons?q=" + enc("掩码密接"), null, auth)));
		places.put("resident page", ok(admin.get("/residents/" + contact.id())));
		places.put("risk person list", ok(admin.get("/control/risk-persons?region=" + GRID)));
		assertMasksHold(places);
	}

	@Test
	void theFullBirthDateShowsOnlyWithTheFullNumberAfterTheAuditedClick() {
		TestHttp worker = TestHttp.signedIn(port, "grid", "demo-test-password");
		String page = ok(worker.get("/residents/" + contact.id()));
		LocalDate born = new IdNumber(contactNumber).birthDate();
		assertThat(page).contains(born.getYear() + "年生").doesNotContain(born.toString());
		String revealed = ok(worker.post("/residents/" + contact.id() + "/reveal", Map.of()));
		assertThat(revealed).contains(contactNumber).contains(born.toString());
	}

	/**
	 * Every place shows the person's mask, and each mask, with the most any place tells about the birth date, still
	 * stands for enough numbers; no place shows the full number.
	 */
	private void assertMasksHold(Map<String, String> places) {
		LocalDate born = new IdNumber(contactNumber).birthDate();
		boolean dateShown = places.values().stream().anyMatch(body -> showsBirthDate(body, born));
		var soft = new SoftAssertions();
		places.forEach((place, body) -> {
			soft.assertThat(body).as("%s shows the full number", place).doesNotContain(contactNumber);
			List<String> masks = masksOf(body);
			soft.assertThat(masks).as("%s shows the person's mask", place).isNotEmpty();
			for (String mask : masks) {
				long candidates = dateShown ? MaskCompletions.withBirthDate(mask, contactNumber, born)
						: MaskCompletions.withBirthYear(mask, contactNumber, born.getYear());
				soft.assertThat(candidates)
					.as("%s: numbers agreeing with %s and the birth %s shown to the same reader", place, mask,
							dateShown ? "date" : "year")
					.isGreaterThanOrEqualTo(ENOUGH);
			}
		});
		soft.assertAll();
	}

	private void assertNothingIdentifying(String place, String body) {
		LocalDate born = new IdNumber(contactNumber).birthDate();
		assertThat(body).as(place).doesNotContain(contactNumber);
		assertThat(masksOf(body)).as(place).isEmpty();
		assertThat(showsBirthDate(body, born)).as("%s shows the birth date", place).isFalse();
	}

	/** The masked forms of the contact's number in a body: 18 characters with stars, agreeing where they show any. */
	private static List<String> masksOf(String body) {
		var masks = new ArrayList<String>();
		Matcher m = MASK.matcher(body);
		while (m.find()) {
			String token = m.group();
			boolean agrees = token.indexOf('*') >= 0;
			for (int i = 0; i < 18 && agrees; i++) {
				agrees = token.charAt(i) == '*' || token.charAt(i) == contactNumber.charAt(i);
			}
			if (agrees) {
				masks.add(token);
			}
		}
		return masks;
	}

	private static boolean showsBirthDate(String body, LocalDate born) {
		return body.contains(born.toString()) || body.contains(born.toString().replace("-", "/"))
				|| body.replace(contactNumber, "").contains(born.toString().replace("-", ""))
				|| body.contains(born.getYear() + "年" + born.getMonthValue() + "月" + born.getDayOfMonth() + "日");
	}

	private static String ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private void checkIn(Venue venue, String idNumber, Instant at, Instant leftAt) {
		String body = "{\"checkins\":[{\"venueCode\":\"" + venue.code() + "\",\"idNumber\":\"" + idNumber + "\",\"at\":\""
				+ OffsetDateTime.ofInstant(at, clock.getZone()) + "\",\"leftAt\":\""
				+ OffsetDateTime.ofInstant(leftAt, clock.getZone()) + "\"}]}";
		assertThat(TestHttp.anonymous(port)
			.api("POST", "/api/v1/checkins", body, TestHttp.basic("admin", "admin-test-password"))
			.body()).contains("\"accepted\":1");
	}

	private static void await(BooleanSupplier condition) {
		Instant deadline = Instant.now().plusSeconds(30);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("condition not met in time");
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
