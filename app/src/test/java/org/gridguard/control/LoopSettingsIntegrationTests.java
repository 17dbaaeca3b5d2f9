package org.gridguard.control;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.AuditLog;
import org.gridguard.region.Jurisdiction;
import org.gridguard.response.ProfileEditing;
import org.gridguard.response.ProfileViews;
import org.gridguard.response.ResponseLevel;
import org.gridguard.response.ResponseLevels;
import org.gridguard.status.StatusColour;
import org.gridguard.status.StatusManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loop's timing and thresholds are settings of the response level's rule profile: the city admin changes them in
 * the profile of the level in force, and the loop follows: a new fever threshold, new check deadlines for schedules
 * laid out afterwards, new escalation ages. The protocols page shows the numbers in force, read-only, with a link to
 * the profile; only the city admin may change them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoopSettingsIntegrationTests {

	private static final String GRID = "330784001001001";

	private static final Jurisdiction CITY = Jurisdiction.system();

	private static final List<String> KEYS = List.of("control.check.am-due", "control.check.pm-due",
			"control.test-grace", "control.fever-threshold", "control.escalation.grid", "control.escalation.village",
			"control.escalation.town", "control.escalation.city");

	@LocalServerPort
	int port;

	@Autowired
	LoopSettingsStore settings;

	@Autowired
	ResponseLevels levels;

	@Autowired
	ProfileViews views;

	@Autowired
	ProfileEditing editing;

	@Autowired
	PersonManagement persons;

	@Autowired
	HealthChecks checks;

	@Autowired
	Registrations registrations;

	@Autowired
	Verifications verifications;

	@Autowired
	ControlQueries queries;

	@Autowired
	UnmanagedDetector detector;

	@Autowired
	StatusManagement status;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private ResponseLevel level;

	private Map<String, String> before;

	@BeforeEach
	void rememberTheProfile() {
		level = levels.current().level();
		before = new LinkedHashMap<>();
		views.entries(level).stream().filter(e -> KEYS.contains(e.setting().key()))
			.forEach(e -> before.put(e.setting().key(), e.value()));
	}

	@AfterEach
	void restoreTheProfile() {
		// every integration test shares this application context: leave the loop as the others expect it
		editing.edit(level, before, "test");
	}

	@Test
	void theCityAdminChangesTheSettingsInTheProfileInForceAndTheLoopFollows() {
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		HttpResponse<String> saved = admin.postRaw("/response/profiles/" + level.name(),
				form("v.control.check.am-due", "08:30", "v.control.check.pm-due", "20:00", "v.control.test-grace", "6",
						"v.control.fever-threshold", "37.8", "v.control.escalation.grid", "0",
						"v.control.escalation.village", "30", "v.control.escalation.town", "90",
						"v.control.escalation.city", "180"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(settings.settings()).isEqualTo(new LoopSettings(LocalTime.of(8, 30), LocalTime.of(20, 0),
				Duration.ofHours(6), 37.8, List.of(Duration.ZERO, Duration.ofMinutes(30), Duration.ofMinutes(90),
						Duration.ofMinutes(180))));
		String page = admin.get("/control/protocols").body();
		assertThat(page).contains("id=\"loop-am\">08:30<").contains("id=\"loop-fever\">37.8<")
			.contains("href=\"/response/profiles/" + level.name() + "\"")
			.doesNotContain("id=\"settings-form\"");
		assertThat(audit.forSubject("response_profile", level.name(), 20))
			.anySatisfy(e -> assertThat(e.detail()).startsWith("control.fever-threshold: ").endsWith(" -> 37.8"));

		// 37.5 ℃ was a fever under the default 37.3, and is not any more; 37.8 is
		Person person = resident("参数甲");
		long id = push(person);
		verifications.complete(openTask(id).id(), new Verification(Outcome.CONTROLLED, true, null, null, null), CITY);
		checks.recordCheck(id, "AM", 37.5, null, "WORKER", "grid");
		assertThat(status.current(person.id()).colour()).isEqualTo(StatusColour.GREEN);
		checks.recordCheck(id, "PM", 37.8, null, "WORKER", "grid");
		assertThat(status.current(person.id()).colour()).isEqualTo(StatusColour.YELLOW);
		assertThat(queries.timeline(id)).extracting(ControlQueries.TimelineEntry::kind)
			.containsSubsequence("CHECK_RECORDED", "FEVER");

		// the schedule laid out under the new settings has the new deadlines
		assertThat(queries.schedule(id)).filteredOn(i -> !i.day().equals(java.time.LocalDate.now(clock)))
			.isNotEmpty()
			.allSatisfy(i -> {
				LocalTime due = i.dueAt().atZone(clock.getZone()).toLocalTime();
				switch (i.slot()) {
					case "AM" -> assertThat(due).isEqualTo(LocalTime.of(8, 30));
					case "PM" -> assertThat(due).isEqualTo(LocalTime.of(20, 0));
					default -> assertThat(due).isEqualTo(LocalTime.of(6, 0)); // the test day's end plus 6 h
				}
			});

		// a violation 100 minutes old has reached the town (after 90 min), not yet the city (180 min)
		long violation = jdbc.sql("""
				INSERT INTO control_violation (risk_person_id, kind, ref, region_code, since, found_at)
				VALUES (?, 'CHECK_MISSING', 'settings-test', ?, ?, ?) RETURNING id""")
			.params(id, GRID, java.sql.Timestamp.from(Instant.now().minus(Duration.ofMinutes(100))),
					java.sql.Timestamp.from(Instant.now()))
			.query(Long.class)
			.single();
		detector.escalate();
		assertThat(detector.ofRiskPerson(id)).filteredOn(v -> v.id() == violation)
			.singleElement()
			.satisfies(v -> assertThat(v.escalationLevel()).isEqualTo(3));

		// empty values go back to the defaults
		var empty = new StringBuilder("x=1");
		KEYS.forEach(k -> empty.append("&v.").append(k).append('='));
		admin.postRaw("/response/profiles/" + level.name(), empty.toString());
		assertThat(views.entries(level)).filteredOn(e -> KEYS.contains(e.setting().key()))
			.hasSize(KEYS.size())
			.noneMatch(ProfileViews.Entry::customised);
		assertThat(settings.settings().feverThreshold()).isEqualTo(37.3);
	}

	@Test
	void onlyTheCityAdminMayChangeThemAndEveryoneInTheLoopSeesThem() {
		String valid = form("v.control.fever-threshold", "38.0");
		for (String username : List.of("cdc", "town", "grid")) {
			TestHttp other = TestHttp.signedIn(port, username, "demo-test-password");
			assertThat(other.postRaw("/response/profiles/" + level.name(), valid).statusCode()).as(username)
				.isEqualTo(403);
		}
		assertThat(settings.settings().feverThreshold()).isEqualTo(37.3);
		String seen = TestHttp.signedIn(port, "grid", "demo-test-password").get("/control/protocols").body();
		assertThat(seen).contains("id=\"loop-settings\"").contains("id=\"category-rules\"")
			.contains("id=\"loop-fever\">37.3<")
			.doesNotContain("id=\"protocol-form\"");
	}

	private static String form(String... pairs) {
		var body = new StringBuilder();
		for (int i = 0; i < pairs.length; i += 2) {
			if (!body.isEmpty()) {
				body.append('&');
			}
			body.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return body.toString();
	}

	private Person resident(String name) {
		return persons.createResident(new NewResident(name, IdType.RESIDENT_ID, TestIds.resident(), "13905790000", GRID,
				name + "家", null), CITY);
	}

	private long push(Person person) {
		return registrations.registerAll(List.of(new Pushed(person.id(), person.name(), Category.GENERAL_CONTACT,
				new Placement(Placement.Kind.GRID, person.regionCode(), null), "test", null, null, null, Instant.now())),
				"test").riskPersonIds()[0];
	}

	private VerificationTask openTask(long riskPersonId) {
		return queries.tasksOf(riskPersonId).stream().filter(t -> t.state().open()).findFirst().orElseThrow();
	}

}
