package org.gridguard.response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.gridguard.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the browser: the city admin registers an emergency plan with its document and uploads a revised version; records
 * a drill with a follow-up action for a town; the town's officer closes the action with what was done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlanAndDrillBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@TempDir
	Path files;

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
	void theCommandRegistersAPlanAndUploadsARevisedVersion() throws IOException {
		Browser.signIn(browser, port, "admin", "admin-test-password");
		browser.get("http://localhost:" + port + "/response/plans");
		assertThat(browser.findElement(By.id("plans")).getText()).contains("永康市新冠肺炎本土疫情应急处置预案");

		new Select(browser.findElement(By.id("p-scenario"))).selectByVisibleText("境外输入");
		browser.findElement(By.id("p-title")).sendKeys("入境人员闭环管理预案");
		new Select(browser.findElement(By.id("p-owner"))).selectByVisibleText("市指挥部");
		browser.findElement(By.id("p-contact")).sendKeys("外事组");
		browser.findElement(By.id("p-file")).sendKeys(document("入境预案.pdf", "初版").toString());
		browser.findElement(By.id("p-note")).sendKeys("2022年版");
		Browser.click(browser, browser.findElement(By.id("plan-create")));

		assertThat(browser.findElement(By.id("plan-title")).getText()).isEqualTo("入境人员闭环管理预案");
		assertThat(browser.findElement(By.id("plan-owner")).getText()).isEqualTo("市指挥部 · 外事组");
		assertThat(versions()).singleElement().satisfies(row -> assertThat(row).contains("v1", "入境预案.pdf", "2022年版"));

		browser.findElement(By.id("v-file")).sendKeys(document("入境预案（修订）.pdf", "修订版").toString());
		browser.findElement(By.id("v-note")).sendKeys("隔离期调整为“7+3”");
		Browser.click(browser, browser.findElement(By.id("version-upload")));

		assertThat(browser.findElement(By.id("version-uploaded")).getText()).isEqualTo("已上传第 2 版");
		assertThat(versions()).hasSize(2).first().satisfies(row -> assertThat(row).contains("v2", "入境预案（修订）.pdf",
				"隔离期调整为“7+3”", "admin"));
	}

	@Test
	void theCommandRecordsADrillAndTheOwningTownClosesItsFollowUp() {
		LocalDate today = LocalDate.now(clock);
		Browser.signIn(browser, port, "admin", "admin-test-password");
		browser.get("http://localhost:" + port + "/response/drills");
		date(browser.findElement(By.id("d-held")), today.minusDays(2));
		new Select(browser.findElement(By.id("d-scenario"))).selectByVisibleText("学校及托幼机构");
		browser.findElement(By.id("d-title")).sendKeys("实验小学疫情处置演练");
		browser.findElement(By.id("d-participants")).sendKeys("东城街道、市教育局、实验小学，共60人");
		browser.findElement(By.id("d-findings")).sendKeys("隔离观察室位置不合理");
		WebElement row = browser.findElements(By.cssSelector(".follow-up-row")).get(0);
		row.findElement(By.name("fuAction")).sendKeys("调整隔离观察室位置");
		new Select(row.findElement(By.name("fuOwner"))).selectByVisibleText("东城街道");
		date(row.findElement(By.name("fuDue")), today.plusDays(7));
		Browser.click(browser, browser.findElement(By.id("drill-record")));

		assertThat(browser.findElement(By.id("drill-title")).getText()).isEqualTo("实验小学疫情处置演练");
		WebElement action = browser.findElement(By.cssSelector("#follow-ups tbody tr"));
		assertThat(action.getText()).contains("调整隔离观察室位置", "东城街道", "进行中");
		String url = browser.getCurrentUrl();

		browser.manage().deleteAllCookies();
		Browser.signIn(browser, port, "town", "demo-test-password");
		browser.get(url);
		WebElement open = browser.findElement(By.cssSelector("#follow-ups tbody tr"));
		open.findElement(By.name("note")).sendKeys("已移至一楼独立房间");
		Browser.click(browser, open.findElement(By.cssSelector(".close-follow-up")));

		assertThat(browser.findElement(By.id("drill-message")).getText()).isEqualTo("整改事项已办结");
		assertThat(browser.findElement(By.cssSelector("#follow-ups tbody tr")).getText()).contains("已完成",
				"已移至一楼独立房间 · town");
	}

	private List<String> versions() {
		return browser.findElements(By.cssSelector("#versions tbody tr")).stream().map(WebElement::getText).toList();
	}

	/** Sets a date field as the date picker would (typing into it depends on the browser's locale). */
	private void date(WebElement input, LocalDate date) {
		browser.executeScript("arguments[0].value = arguments[1]", input, date.toString());
	}

	private Path document(String name, String text) throws IOException {
		Path file = files.resolve(name);
		Files.write(file, ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8));
		return file;
	}

}
