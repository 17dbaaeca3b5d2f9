package org.gridguard.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.gridguard.Browser;
import org.gridguard.account.AccountManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages a grid worker, a venue desk and site staff open on a phone fit a 390 px screen: nothing is wider than the
 * screen, and lists are drawn as cards, each value labelled with its column.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PhoneLayoutBrowserIntegrationTests {

	private static final int PHONE = 390;

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Clock clock;

	ChromeDriver browser;

	@BeforeEach
	void openPhone() {
		browser = Browser.open(PHONE, 844);
	}

	@AfterEach
	void closeBrowser() {
		browser.quit();
	}

	@Test
	void aGridWorkersPagesFitAPhoneWithListsAsCards() {
		Browser.signIn(browser, port, "grid", "demo-test-password");
		fits("/", false);
		fits("/residents", true);
		fits("/residents/grids/330784001001001", true);
		fits("/control/tasks", false);
		fits("/control/unmanaged", true);
		fits("/control/risk-persons", true);
	}

	@Test
	void aVenueDesksPagesFitAPhoneWithListsAsCards() {
		long venue = accounts.find("venue").orElseThrow().venueId();
		Browser.signIn(browser, port, "venue", "demo-test-password");
		fits("/", false);
		fits("/venues/" + venue, false);
		fits("/venues/" + venue + "/visits?from=" + LocalDate.now(clock).minusDays(3), true);
		fits("/venues/" + venue + "/staff", true);
		fits("/venues/" + venue + "/desk", false);
	}

	@Test
	void siteStaffPagesFitAPhone() {
		long site = accounts.find("site").orElseThrow().siteId();
		Browser.signIn(browser, port, "site", "demo-test-password");
		fits("/", false);
		fits("/quarantine/sites/" + site, false);
		fits("/quarantine/sites/" + site + "/residents", false);
	}

	/** Nothing wider than the phone; with {@code cards}, the page's list is drawn as labelled cards. */
	private void fits(String path, boolean cards) {
		browser.get("http://localhost:" + port + path);
		assertThat(browser.getCurrentUrl()).as(path).doesNotContain("/login");
		assertThat(browser.findElements(By.cssSelector("main, .gg-main"))).as(path).isNotEmpty();
		long width = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
		assertThat(width).as(() -> path + " is wider than the phone: " + browser.executeScript("""
				return Array.from(document.querySelectorAll('body *'))
					.filter(e => e.getBoundingClientRect().right > arguments[0] + 0.5)
					.slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id).join(' | ')""", PHONE))
			.isLessThanOrEqualTo(PHONE);
		if (cards) {
			List<WebElement> rows = browser.findElements(By.cssSelector("table.gg-cards > tbody > tr"));
			assertThat(rows).as(path + " has rows").isNotEmpty();
			WebElement row = rows.get(0);
			assertThat(row.getCssValue("display")).as(path).isEqualTo("block");
			assertThat(browser.findElement(By.cssSelector("table.gg-cards > thead")).isDisplayed()).as(path).isFalse();
			assertThat(row.findElements(By.cssSelector("td[data-label]"))).as(path + " cells are labelled").isNotEmpty();
		}
	}

}
