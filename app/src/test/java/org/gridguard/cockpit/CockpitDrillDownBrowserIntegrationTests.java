package org.gridguard.cockpit;

import java.time.Duration;

import org.gridguard.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser, the city command lands on the cockpit, sees the trends and the heat of the towns drawn and the
 * alert feed loaded, drills down by clicks from the city through a town and a village to a grid, and the grid's number
 * of risk persons under control is the total of the list it links to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CockpitDrillDownBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private ChromeDriver browser;

	@BeforeEach
	void openBrowser() {
		browser = Browser.open(1400, 1000);
	}

	@AfterEach
	void closeBrowser() {
		browser.quit();
	}

	@Test
	void theCityCommandDrillsDownFromTheCityToAGridAndEveryNumberLeadsToItsList() {
		String grid = jdbc.sql("""
				SELECT region_code FROM control_risk_person WHERE length(region_code) = 15
				AND state IN ('PENDING', 'CONTROLLED', 'READY_FOR_RELEASE', 'NOT_FOUND')
				GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1""").query(String.class).single();
		Browser.signIn(browser, port, "admin", "admin-test-password");
		var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		// the city command's home is its to-do list, with the cockpit one click away
		Browser.click(browser, browser.findElement(By.id("home-cockpit")));
		assertThat(browser.findElement(By.id("cockpit-region")).getText()).isEqualTo("永康市");
		wait.until(b -> "14".equals(b.findElement(By.id("trend-chart")).getDomAttribute("data-days")));
		Browser.click(browser, browser.findElement(By.cssSelector("#trend-days [data-days='28']")));
		wait.until(b -> "28".equals(b.findElement(By.id("trend-chart")).getDomAttribute("data-days")));
		wait.until(b -> "14".equals(b.findElement(By.id("heat-map")).getDomAttribute("data-tiles")));
		wait.until(b -> !b.findElements(By.id("feed-items")).isEmpty());

		Browser.click(browser, browser.findElement(By.id("drill-" + grid.substring(0, 9))));
		wait.until(b -> b.getCurrentUrl().endsWith("region=" + grid.substring(0, 9)));
		Browser.click(browser, browser.findElement(By.id("drill-" + grid.substring(0, 12))));
		wait.until(b -> b.getCurrentUrl().endsWith("region=" + grid.substring(0, 12)));
		Browser.click(browser, browser.findElement(By.id("drill-" + grid)));
		wait.until(b -> b.getCurrentUrl().endsWith("region=" + grid));
		assertThat(browser.findElement(By.id("cockpit-region")).getText()).contains("网格");
		assertThat(browser.findElements(By.cssSelector("#cockpit-path a"))).hasSize(3);
		assertThat(browser.findElements(By.id("heat"))).isEmpty();

		String shown = browser.findElement(By.cssSelector("#fig-riskPersons-total .gg-stat")).getText();
		assertThat(Long.parseLong(shown)).isPositive();
		Browser.click(browser, browser.findElement(By.id("fig-riskPersons-total")));
		wait.until(b -> b.getCurrentUrl().contains("/control/risk-persons"));
		assertThat(browser.findElement(By.cssSelector("nav[aria-label='分页'] span")).getText()).contains("共 " + shown + " 条");
		assertThat(browser.findElements(By.cssSelector("#risk-persons tbody tr"))).hasSize(Math.min(30, Integer.parseInt(shown)));

		browser.navigate().back();
		Browser.click(browser, browser.findElement(By.cssSelector("#cockpit-path a")));
		wait.until(b -> b.getCurrentUrl().endsWith("region=330784"));
		assertThat(browser.findElement(By.id("cockpit-region")).getText()).isEqualTo("永康市");
	}

}
