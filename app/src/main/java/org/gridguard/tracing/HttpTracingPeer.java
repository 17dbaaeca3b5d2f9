package org.gridguard.tracing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.gridguard.trace.ContactQuery;
import org.gridguard.trace.ContactSink;

/** Another tracing node, asked over HTTP on its internal endpoint with the shared secret. */
final class HttpTracingPeer implements TracingPeer {

	private final URI endpoint;

	private final String secret;

	private final HttpClient http;

	private final Duration timeout;

	HttpTracingPeer(URI node, String secret, HttpClient http, Duration timeout) {
		this.endpoint = node.resolve(NodeProtocol.PATH);
		this.secret = secret;
		this.http = http;
		this.timeout = timeout;
	}

	@Override
	public boolean[] ask(long[] required, int[] persons, ContactQuery query, long waitMillis, ContactSink sink) {
		try {
			var body = new ByteArrayOutputStream(64 + required.length * 8 + persons.length * 4);
			NodeProtocol.writeRequest(new DataOutputStream(body), required, persons, query, waitMillis);
			HttpRequest request = HttpRequest.newBuilder(endpoint)
				.timeout(timeout.plusMillis(waitMillis))
				.header("Content-Type", "application/octet-stream")
				.header(NodeProtocol.SECRET_HEADER, secret)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build();
			HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (var in = new DataInputStream(new BufferedInputStream(response.body(), 1 << 16))) {
				if (response.statusCode() != 200) {
					throw new IllegalStateException("tracing node " + endpoint + " answered " + response.statusCode());
				}
				return NodeProtocol.readAnswer(in, sink);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("tracing node " + endpoint + " unreachable: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while asking " + endpoint, ex);
		}
	}

	@Override
	public String toString() {
		return endpoint.toString();
	}

}
