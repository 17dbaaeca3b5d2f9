package org.gridguard.region;

import org.gridguard.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: sign in, switch to English and back, and walk the tree from the city down to a grid.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegionTreeBrowserIntegrationTests {

	@LocalServerPort
	int port;

	private ChromeDriver browser;

	@BeforeEach
	void openBrowser() {
		browser = Browser.open(1280, 900);
	}

	@AfterEach
	void closeBrowser() {
		browser.quit();
	}

	@Test
	void signsInSwitchesLanguageAndWalksTheTreeDownToAGrid() {
		browser.get("http://localhost:" + port + "/");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		assertThat(browser.findElement(By.id("sign-in")).getText()).isEqualTo("登录");
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys("admin-test-password");
		browser.findElement(By.id("sign-in")).click();

		assertThat(browser.findElement(By.id("welcome")).getText()).contains("您好");
		Browser.click(browser, browser.findElement(By.id("lang-en")));
		assertThat(browser.findElement(By.id("welcome")).getText()).startsWith("Hello");
		Browser.click(browser, browser.findElement(By.linkText("Basics")));
		var regionsLink = browser.findElement(By.cssSelector("#mainNav a[href='/regions']"));
		assertThat(regionsLink.getText()).isEqualTo("Regions & grids");
		Browser.click(browser, regionsLink);
		assertThat(browser.findElement(By.id("region-name")).getText()).isEqualTo("永康市");
		assertThat(browser.findElement(By.id("count-towns")).getText()).isEqualTo("14");
		assertThat(browser.findElement(By.id("count-villages")).getText()).isEqualTo("452");
		assertThat(browser.findElements(By.cssSelector("#children tbody tr"))).hasSize(14);

		Browser.click(browser, browser.findElement(By.linkText("芝英镇")));
		assertThat(browser.findElement(By.id("region-code")).getText()).isEqualTo("330784115");
		assertThat(browser.findElements(By.cssSelector("#children tbody tr"))).hasSize(47);

		Browser.click(browser, browser.findElement(By.linkText("芝英三村委会")));
		assertThat(browser.findElement(By.id("region-code")).getText()).isEqualTo("330784115200");
		Browser.click(browser, browser.findElement(By.cssSelector("#children tbody tr a")));
		assertThat(browser.findElement(By.id("region-code")).getText()).isEqualTo("330784115200001");
		assertThat(browser.findElement(By.id("workers")).getText()).contains("Grid leader");
		assertThat(browser.findElement(By.id("region-path")).getText()).contains("永康市").contains("芝英镇")
			.contains("芝英三村委会");

		Browser.click(browser, browser.findElement(By.id("lang-zh")));
		assertThat(browser.findElement(By.id("workers")).getText()).contains("网格长");
	}

	@Test
	void aGridWorkerOnAPhoneSeesTheMenuBehindAToggle() {
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys("grid");
		browser.findElement(By.id("password")).sendKeys("demo-test-password");
		browser.findElement(By.id("sign-in")).click();
		assertThat(browser.findElement(By.id("home-scope")).getText()).contains("园丁社区第1网格");
		var toggler = browser.findElement(By.cssSelector(".navbar-toggler"));
		assertThat(toggler.isDisplayed()).isTrue();
		By residents = By.cssSelector("#mainNav a[href='/residents']");
		assertThat(browser.findElement(residents).isDisplayed()).isFalse();
		toggler.click();
		org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(browser,
				java.time.Duration.ofSeconds(5));
		wait.until(d -> d.findElement(By.linkText("基础信息")).isDisplayed());
		browser.findElement(By.linkText("基础信息")).click();
		wait.until(d -> d.findElement(residents).isDisplayed());
		assertThat(browser.findElements(By.cssSelector("#mainNav a[href='/accounts']"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector("#mainNav a[href='/audit']"))).isEmpty();
	}

}
