package org.gridguard.status;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.PersonManagement;
import org.gridguard.region.Jurisdiction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing a status rule first shows how many persons would change colour, from the current facts and the changed
 * rules, without saving; confirming saves it, and exactly that many persons change colour.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RuleChangePreviewIntegrationTests {

	private static final Pattern COUNT = Pattern.compile("id=\"preview-count\">(\\d+)<");

	@LocalServerPort
	int port;

	@Autowired
	StatusManagement status;

	@Autowired
	PersonManagement persons;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@AfterEach
	void restoreTheRule() {
		status.changeRule(FactKind.PROVINCIAL_YELLOW, StatusColour.YELLOW, true, "test");
	}

	@Test
	void thePreviewCountsThePersonsWhoseColourThenChangesOnConfirm() {
		long onlyYellow = resident("预览甲");
		long alsoRed = resident("预览乙");
		long expired = resident("预览丙");
		status.assertFact(onlyYellow, FactKind.PROVINCIAL_YELLOW, "test:preview", null, clock.instant(), null);
		status.assertFact(alsoRed, FactKind.PROVINCIAL_YELLOW, "test:preview", null, clock.instant(), null);
		status.assertFact(alsoRed, FactKind.MANUAL_RED, "test:preview", null, clock.instant(), null);
		status.assertFact(expired, FactKind.PROVINCIAL_YELLOW, "test:preview", null,
				clock.instant().minus(Duration.ofDays(3)), clock.instant().minus(Duration.ofDays(1)));
		Map<Long, String> before = coloursOfPersonsWithTheFact();

		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		admin.get("/status/rules");
		HttpResponse<String> preview = admin.post("/status/rules/PROVINCIAL_YELLOW/preview",
				Map.of("colour", "RED", "enabled", "true"));
		assertThat(preview.statusCode()).isEqualTo(200);
		Matcher count = COUNT.matcher(preview.body());
		assertThat(count.find()).isTrue();
		long previewed = Long.parseLong(count.group(1));
		assertThat(previewed).isGreaterThanOrEqualTo(1);
		assertThat(preview.body()).contains("黄码 → 红码").contains("id=\"confirm-rule\"");
		// nothing is saved by the preview
		assertThat(status.current(onlyYellow).colour()).isEqualTo(StatusColour.YELLOW);
		assertThat(status.rules()).filteredOn(r -> r.kind() == FactKind.PROVINCIAL_YELLOW)
			.extracting(StatusRule::colour)
			.containsExactly(StatusColour.YELLOW);

		HttpResponse<String> confirmed = admin.post("/status/rules/PROVINCIAL_YELLOW",
				Map.of("colour", "RED", "enabled", "true"));
		assertThat(confirmed.statusCode()).isEqualTo(302);
		Map<Long, String> after = coloursOfPersonsWithTheFact();
		long changed = after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey()))).count();
		assertThat(changed).isEqualTo(previewed);
		assertThat(status.current(onlyYellow).colour()).isEqualTo(StatusColour.RED);
		assertThat(status.current(alsoRed).colour()).isEqualTo(StatusColour.RED);
		assertThat(status.current(expired).colour()).isEqualTo(StatusColour.GREEN);
		assertThat(admin.get("/status/rules").body()).contains("规则已保存，" + previewed + " 人的颜色随之改变");

		// disabling a rule is previewed the same way
		long back = Long.parseLong(matchCount(admin.post("/status/rules/PROVINCIAL_YELLOW/preview",
				Map.of("colour", "RED")).body()));
		assertThat(back).isEqualTo(status.changeRule(FactKind.PROVINCIAL_YELLOW, StatusColour.RED, false, "test"));
	}

	private static String matchCount(String body) {
		Matcher m = COUNT.matcher(body);
		assertThat(m.find()).as(body).isTrue();
		return m.group(1);
	}

	private Map<Long, String> coloursOfPersonsWithTheFact() {
		var colours = new HashMap<Long, String>();
		jdbc.sql("""
				SELECT f.person_id, coalesce(c.colour, 'GREEN') FROM (SELECT DISTINCT person_id FROM status_fact
				WHERE kind = 'PROVINCIAL_YELLOW' AND retracted_at IS NULL) f
				LEFT JOIN status_current c USING (person_id)""")
			.query((rs, i) -> colours.put(rs.getLong(1), rs.getString(2)))
			.list();
		return colours;
	}

	private long resident(String name) {
		return persons.createResident(new NewResident(name, IdType.RESIDENT_ID, TestIds.resident(), "13905790001",
				"330784001001001", name + "家", null), Jurisdiction.system()).id();
	}

}
