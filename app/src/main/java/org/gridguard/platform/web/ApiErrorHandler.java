package org.gridguard.platform.web;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gridguard.platform.Conflict;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.TooManyPersonReads;

import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Error bodies of the JSON API: 422 with {@code {"errors":[{"field","message"}]}} for invalid input, 404 with the
 * same shape for things that do not exist (or are outside the caller's jurisdiction), 409 for a state that has moved
 * on (a task no longer open), 429 with it (and {@code Retry-After}) for a reader over the per-minute budget of person
 * records.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorHandler {

	/** SQLSTATE character_not_in_repertoire: what PostgreSQL answers to a NUL in text. */
	private static final String UNSTORABLE_TEXT = "22021";

	private final Messages messages;

	ApiErrorHandler(Messages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<Map<String, List<FieldProblem>>> invalid(InvalidInput ex) {
		return unprocessable(ex.problems());
	}

	@ExceptionHandler(Conflict.class)
	ResponseEntity<Map<String, List<FieldProblem>>> conflict(Conflict ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("errors", ex.problems()));
	}

	@ExceptionHandler(BindException.class)
	ResponseEntity<Map<String, List<FieldProblem>>> bind(BindException ex) {
		var problems = new ArrayList<FieldProblem>();
		ex.getFieldErrors().forEach(e -> problems.add(new FieldProblem(e.getField(),
				e.getDefaultMessage() == null ? messages.get("error.invalid") : e.getDefaultMessage())));
		ex.getGlobalErrors().forEach(e -> problems.add(new FieldProblem(e.getObjectName(),
				e.getDefaultMessage() == null ? messages.get("error.invalid") : e.getDefaultMessage())));
		return unprocessable(problems);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, List<FieldProblem>>> unreadable(HttpMessageNotReadableException ex) {
		return unprocessable(List.of(new FieldProblem("body", messages.get("error.body.unreadable"))));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Map<String, List<FieldProblem>>> mismatch(MethodArgumentTypeMismatchException ex) {
		return unprocessable(List.of(new FieldProblem(ex.getName(), messages.get("error.type.mismatch"))));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<Map<String, List<FieldProblem>>> missing(MissingServletRequestParameterException ex) {
		return unprocessable(List.of(new FieldProblem(ex.getParameterName(), messages.get("error.required"))));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<Map<String, List<FieldProblem>>> missingPart(MissingServletRequestPartException ex) {
		return unprocessable(List.of(new FieldProblem(ex.getRequestPartName(), messages.get("error.required"))));
	}

	/**
	 * Text PostgreSQL cannot store (a NUL in a JSON field that no validation looked at) is the caller's input, not
	 * a server error: 422 instead of 500. Every other database failure stays a server error.
	 */
	@ExceptionHandler(DataAccessException.class)
	ResponseEntity<Map<String, List<FieldProblem>>> database(DataAccessException ex) throws DataAccessException {
		if (ex.getMostSpecificCause() instanceof SQLException sql && UNSTORABLE_TEXT.equals(sql.getSQLState())) {
			return unprocessable(List.of(new FieldProblem("body", messages.get("error.body.controlCharacter"))));
		}
		throw ex;
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<Map<String, List<FieldProblem>>> notFound(NotFound ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Map.of("errors", List.of(new FieldProblem("id", messages.get("error.notFound")))));
	}

	@ExceptionHandler(TooManyPersonReads.class)
	ResponseEntity<Map<String, List<FieldProblem>>> tooManyReads(TooManyPersonReads ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.body(Map.of("errors", List.of(new FieldProblem("persons",
					messages.get("error.429.text", String.valueOf(ex.limit()), String.valueOf(ex.retryAfterSeconds()))))));
	}

	private static ResponseEntity<Map<String, List<FieldProblem>>> unprocessable(List<FieldProblem> problems) {
		return ResponseEntity.status(422).body(Map.of("errors", problems));
	}

}
