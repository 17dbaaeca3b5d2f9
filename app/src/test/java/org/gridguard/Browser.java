package org.gridguard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

/**
 * A real headless Chromium for page tests, driven through ChromeDriver. Paths come from
 * {@code CHROME_BIN}/{@code CHROMEDRIVER} or default to the Debian packages, so Selenium never downloads anything.
 * Each browser keeps its profile under {@code target/browser-profiles/} and deletes it when it quits, so that tests
 * leave nothing in the system's temporary folder.
 */
public final class Browser {

	private Browser() {
	}

	/** Clicks like a user: the element is scrolled to the middle of the window first (no smooth scrolling). */
	public static void click(ChromeDriver browser, org.openqa.selenium.WebElement element) {
		browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
	}

	/**
	 * Signs in on the login page and waits until the browser has left it, so that the next page is asked for with the
	 * new session; fails with the page's text when the sign-in is refused.
	 */
	public static void signIn(ChromeDriver browser, int port, String username, String password) {
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("sign-in")).click();
		try {
			new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> !b.getCurrentUrl().contains("/login"));
		}
		catch (TimeoutException ex) {
			throw new AssertionError("still on the login page after signing in as " + username + ": "
					+ browser.findElement(By.tagName("body")).getText(), ex);
		}
	}

	/** Lets the browser save the files it downloads into {@code directory}, without asking. */
	public static void downloadsTo(ChromeDriver browser, Path directory) {
		browser.executeCdpCommand("Browser.setDownloadBehavior",
				java.util.Map.of("behavior", "allow", "downloadPath", directory.toAbsolutePath().toString()));
	}

	public static ChromeDriver open(int width, int height) {
		String chrome = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
		String driver = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
		Path profile;
		try {
			Path profiles = Files.createDirectories(Path.of("target", "browser-profiles").toAbsolutePath());
			profile = Files.createTempDirectory(profiles, "chrome");
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
		ChromeDriver browser = new ProfiledChrome(service, options, profile);
		browser.manage().window().setSize(new Dimension(width, height));
		browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		return browser;
	}

	/** Deletes its profile once it has quit. */
	private static final class ProfiledChrome extends ChromeDriver {

		private final Path profile;

		ProfiledChrome(ChromeDriverService service, ChromeOptions options, Path profile) {
			super(service, options);
			this.profile = profile;
		}

		@Override
		public void quit() {
			try {
				super.quit();
			}
			finally {
				FileSystemUtils.deleteRecursively(profile.toFile());
			}
		}

	}

}
