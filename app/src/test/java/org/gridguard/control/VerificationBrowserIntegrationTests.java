package org.gridguard.control;

import java.time.Instant;
import java.util.List;

import org.gridguard.Browser;
import org.gridguard.TestIds;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.region.Jurisdiction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone-sized screen, a grid worker opens their task list, sees the countdown, accepts the task and records the
 * visit in a few taps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class VerificationBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PersonManagement persons;

	@Autowired
	Registrations registrations;

	@Autowired
	ControlQueries queries;

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
	void aGridWorkerVerifiesAPushedPersonOnAPhone() {
		Person person = persons.createResident(new NewResident("手机核查", IdType.RESIDENT_ID, TestIds.resident(),
				"13905791234", "330784001001001", "园丁社区8幢", null), Jurisdiction.system());
		long id = registrations.registerAll(List.of(new Pushed(person.id(), person.name(), Category.CLOSE_CONTACT,
				new Placement(Placement.Kind.GRID, "330784001001001", null), "test", null, null, null, Instant.now())),
				"test").riskPersonIds()[0];

		Browser.signIn(browser, port, "grid", "demo-test-password");
		browser.get("http://localhost:" + port + "/control/tasks");
		var card = taskCard("手机核查");
		assertThat(card.findElement(By.cssSelector(".gg-countdown")).getText()).matches("1:5\\d:\\d\\d");
		tap(card);

		assertThat(browser.findElement(By.id("task-person")).getText()).isEqualTo("手机核查");
		assertThat(browser.findElement(By.id("task-phone")).getText()).contains("139****1234").doesNotContain("13905791234");
		tap(browser.findElement(By.id("reveal-phone")));
		var call = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
			.until(d -> d.findElement(By.id("phone-link")));
		assertThat(call.getAttribute("href")).isEqualTo("tel:13905791234");
		tap(browser.findElement(By.id("accept-task")));
		assertThat(browser.findElement(By.id("phoneConfirmed")).isSelected()).as("the worker confirms, not the page")
			.isFalse();
		tap(browser.findElement(By.cssSelector("label[for=outcome-controlled]")));
		tap(browser.findElement(By.cssSelector("label[for=measure-HOME_ISOLATION]")));
		browser.findElement(By.id("note")).sendKeys("行动不便，居家隔离");
		tap(browser.findElement(By.id("complete-button")));

		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("已落实管控措施");
		RiskPerson controlled = queries.riskPerson(id);
		assertThat(controlled.state()).isEqualTo(RiskPerson.State.CONTROLLED);
		assertThat(controlled.measure()).isEqualTo(MeasureKind.HOME_ISOLATION);
		assertThat(queries.tasksOf(id)).singleElement().satisfies(t -> {
			assertThat(t.completedBy()).isEqualTo("grid");
		});
		assertThat(queries.timeline(id)).anySatisfy(e -> assertThat(e.detail()).isEqualTo("行动不便，居家隔离"));
	}

	/**
	 * The task's card, paging on as the worker would: the demo's and other tests' open tasks of the same grid that
	 * are due earlier come first (most urgent first), and how many there are depends on when this test runs.
	 */
	private org.openqa.selenium.WebElement taskCard(String name) {
		for (int page = 0; page < 50; page++) {
			var card = browser.findElements(By.cssSelector("#tasks a"))
				.stream()
				.filter(a -> a.getText().contains(name))
				.findFirst();
			if (card.isPresent()) {
				return card.get();
			}
			var next = browser.findElements(By.cssSelector("a[rel=next]:not(.disabled)"));
			assertThat(next).as("a task of %s on page %d or after", name, page + 1).isNotEmpty();
			tap(next.get(0));
		}
		throw new AssertionError("no task of " + name + " in 50 pages");
	}

	/** A finger tap: the element is scrolled to the middle of the small screen first, as a user would. */
	private void tap(org.openqa.selenium.WebElement element) {
		browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		try {
			element.click();
		}
		catch (RuntimeException ex) {
			try {
				java.nio.file.Files.write(java.nio.file.Path.of("target/tap-failure.png"),
						browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
			}
			catch (java.io.IOException io) {
				// best effort
			}
			throw ex;
		}
	}

}
