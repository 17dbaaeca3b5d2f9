package org.gridguard.platform;

import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.gridguard.RawText;
import org.gridguard.TestHttp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo role, in both languages, walks the pages its navigation offers and the links on those pages: each
 * answers 200, shows no raw code (see {@link RawText}), and no page links to one its reader may not open.
 * <p>
 * The walk is bounded: same-origin GET links only; downloads, exports, sign-out and language switches are left out;
 * links that differ only in ids or page numbers count as one page; at most {@value #MAX_PAGES} pages per walk.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PageWalkIntegrationTests {

	private static final int MAX_PAGES = 150;

	private static final Pattern SKIPPED = Pattern.compile(
			"/logout|[?&]lang=|export|download|\\.(xlsx|csv|pdf|png|svg|txt)\\b|/qr\\b|/poster|/file\\b|/correction"
					+ "|^/api/|^/v3/|^/swagger|^/webjars/|^/css/|^/js/|^/img/");

	private static final Pattern ID_SEGMENT = Pattern.compile("(?<=/)(\\d+|[0-9a-fA-F-]{32,36})(?=/|$)");

	private static final Pattern NUMBER_VALUE = Pattern.compile("=\\d+(?=&|$)");

	private static Set<String> codes;

	private static Set<String> chineseLabels;

	private static RawText rawText;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void readCodesAndLabels() throws IOException {
		Set<String> constants = new HashSet<>();
		for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.gridguard")) {
			if (type.isEnum()) {
				type.getEnumConstants().forEach(c -> constants.add(c.name()));
			}
		}
		Set<String> labels = new HashSet<>();
		for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
			String name = bundle.getFilename();
			if (name == null || name.contains("_")) {
				continue;
			}
			var properties = new Properties();
			try (var in = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
				properties.load(in);
			}
			properties.stringPropertyNames().forEach(k -> labels.add(properties.getProperty(k).strip()));
		}
		codes = constants;
		chineseLabels = labels;
	}

	@BeforeEach
	void usernamesAreData() {
		if (rawText == null) {
			rawText = new RawText(codes, chineseLabels,
					Set.copyOf(jdbc.sql("SELECT username FROM account_user").query(String.class).list()));
		}
	}

	@ParameterizedTest(name = "{0} in {2}")
	@CsvSource({ "admin, admin-test-password, zh", "admin, admin-test-password, en",
			"cdc, demo-test-password, zh", "cdc, demo-test-password, en",
			"town, demo-test-password, zh", "town, demo-test-password, en",
			"village, demo-test-password, zh", "village, demo-test-password, en",
			"grid, demo-test-password, zh", "grid, demo-test-password, en",
			"commerce, demo-test-password, zh", "commerce, demo-test-password, en",
			"health, demo-test-password, zh", "health, demo-test-password, en",
			"venue, demo-test-password, zh", "venue, demo-test-password, en",
			"carehome, demo-test-password, zh", "carehome, demo-test-password, en",
			"pharmacy, demo-test-password, zh", "pharmacy, demo-test-password, en",
			"site, demo-test-password, zh", "site, demo-test-password, en",
			"organizer, demo-test-password, zh", "organizer, demo-test-password, en",
			"grid2, demo-test-password, zh" })
	void everyPageAReaderIsOfferedOpensAndSpeaksTheirLanguage(String username, String password, String language) {
		TestHttp http = TestHttp.signedIn(port, username, password);
		Locale locale = language.equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
		http.get("/?lang=" + (language.equals("en") ? "en" : "zh_CN"));
		var problems = new ArrayList<String>();
		var seen = new HashSet<String>();
		var queue = new ArrayDeque<String[]>();
		queue.add(new String[] { "/", "(start)" });
		seen.add(shape("/"));
		int walked = 0;
		while (!queue.isEmpty() && walked < MAX_PAGES) {
			String[] next = queue.poll();
			String path = next[0];
			HttpResponse<String> response = follow(http, path);
			walked++;
			if (response.statusCode() != 200) {
				problems.add(path + " answers " + response.statusCode() + " (linked from " + next[1] + ")");
				continue;
			}
			if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
				continue;
			}
			for (RawText.Finding finding : rawText.find(response.body(), locale)) {
				problems.add(path + ": " + finding);
			}
			for (String link : links(response.body(), path)) {
				if (seen.add(shape(link))) {
					queue.add(new String[] { link, path });
				}
			}
		}
		assertThat(walked).as("pages walked").isGreaterThan(1);
		assertThat(problems).as("%s in %s, %d pages walked", username, language, walked)
			.isEmpty();
	}

	/** Follows same-origin redirects, as a browser would. */
	private static HttpResponse<String> follow(TestHttp http, String path) {
		HttpResponse<String> response = http.get(path);
		for (int hops = 0; hops < 3 && response.statusCode() / 100 == 3; hops++) {
			String location = response.headers().firstValue("Location").orElse("");
			URI target = URI.create(location);
			if (target.getHost() != null && !"localhost".equals(target.getHost())) {
				break;
			}
			String next = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
			response = http.get(next);
		}
		return response;
	}

	/** The same-origin GET links of a page that the walk follows. */
	private static List<String> links(String html, String from) {
		var found = new ArrayList<String>();
		URI base = URI.create("http://localhost" + from);
		for (Element a : Jsoup.parse(html).select("a[href]")) {
			String href = a.attr("href").strip();
			if (href.isEmpty() || href.startsWith("#") || href.contains(":") && !href.startsWith("http://localhost")
					|| a.hasAttr("download") || a.attr("target").equals("_blank") && href.contains("print")) {
				continue;
			}
			URI uri = base.resolve(href.replace(" ", "%20"));
			if (uri.getHost() != null && !"localhost".equals(uri.getHost())) {
				continue;
			}
			String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
			if (!SKIPPED.matcher(path).find()) {
				found.add(path);
			}
		}
		return found;
	}

	/** Links that differ only in ids or page numbers are one page. */
	private static String shape(String path) {
		int q = path.indexOf('?');
		String p = ID_SEGMENT.matcher(q < 0 ? path : path.substring(0, q)).replaceAll("{}");
		if (q < 0) {
			return p;
		}
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : path.substring(q + 1).split("&")) {
			String[] kv = pair.split("=", 2);
			params.put(kv[0], kv.length > 1 && kv[1].matches("\\d+|[0-9a-fA-F-]{32,36}") ? "{}" : kv.length > 1 ? kv[1] : "");
		}
		return p + "?" + new TreeSet<>(params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.toSet()));
	}

}
