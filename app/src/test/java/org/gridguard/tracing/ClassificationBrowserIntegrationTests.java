package org.gridguard.tracing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.gridguard.Browser;
import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.person.IdDocument;
import org.gridguard.person.IdType;
import org.gridguard.person.PersonManagement;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.gridguard.venue.NewVenue;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An epidemiologist classifies a case's co-present persons in bulk by rule, in a real browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ClassificationBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	VenueManagement venues;

	@Autowired
	PersonManagement persons;

	@Autowired
	TracingIndex index;

	@Autowired
	InvestigationManagement investigations;

	@Autowired
	Clock clock;

	private ChromeDriver browser;

	@BeforeEach
	void openBrowser() {
		browser = Browser.open(1280, 1000);
	}

	@AfterEach
	void closeBrowser() {
		browser.quit();
	}

	@Test
	void anEpidemiologistClassifiesTheLongStaysAsCloseContactsWithOneRule() {
		Venue venue = venues.register(new NewVenue("批量判定商场", "MALL_SUPERMARKET", "330784001", "测试路8号", 800, null, "公司",
				"经理", "13905790002", "经理", "13905790002"), Jurisdiction.system());
		String caseId = TestIds.visitor();
		Instant t0 = Instant.now().minus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		checkIn(venue, caseId, t0, t0.plusSeconds(7200));
		for (int i = 0; i < 5; i++) {
			checkIn(venue, TestIds.visitor(), t0.plusSeconds(60), t0.plusSeconds(60 + 1800 + i * 60)); // ≥ 30 min
		}
		for (int i = 0; i < 3; i++) {
			checkIn(venue, TestIds.visitor(), t0.plusSeconds(600), t0.plusSeconds(900)); // 5 min
		}
		index.flush();
		long casePerson = persons.findByDocument(new IdDocument(IdType.RESIDENT_ID, caseId)).orElseThrow().id();
		Investigation investigation = investigations.openManually(casePerson, LocalDate.now(clock),
				new Jurisdiction("cdc", Role.EPIDEMIOLOGIST, "330784", null, null, null));

		Browser.signIn(browser, port, "cdc", "demo-test-password");
		browser.get("http://localhost:" + port + "/tracing/investigations/" + investigation.id());
		assertThat(browser.findElements(By.id("count-PROPOSED")))
			.as("the investigation's page, not: %s", browser.findElement(By.tagName("body")).getText())
			.isNotEmpty();
		assertThat(browser.findElement(By.id("count-PROPOSED")).getText()).isEqualTo("8");
		assertThat(browser.findElement(By.id("venues")).getText()).contains("批量判定商场");

		new Select(browser.findElement(By.name("venueId"))).selectByVisibleText("批量判定商场");
		browser.findElement(By.name("minOverlapMinutes")).sendKeys("15");
		new Select(browser.findElement(By.id("rule-target"))).selectByValue("CLOSE_CONTACT");
		browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
				browser.findElement(By.id("apply-rule")));
		browser.findElement(By.id("apply-rule")).click();

		assertThat(browser.findElement(By.id("tracing-message")).getText()).isEqualTo("已判定 5 人");
		assertThat(browser.findElement(By.id("count-CLOSE_CONTACT")).getText()).isEqualTo("5");
		assertThat(browser.findElement(By.id("count-PROPOSED")).getText()).isEqualTo("3");
		assertThat(browser.findElement(By.id("candidates")).getText()).contains("在批量判定商场，重叠 ≥ 15 分钟 → 密接（cdc）");
	}

	private void checkIn(Venue venue, String idNumber, Instant at, Instant leftAt) {
		String body = "{\"checkins\":[{\"venueCode\":\"" + venue.code() + "\",\"idNumber\":\"" + idNumber + "\",\"at\":\""
				+ OffsetDateTime.ofInstant(at, clock.getZone()) + "\",\"leftAt\":\"" + OffsetDateTime.ofInstant(leftAt, clock.getZone())
				+ "\"}]}";
		assertThat(TestHttp.anonymous(port)
			.api("POST", "/api/v1/checkins", body, TestHttp.basic("admin", "admin-test-password"))
			.body()).contains("\"accepted\":1");
	}

}
