package org.gridguard.tracing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/tracing/contacts}: this node's part of a co-presence query, for the node coordinating it
 * ({@link NodeProtocol}). Answered only to a request carrying the nodes' shared secret; not part of the public API.
 */
@RestController
@ConditionalOnProperty(name = "gridguard.stream.mode", havingValue = "kafka")
class TracingNodeEndpoint {

	private final TracingNode node;

	private final byte[] secret;

	TracingNodeEndpoint(TracingNodeLifecycle node, TracingClusterProperties properties) {
		this.node = node.node();
		this.secret = properties.secret().getBytes(StandardCharsets.UTF_8);
	}

	@PermitAll
	@PostMapping(NodeProtocol.PATH)
	void contacts(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String given = request.getHeader(NodeProtocol.SECRET_HEADER);
		if (secret.length == 0 || given == null
				|| !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		NodeProtocol.Request ask;
		try {
			ask = NodeProtocol.readRequest(new DataInputStream(new BufferedInputStream(request.getInputStream())));
		}
		catch (IOException ex) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		boolean[] covered = node.awaitCovered(ask.required(), ask.waitMillis());
		response.setContentType("application/octet-stream");
		var out = new DataOutputStream(new BufferedOutputStream(response.getOutputStream(), 1 << 16));
		NodeProtocol.writeCovered(out, covered);
		node.query(ask.persons(), ask.query(), NodeProtocol.rowWriter(out));
		NodeProtocol.writeEnd(out);
	}

}
