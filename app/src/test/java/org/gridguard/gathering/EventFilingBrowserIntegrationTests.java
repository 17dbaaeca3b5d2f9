package org.gridguard.gathering;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.gridguard.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo organizer files a meeting on the page with its prevention plan and the answer why it cannot be held
 * online: the event awaits the department's and the town's filing steps and shows its plan. (A blank answer is refused
 * by the browser before sending, and by the server naming the field: {@link EventFilingIntegrationTests}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EventFilingBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@TempDir
	Path dir;

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
	void anOrganizerFilesAMeetingWithItsPlanAndSeesItAwaitTheFilingSteps() throws Exception {
		Path plan = Files.write(dir.resolve("防控方案.pdf"), GatheringFixtures.plan());
		Browser.signIn(browser, port, "organizer", "demo-test-password");
		browser.get("http://localhost:" + port + "/events");
		Browser.click(browser, browser.findElement(By.id("file-event")));

		browser.findElement(By.id("name")).sendKeys("商会会员代表大会");
		LocalDateTime start = LocalDateTime.now(clock).plusDays(15).truncatedTo(ChronoUnit.HOURS);
		setValue(browser.findElement(By.id("startsAt")), start.toString());
		setValue(browser.findElement(By.id("endsAt")), start.plus(Duration.ofHours(3)).toString());
		browser.findElement(By.id("address")).sendKeys("五金城会展中心三楼");
		browser.findElement(By.id("expectedHeadcount")).sendKeys("80");
		Browser.click(browser, browser.findElement(By.id("indoor-yes")));
		browser.findElement(By.id("whyNotOnline")).sendKeys("须现场选举，线上无法保证投票有效");
		browser.findElement(By.id("plan")).sendKeys(plan.toString());
		Browser.click(browser, browser.findElement(By.id("submit-event")));

		assertThat(browser.findElement(By.id("event-state")).getText()).isEqualTo("待审批");
		assertThat(browser.findElement(By.id("event-tier")).getText()).isEqualTo("部门和镇街备案");
		assertThat(browser.findElements(By.cssSelector("#steps li"))).extracting(WebElement::getText)
			.satisfiesExactly(first -> assertThat(first).contains("行业主管部门备案", "待办"),
					second -> assertThat(second).contains("属地镇街备案"));
		assertThat(browser.findElement(By.id("plan-link")).getText()).isEqualTo("防控方案.pdf");
	}

	private void setValue(WebElement input, String value) {
		browser.executeScript("arguments[0].value = arguments[1]", input, value);
	}

}
