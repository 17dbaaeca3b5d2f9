package org.gridguard.tracing;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.gridguard.Browser;
import org.gridguard.TestIds;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names are data, never markup: in a real browser, the tooltip of the transmission chain shows a person named like an
 * HTML tag as that text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ChainGraphBrowserIntegrationTests {

	private static final String HOSTILE = "<img src=x onerror=\"document.title='pwned'\">";

	@LocalServerPort
	int port;

	@Autowired
	PersonManagement persons;

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
	void aNameThatLooksLikeMarkupShowsAsTextInTheGraphTooltip() {
		Jurisdiction cdc = new Jurisdiction("cdc", Role.EPIDEMIOLOGIST, "330784", null, null, null);
		Person casePerson = persons.createResident(new NewResident("图示病例", IdType.RESIDENT_ID, TestIds.resident(), null,
				"330784003001002", "江南某路3号", null), Jurisdiction.system());
		Person hostile = persons.createResident(new NewResident(HOSTILE, IdType.RESIDENT_ID, TestIds.resident(), null,
				"330784003001002", "江南某路4号", null), Jurisdiction.system());
		Investigation investigation = investigations.openManually(casePerson.id(), LocalDate.now(clock), cdc);
		investigations.addByHand(investigation.id(), hostile.id(), cdc);
		investigations.classify(investigation.id(), new ClassificationRule(null, null, null, null,
				Candidate.Classification.CLOSE_CONTACT, false), cdc);

		Browser.signIn(browser, port, "cdc", "demo-test-password");
		browser.get("http://localhost:" + port + "/tracing/investigations/" + investigation.id());
		var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		wait.until(b -> "2".equals(browser.findElement(By.id("chain-graph")).getDomAttribute("data-nodes")));
		Object shown = browser.executeScript("""
				var chart = echarts.getInstanceByDom(document.getElementById('chain-graph'));
				var data = chart.getOption().series[0].data;
				for (var i = 0; i < data.length; i++) {
				  if (data[i].name === arguments[0]) {
				    chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: i });
				    return true;
				  }
				}
				return false;""", HOSTILE);
		assertThat(shown).as("the hostile name is a node of the graph").isEqualTo(true);
		String tooltip = wait.until(b -> {
			Object text = browser.executeScript("""
					var divs = document.getElementById('chain-graph').querySelectorAll('div');
					for (var i = 0; i < divs.length; i++) {
					  if (divs[i].style.zIndex === '9999999' && divs[i].textContent.indexOf('·') >= 0) {
					    return divs[i].textContent;
					  }
					}
					return null;""");
			return text == null ? null : text.toString();
		});
		assertThat(tooltip).contains(HOSTILE);
		assertThat(browser.findElements(By.cssSelector("#chain-graph img"))).isEmpty();
		assertThat(browser.getTitle()).isNotEqualTo("pwned");
	}

}
