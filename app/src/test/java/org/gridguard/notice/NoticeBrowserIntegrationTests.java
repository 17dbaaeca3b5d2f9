package org.gridguard.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.gridguard.Browser;
import org.gridguard.venue.RiskArea;
import org.gridguard.venue.RiskAreas;
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
import static org.gridguard.notice.NoticeFixtures.ADMIN;
import static org.gridguard.notice.NoticeFixtures.title;

/**
 * In a real browser: a visitor on a phone reads the current risk areas and a notice without an account; 疾控 writes a
 * notice on the pages (a refused form keeps what was typed) and submits it, and the city command approves and
 * publishes it, which gives it the next number of the year.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NoticeBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Drafting drafting;

	@Autowired
	Approval approval;

	@Autowired
	Publishing publishing;

	@Autowired
	NoticeQueries queries;

	@Autowired
	PublicNotices publicNotices;

	@Autowired
	RiskAreas riskAreas;

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
	void aVisitorReadsTheRiskAreasAndANoticeOnAPhoneWithoutSigningIn() {
		RiskArea area = riskAreas.add("测试县丙镇（手机）", "HIGH", LocalDate.now(clock), "admin");
		var fixtures = new NoticeFixtures(drafting, approval);
		Notice notice = fixtures.draft(title("关于丙镇来永人员的通告"), List.of(area.id()));
		drafting.submit(notice.id(), NoticeFixtures.CDC);
		approval.approve(notice.id(), ADMIN);
		Notice published = publishing.publish(notice.id(), ADMIN);
		publicNotices.refreshAfterCommit();

		browser.get("http://localhost:" + port + "/public/notices");

		assertThat(browser.getCurrentUrl()).endsWith("/public/notices");
		assertThat(browser.findElement(By.id("risk-areas")).getText()).contains("测试县丙镇（手机）", "高风险区");
		assertThat(fitsTheScreen()).as("no sideways scrolling on a phone").isTrue();
		Browser.click(browser, browser.findElement(By.partialLinkText(published.title())));
		assertThat(browser.findElement(By.id("notice-number")).getText()).isEqualTo(published.number());
		assertThat(browser.findElement(By.id("notice-areas")).getText()).contains("测试县丙镇（手机）");
		assertThat(browser.findElement(By.id("notice-pdf")).getAttribute("href")).endsWith(published.publicPath() + ".pdf");
		assertThat(fitsTheScreen()).isTrue();
	}

	@Test
	void theCdcDraftsOnThePagesAndTheCityCommandPublishesItWithTheNextNumber() {
		RiskArea area = riskAreas.add("测试县丁镇（页面）", "MID", LocalDate.now(clock), "admin");
		String title = title("关于丁镇来永人员健康管理的通告");
		Browser.signIn(browser, port, "cdc", "demo-test-password");
		browser.get("http://localhost:" + port + "/notices/new");
		browser.findElement(By.id("title")).sendKeys(title);
		browser.findElement(By.id("body")).sendKeys("一、丁镇来永人员实行7天居家隔离医学观察。联系人13905791234");
		Browser.click(browser, browser.findElement(By.id("area-" + area.id())));
		Browser.click(browser, browser.findElement(By.id("save-notice")));

		assertThat(browser.findElement(By.id("form-problems")).getText()).contains("手机号");
		assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo(title);
		assertThat(browser.findElement(By.id("area-" + area.id())).isSelected()).isTrue();
		WebElement body = browser.findElement(By.id("body"));
		assertThat(body.getAttribute("value")).startsWith("一、丁镇来永人员实行7天居家隔离医学观察。");
		body.clear();
		body.sendKeys("一、丁镇来永人员实行7天居家隔离医学观察。");
		Browser.click(browser, browser.findElement(By.id("save-notice")));
		Browser.click(browser, browser.findElement(By.id("submit-notice")));
		assertThat(stateAfterNavigation("待审核")).isEqualTo("待审核");
		String path = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("/notices/"));

		browser.manage().deleteAllCookies();
		Browser.signIn(browser, port, "admin", "admin-test-password");
		browser.get("http://localhost:" + port + path);
		Browser.click(browser, browser.findElement(By.id("approve-notice")));
		assertThat(stateAfterNavigation("已审核待发布")).isEqualTo("已审核待发布");
		int year = LocalDate.now(clock).getYear();
		int next = queries.numbersOf(year).size() + 1;
		Browser.click(browser, browser.findElement(By.id("publish-notice")));
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();

		assertThat(browser.findElement(By.id("notice-number")).getText()).isEqualTo("〔" + year + "〕" + next + "号");
		assertThat(browser.findElement(By.id("flash-message")).getText()).contains("〔" + year + "〕" + next + "号");
		assertThat(browser.findElement(By.id("notice-history")).getText()).contains("发布", "审核通过", "提交审核", "起草");
	}

	private boolean fitsTheScreen() {
		Object fits = browser.executeScript(
				"return document.documentElement.scrollWidth <= window.innerWidth;");
		return Boolean.TRUE.equals(fits);
	}


	/**
	 * The notice's state shown once the page the click led to has loaded (the old page's element goes stale meanwhile):
	 * the expected state as soon as it shows, else the last state seen after ten seconds.
	 */
	private String stateAfterNavigation(String expected) {
		var seen = new String[] { "" };
		try {
			new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
				.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
				.until(d -> {
					seen[0] = d.findElement(By.id("notice-state")).getText();
					return expected.equals(seen[0]);
				});
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			// the assertion names what was shown instead
		}
		return seen[0];
	}

}
