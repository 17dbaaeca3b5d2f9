package org.gridguard;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real HTTP client for integration tests: a browser-like session (cookies, CSRF token taken from the pages, no
 * automatic redirects) or plain API calls with HTTP Basic or a bearer token.
 */
public final class TestHttp {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client;

	private final String base;

	private String csrf = "";

	private TestHttp(int port) {
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		this.base = "http://localhost:" + port;
	}

	public static TestHttp anonymous(int port) {
		return new TestHttp(port);
	}

	/** Signs in through the login form; fails the test when sign-in does not lead to the home page. */
	public static TestHttp signedIn(int port, String username, String password) {
		TestHttp http = new TestHttp(port);
		HttpResponse<String> response = http.login(username, password);
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("error")) {
			throw new AssertionError("sign-in of " + username + " failed: " + response.statusCode() + " " + location);
		}
		http.get("/account/password");
		return http;
	}

	public HttpResponse<String> login(String username, String password) {
		get("/login");
		return post("/login", Map.of("username", username, "password", password));
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET().build());
	}

	/** A download, as bytes (a workbook, a correction file). */
	public HttpResponse<byte[]> download(String path) {
		try {
			return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Posts a form with the session's CSRF token. */
	public HttpResponse<String> post(String path, Map<String, String> form) {
		var fields = new LinkedHashMap<>(form);
		fields.putIfAbsent("_csrf", csrf);
		String body = fields.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Posts a form body given as raw pairs (for repeated fields). */
	public HttpResponse<String> postRaw(String path, String urlEncodedBody) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(urlEncodedBody + "&_csrf=" + enc(csrf)))
			.build());
	}

	public String csrf() {
		return csrf;
	}

	public HttpResponse<String> api(String method, String path, String json, String authorization) {
		var builder = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		if (json == null) {
			builder.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			builder.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		}
		return send(builder.build());
	}

	/** A download from the API, as bytes, with the caller's language (null: none asked for). */
	public HttpResponse<byte[]> downloadApi(String path, String authorization, String language) {
		var builder = HttpRequest.newBuilder(uri(path)).header("Authorization", authorization).GET();
		if (language != null) {
			builder.header("Accept-Language", language);
		}
		try {
			return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Posts {@code multipart/form-data}: text fields and one file. */
	public HttpResponse<String> multipart(String path, Map<String, String> fields, String fileField, String filename,
			byte[] content, String authorization) {
		String boundary = "----gridguard" + System.nanoTime();
		var body = new java.io.ByteArrayOutputStream();
		try {
			for (var e : fields.entrySet()) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
						+ e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
					+ filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(content);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		var builder = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		return send(builder.build());
	}

	public static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public static String bearer(String token) {
		return "Bearer " + token;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Matcher m = CSRF.matcher(response.body());
			if (m.find()) {
				csrf = m.group(1);
			}
			return response;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create(base + path);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
