package org.gridguard.venue.web;

import java.util.List;
import java.util.Map;

import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.Messages;
import org.gridguard.venue.CheckIns;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers of the venue API beyond the common ones: 503 when check-ins could not be made durable (nothing of the
 * request was acknowledged, the client retries), 410 for a revoked venue code.
 */
@RestControllerAdvice(assignableTypes = { VenueApi.class, ScanApi.class })
class VenueApiErrors {

	private final Messages messages;

	VenueApiErrors(Messages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(CheckIns.NotStored.class)
	ResponseEntity<Map<String, List<FieldProblem>>> notStored(CheckIns.NotStored ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", "1")
			.body(Map.of("errors", List.of(new FieldProblem("checkins", messages.get("venue.checkin.notStored")))));
	}

	@ExceptionHandler(CheckIns.RevokedCode.class)
	ResponseEntity<Map<String, List<FieldProblem>>> revoked(CheckIns.RevokedCode ex) {
		return ResponseEntity.status(HttpStatus.GONE)
			.body(Map.of("errors", List.of(new FieldProblem("code", messages.get("venue.scan.revoked")))));
	}

}
