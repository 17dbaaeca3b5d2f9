package org.gridguard.venue.web;

import java.time.Duration;
import java.util.List;

import org.gridguard.Browser;
import org.gridguard.region.Jurisdiction;
import org.gridguard.venue.NewVenue;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueFixtures;
import org.gridguard.venue.VenueManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor on a phone-sized screen opens the venue's scan page, is told what is wrong with a mistyped identity
 * number, checks in with a companion, sees the live status screen, and next time checks in with one tap because the
 * phone remembers them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ScanPageBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	VenueManagement venues;

	@Autowired
	ScanRateLimiter limiter;

	private ChromeDriver browser;

	@BeforeEach
	void openPhone() {
		limiter.clear();
		browser = Browser.open(390, 844);
	}

	@AfterEach
	void close() {
		browser.quit();
	}

	@Test
	void aVisitorChecksInWithACompanionAndIsRememberedOnThePhone() {
		Venue venue = venues.register(new NewVenue("浏览器测试商场", "MALL_SUPERMARKET", "330784001001001", "园丁社区 2 号", 200,
				null, null, null, null, "负责人", "13800003333"), Jurisdiction.system());
		String[] wrong = VenueFixtures.withWrongCheck();
		String id = wrong[0].substring(0, 17) + wrong[1];
		var wait = new WebDriverWait(browser, Duration.ofSeconds(10));

		browser.get("http://localhost:" + port + "/s/" + venue.code());
		assertThat(browser.findElement(By.id("scan-venue")).getText()).isEqualTo("浏览器测试商场");
		browser.findElement(By.id("visitor-name")).sendKeys("应晓东");
		browser.findElement(By.id("visitor-id")).sendKeys(wrong[0]);
		browser.findElement(By.id("visitor-phone")).sendKeys("13905791111");
		browser.findElement(By.id("add-companion")).click();
		browser.findElement(By.id("companion-name")).sendKeys("应秀英");
		browser.findElement(By.id("companion-id")).sendKeys(VenueFixtures.idNumber());
		browser.findElement(By.id("companion-save")).click();
		assertThat(browser.findElement(By.id("companion-0")).isSelected()).isTrue();
		browser.findElement(By.id("scan-submit")).click();

		WebElement idError = browser.findElement(By.cssSelector("[data-error-for=idNumber]"));
		wait.until(d -> !idError.getText().isBlank());
		assertThat(idError.getText()).isEqualTo("身份证号校验位错误：最后一位应为 " + wrong[1]);
		assertThat(browser.findElement(By.id("visitor-name")).getAttribute("value")).isEqualTo("应晓东");

		browser.findElement(By.id("visitor-id")).clear();
		browser.findElement(By.id("visitor-id")).sendKeys(id);
		browser.findElement(By.id("scan-submit")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scan-result")));
		List<WebElement> screens = browser.findElements(By.cssSelector("#screens .venue-screen"));
		assertThat(screens).hasSize(2);
		assertThat(screens.get(0).getAttribute("class")).contains("venue-screen-GREEN");
		assertThat(screens.get(0).findElement(By.cssSelector("[data-field=verdict]")).getText()).isEqualTo("绿码 · 通行");
		assertThat(screens.get(0).findElement(By.cssSelector("[data-field=name]")).getText()).isEqualTo("应*东");
		assertThat(screens.get(1).findElement(By.cssSelector("[data-field=name]")).getText()).isEqualTo("应*英");
		assertThat(screens.get(0).findElement(By.cssSelector("[data-field=venue]")).getText()).isEqualTo("浏览器测试商场");
		WebElement clock = screens.get(0).findElement(By.cssSelector("[data-live-clock]"));
		String shown = clock.getText();
		assertThat(shown).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
		wait.until(d -> !clock.getText().equals(shown));
		assertThat(browser.findElement(By.cssSelector(".venue-screen-motion")).getCssValue("animation-name"))
			.isEqualTo("venue-sweep");
		assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);

		// next time: one tap
		browser.get("http://localhost:" + port + "/s/" + venue.code());
		assertThat(browser.findElement(By.id("remembered")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("remembered-name")).getText()).isEqualTo("应*东");
		assertThat(browser.findElement(By.id("visitor-fields")).isDisplayed()).isFalse();
		browser.findElement(By.id("scan-submit")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scan-result")));
		assertThat(browser.findElements(By.cssSelector("#screens .venue-screen"))).hasSize(1);
		assertThat(venues.todayCounts(venue.id())[0]).isEqualTo(3);

		browser.findElement(By.id("scan-again")).click();
		browser.findElement(By.id("lang-en")).click();
		assertThat(browser.findElement(By.id("scan-submit")).getText()).isEqualTo("Check in and show status");
	}

}
