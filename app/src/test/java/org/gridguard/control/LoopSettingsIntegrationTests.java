package org.gridguard.control;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.AuditLog;
import org.gridguard.region.Jurisdiction;
import org.gridguard.status.StatusColour;
import org.gridguard.status.StatusManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city admin changes the loop's timing and thresholds on the protocols page, and the loop follows: a new fever
 * threshold, new check deadlines for schedules laid out afterwards, new escalation ages. Bad values are refused field
 * by field with what was typed kept; only the city admin may change them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoopSettingsIntegrationTests {

	private static final String GRID = "330784001001001";

	private static final Jurisdiction CITY = Jurisdiction.system();

	@LocalServerPort
	int port;

	@Autowired
	LoopSettingsStore settings;

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

	@AfterEach
	void backToDefaults() {
		// every integration test shares this application context: leave the loop as the others expect it
		settings.reset("test");
	}

	@Test
	void theCityAdminChangesTheSettingsAndTheLoopFollows() {
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		HttpResponse<String> saved = admin.postRaw("/control/protocols/settings",
				form("amDue", "08:30", "pmDue", "20:00", "testGraceHours", "6", "feverThreshold", "37.8", "escalation", "0",
						"escalation", "30", "escalation", "90", "escalation", "180"));
		assertThat(saved.statusCode()).isEqualTo(302);
		String page = admin.get("/control/protocols").body();
		assertThat(page).contains("管控参数已保存").contains("由 admin 于").contains("value=\"37.8\"").contains("value=\"08:30\"");
		assertThat(settings.settings()).isEqualTo(new LoopSettings(LocalTime.of(8, 30), LocalTime.of(20, 0),
				Duration.ofHours(6), 37.8, List.of(Duration.ZERO, Duration.ofMinutes(30), Duration.ofMinutes(90),
						Duration.ofMinutes(180))));
		assertThat(audit.forSubject("control_loop_settings", "1", 5)).first()
			.satisfies(e -> assertThat(e.detail()).contains("fever ≥ 37.8"));

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

		admin.postRaw("/control/protocols/settings/reset", "x=1");
		assertThat(settings.settings()).isEqualTo(settings.defaults());
		assertThat(admin.get("/control/protocols").body()).contains("当前为系统默认值");
	}

	@Test
	void badValuesAreRefusedFieldByFieldAndWhatWasTypedStays() {
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		admin.postRaw("/control/protocols/settings", form("amDue", "25:00", "pmDue", "21:00", "testGraceHours", "abc",
				"feverThreshold", "41", "escalation", "0", "escalation", "60", "escalation", "30", "escalation", "2.5"));
		String page = admin.get("/control/protocols").body();
		assertThat(page).contains("<strong>amDue</strong>: <span>“25:00”不是有效时间")
			.contains("<strong>testGraceHours</strong>: <span>“abc”不是数字")
			.contains("<strong>feverThreshold</strong>: <span>应在 36.5 到 39.0 之间")
			.contains("<strong>escalation[2]</strong>: <span>不能早于上一级的时限")
			.contains("<strong>escalation[3]</strong>: <span>应为整数分钟")
			.doesNotContain("<strong>pmDue</strong>")
			.contains("value=\"abc\"")
			.contains("value=\"25:00\"");
		assertThat(settings.settings()).isEqualTo(settings.defaults());

		admin.postRaw("/control/protocols/settings", form("amDue", "21:00", "pmDue", "12:00", "testGraceHours", "12",
				"feverThreshold", "37.3", "escalation", "0", "escalation", "60", "escalation", "120"));
		assertThat(admin.get("/control/protocols").body()).contains("<strong>pmDue</strong>: <span>下午打卡截止应晚于上午打卡截止")
			.contains("<strong>escalation[3]</strong>: <span>必填");
		assertThat(settings.settings()).isEqualTo(settings.defaults());

		// a category's deadline that is not a number is named too, not a bare "bad request"
		var refused = admin.postRaw("/control/protocols/categories/CLOSE_CONTACT",
				form("protocolId", "v9_close_contact", "ackHours", "两小时", "verifyHours", "24"));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(admin.get("/control/protocols").body()).contains("<strong>ackHours</strong>: <span>时限应在 0 到 720 小时之间");
	}

	@Test
	void onlyTheCityAdminMayChangeThem() {
		String valid = form("amDue", "09:00", "pmDue", "20:00", "testGraceHours", "12", "feverThreshold", "37.3",
				"escalation", "0", "escalation", "60", "escalation", "120", "escalation", "240");
		for (String username : List.of("cdc", "town", "grid")) {
			TestHttp other = TestHttp.signedIn(port, username, "demo-test-password");
			assertThat(other.postRaw("/control/protocols/settings", valid).statusCode()).as(username).isEqualTo(403);
			assertThat(other.postRaw("/control/protocols/settings/reset", "x=1").statusCode()).as(username).isEqualTo(403);
		}
		assertThat(settings.settings()).isEqualTo(settings.defaults());
		String seen = TestHttp.signedIn(port, "grid", "demo-test-password").get("/control/protocols").body();
		assertThat(seen).contains("id=\"loop-settings\"").contains("id=\"category-rules\"")
			.doesNotContain("id=\"settings-save\"").doesNotContain("id=\"protocol-form\"");
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
