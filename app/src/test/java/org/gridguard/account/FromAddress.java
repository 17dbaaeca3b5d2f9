package org.gridguard.account;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal HTTP/1.0 client whose requests come from a chosen loopback address (all of 127.0.0.0/8 is loopback), so
 * that a test can sign in from several sources: a browser-like session (cookies, the CSRF token from the pages) or
 * plain API calls.
 */
final class FromAddress {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	record Response(int status, Map<String, List<String>> headers, String body) {

		String header(String name) {
			List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
			return values == null || values.isEmpty() ? "" : values.get(0);
		}

	}

	private final InetAddress local;

	private final int port;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String csrf = "";

	FromAddress(String localAddress, int port) {
		try {
			this.local = InetAddress.getByName(localAddress);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.port = port;
	}

	/** Signs in through the form, as {@link org.gridguard.TestHttp#login} does. */
	Response login(String username, String password) {
		send("GET", "/login", null, null, null);
		return send("POST", "/login", "application/x-www-form-urlencoded",
				form(Map.of("username", username, "password", password, "_csrf", csrf)), null);
	}

	Response get(String path) {
		return send("GET", path, null, null, null);
	}

	Response api(String method, String path, String authorization) {
		return send(method, path, null, null, authorization);
	}

	private Response send(String method, String path, String contentType, String body, String authorization) {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(local, 0));
			socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
			socket.setSoTimeout(30_000);
			byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
			var request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.0\r\n")
				.append("Host: localhost:").append(port).append("\r\n")
				.append("Accept: application/json, text/html\r\n");
			if (!cookies.isEmpty()) {
				request.append("Cookie: ")
					.append(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")))
					.append("\r\n");
			}
			if (authorization != null) {
				request.append("Authorization: ").append(authorization).append("\r\n");
			}
			if (contentType != null) {
				request.append("Content-Type: ").append(contentType).append("\r\n");
			}
			request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			return parse(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Response parse(InputStream in) throws IOException {
		var all = new ByteArrayOutputStream();
		in.transferTo(all);
		String raw = all.toString(StandardCharsets.UTF_8);
		int end = raw.indexOf("\r\n\r\n");
		String[] head = raw.substring(0, end).split("\r\n");
		int status = Integer.parseInt(head[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < head.length; i++) {
			int colon = head[i].indexOf(':');
			headers.computeIfAbsent(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
				.add(head[i].substring(colon + 1).strip());
		}
		for (String cookie : headers.getOrDefault("set-cookie", List.of())) {
			String pair = cookie.split(";", 2)[0];
			int eq = pair.indexOf('=');
			cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
		}
		String body = raw.substring(end + 4);
		Matcher m = CSRF.matcher(body);
		if (m.find()) {
			csrf = m.group(1);
		}
		return new Response(status, headers, body);
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
