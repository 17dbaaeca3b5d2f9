package org.gridguard.inspection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gridguard.Browser;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.gridguard.venue.NewVenue;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone-sized screen, the 商务局 inspector finds a mall, sees what the system knows on arrival, walks its
 * checklist (one item failed, with a note and a photo), submits, and sees the rectification order it opened; the
 * page never needs sideways scrolling.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InspectionBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Value("${gridguard.demo.password}")
	String demoPassword;

	@Autowired
	VenueManagement venues;

	@Autowired
	RectificationQueries queries;

	@Autowired
	Photos photos;

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
	void anInspectorWalksAChecklistOnAPhoneAndAFailedItemBecomesAnOrder() throws Exception {
		Venue mall = venues.register(new NewVenue("手机督查商场", "MALL_SUPERMARKET", "330784001", "督查路1号", 800, null,
				"督查公司", "联系人", "13905790021", "手机店长", "13905790022"), Jurisdiction.system());
		Path photo = Files.createTempFile("disinfection", ".png");
		Files.write(photo, java.util.Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));

		Browser.signIn(browser, port, "commerce", demoPassword);
		browser.get("http://localhost:" + port + "/inspection?q=" + java.net.URLEncoder.encode("手机督查商场", "UTF-8"));
		tap(browser.findElement(By.cssSelector("#places a.btn")));

		assertThat(browser.findElement(By.id("venue-name")).getText()).isEqualTo("手机督查商场");
		assertThat(browser.findElement(By.id("scans-today")).getText()).isEqualTo("0");
		assertThat(browser.findElement(By.id("closure")).getText()).isEqualTo("正常开放");
		List<WebElement> items = browser.findElements(By.cssSelector(".checklist-item"));
		assertThat(items).hasSizeGreaterThan(5);
		for (WebElement item : items) {
			String code = item.getDomAttribute("id").substring("item-".length());
			tap(item.findElement(By.cssSelector("label[for=" + (code.equals("DISINFECTION_LOG") ? "fail-" : "pass-") + code + "]")));
		}
		WebElement failed = browser.findElement(By.id("item-DISINFECTION_LOG"));
		failed.findElement(By.tagName("textarea")).sendKeys("消杀记录缺三天");
		failed.findElement(By.cssSelector("input[type=file]")).sendKeys(photo.toString());
		assertThat(scrollWidth()).as("no sideways scrolling").isLessThanOrEqualTo(390);
		tap(browser.findElement(By.id("submit-inspection")));

		assertThat(browser.findElement(By.id("submitted")).getText()).contains("1");
		WebElement order = browser.findElement(By.cssSelector("#orders a"));
		assertThat(order.getText()).contains("清洁消杀及记录").contains("手机店长");
		assertThat(scrollWidth()).isLessThanOrEqualTo(390);

		var commerce = new Jurisdiction("commerce", Role.DEPARTMENT, "330784", "COMMERCE", null, null);
		RectificationOrder opened = queries.search(new RectificationQueries.Filter(null, mall.id(), false), commerce,
				org.gridguard.shared.Paging.of(0, 10)).items().get(0);
		assertThat(opened.itemCode()).isEqualTo("DISINFECTION_LOG");
		assertThat(opened.note()).isEqualTo("消杀记录缺三天");
		assertThat(photos.ofInspection(opened.inspectionId())).singleElement()
			.satisfies(p -> assertThat(p.itemCode()).isEqualTo("DISINFECTION_LOG"));
	}

	private long scrollWidth() {
		return (Long) browser.executeScript("return document.documentElement.scrollWidth");
	}

	private void tap(WebElement element) {
		Browser.click(browser, element);
	}

}
