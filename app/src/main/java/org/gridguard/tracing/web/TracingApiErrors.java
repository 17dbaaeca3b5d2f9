package org.gridguard.tracing.web;

import java.util.List;
import java.util.Map;

import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.Messages;
import org.gridguard.tracing.TracingUnavailable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 503 when a co-presence query could not be answered completely (distributed mode: partitions of the check-in stream
 * without a node caught up, during a rebalance or a node's rebuild); nothing partial is answered, the client retries.
 */
@RestControllerAdvice(assignableTypes = TracingApi.class)
class TracingApiErrors {

	private final Messages messages;

	TracingApiErrors(Messages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(TracingUnavailable.class)
	ResponseEntity<Map<String, List<FieldProblem>>> unavailable(TracingUnavailable ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", "5")
			.body(Map.of("errors", List.of(new FieldProblem("idNumbers",
					messages.get("tracing.query.unavailable", ex.partitions().size())))));
	}

}
