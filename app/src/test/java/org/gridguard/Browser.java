package org.gridguard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for page tests, driven through ChromeDriver. Paths come from
 * {@code CHROME_BIN}/{@code CHROMEDRIVER} or default to the Debian packages, so Selenium never downloads anything.
 */
public final class Browser {

	private Browser() {
	}

	/** Clicks like a user: the element is scrolled to the middle of the window first (no smooth scrolling). */
	public static void click(ChromeDriver browser, org.openqa.selenium.WebElement element) {
		browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
	}

	public static ChromeDriver open(int width, int height) {
		String chrome = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
		String driver = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
		Path profile;
		try {
			profile = Files.createTempDirectory("gridguard-chrome");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		var options = new ChromeOptions();
		options.setBinary(chrome);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-extensions", "--lang=zh-CN", "--user-data-dir=" + profile);
		var service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile()).build();
		ChromeDriver browser = new ChromeDriver(service, options);
		browser.manage().window().setSize(new Dimension(width, height));
		browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		return browser;
	}

}
