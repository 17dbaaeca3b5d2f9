package org.gridguard.quarantine;

import java.time.Clock;

import org.gridguard.Browser;
import org.gridguard.control.ControlQueries;
import org.gridguard.control.Registrations;
import org.gridguard.control.Verifications;
import org.gridguard.person.PersonManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone-sized screen, a member of a site's staff opens their site, goes to the residents' checks and records a
 * resident's morning temperature in a few taps; the control loop has it as a check by the site.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SiteCheckBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PersonManagement persons;

	@Autowired
	Registrations registrations;

	@Autowired
	Verifications verifications;

	@Autowired
	ControlQueries control;

	@Autowired
	SiteRegistry registry;

	@Autowired
	SiteQueries queries;

	@Autowired
	Admissions admissions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private ChromeDriver browser;

	@BeforeEach
	void openBrowser() {
		browser = Browser.open(390, 844);
	}

	@AfterEach
	void closeBrowser() {
		browser.quit();
	}

	@Test
	void aStaffMemberRecordsAResidentsMorningCheckOnAPhone() {
		var fixtures = new QuarantineFixtures(persons, registrations, verifications, control, registry, queries, jdbc,
				clock);
		Site site = fixtures.site("1201:SINGLE:1", "1202:SINGLE:1");
		var staff = fixtures.staffOf(site, "qphone1");
		long id = fixtures.centrallyIsolated("手机测温");
		var admitted = admissions.admit(fixtures.pendingTransfer(id).id(), site.id(), "1202", null, staff);

		Browser.signIn(browser, port, "qphone1", QuarantineFixtures.STAFF_PASSWORD);
		browser.get("http://localhost:" + port + "/quarantine");
		assertThat(browser.findElement(By.id("site-name")).getText()).isEqualTo(site.name());
		tap(browser.findElement(By.id("residents-link")));

		WebElement card = browser.findElement(By.id("stay-" + admitted.stayId()));
		assertThat(card.findElement(By.cssSelector(".resident-name")).getText()).isEqualTo("手机测温");
		tap(card.findElement(By.cssSelector("label[for=am-" + admitted.stayId() + "]")));
		card.findElement(By.cssSelector(".temperature")).sendKeys("36.6");
		tap(card.findElement(By.cssSelector(".record-check")));

		assertThat(browser.findElement(By.id("check-saved")).getText()).isEqualTo("1202 房间已登记");
		assertThat(browser.findElement(By.id("stay-" + admitted.stayId())).findElement(By.cssSelector(".check-am")).getText())
			.isEqualTo("36.6℃");
		assertThat(control.checks(id)).singleElement().satisfies(c -> {
			assertThat(c.slot()).isEqualTo("AM");
			assertThat(c.temperature()).isEqualTo(36.6);
			assertThat(c.via()).isEqualTo("SITE");
			assertThat(c.recordedBy()).isEqualTo("qphone1");
		});
	}

	/** A finger tap: the element is scrolled to the middle of the small screen first. */
	private void tap(WebElement element) {
		Browser.click(browser, element);
	}

}
