package org.gridguard.platform;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gridguard.Browser;
import org.gridguard.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** An officer filters a list on screen, clicks its export button and gets every row of that filter as a file. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ExportBrowserIntegrationTests {

	@LocalServerPort
	int port;

	private ChromeDriver browser;

	private Path downloads;

	@BeforeEach
	void open() throws IOException {
		browser = Browser.open(1280, 900);
		downloads = Files.createTempDirectory("gridguard-downloads");
		Browser.downloadsTo(browser, downloads);
	}

	@AfterEach
	void close() {
		browser.quit();
	}

	@Test
	void theExportButtonOfAFilteredListDownloadsEveryRowOfThatFilter() throws IOException {
		Browser.signIn(browser, port, "cdc", "demo-test-password");
		browser.get("http://localhost:" + port + "/control/risk-persons?category=CLOSE_CONTACT");
		Browser.click(browser, browser.findElement(By.cssSelector("a[data-export='csv']")));
		Path file = new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> finished());
		assertThat(file.getFileName().toString()).startsWith("risk-persons-").endsWith(".csv");
		String text = Files.readString(file, StandardCharsets.UTF_8);
		List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
		var total = JsonMapper.builder().build().readTree(TestHttp.anonymous(port)
			.api("GET", "/api/v1/risk-persons?category=CLOSE_CONTACT&size=1", null,
					TestHttp.basic("cdc", "demo-test-password"))
			.body()).get("total").asLong();
		assertThat(total).isPositive();
		assertThat(rows).hasSize((int) total + 1);
		assertThat(rows.get(0).get(2)).isEqualTo("类别");
		assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.get(2)).isEqualTo("密切接触者"));
	}

	private Path finished() {
		try (Stream<Path> files = Files.list(downloads)) {
			return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
