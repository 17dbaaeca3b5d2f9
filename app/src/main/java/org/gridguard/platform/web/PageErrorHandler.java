package org.gridguard.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.TooManyPersonReads;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Friendly error pages for the server-rendered UI.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrorHandler {

	@ExceptionHandler(NotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	/** A reader over the per-minute budget of person records: what happened, and when to go on. */
	@ExceptionHandler(TooManyPersonReads.class)
	String tooManyReads(TooManyPersonReads ex, HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
		model.addAttribute("limit", String.valueOf(ex.limit()));
		model.addAttribute("retryAfter", String.valueOf(ex.retryAfterSeconds()));
		return "error/429";
	}

}
