package org.gridguard.platform.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridguard.platform.InvalidInput;
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

	/**
	 * Input a page's action did not take itself (a filter or form field holding a control character, refused before
	 * the page ran): the problems, each naming its field, and the way back.
	 */
	@ExceptionHandler(InvalidInput.class)
	@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
	String invalid(InvalidInput ex, HttpServletRequest request, Model model) {
		model.addAttribute("problems", ex.problems());
		model.addAttribute("back", back(request));
		return "error/invalid";
	}

	/** The page the user came from: the page itself for a GET (without the query), else the referring page's path. */
	private static String back(HttpServletRequest request) {
		if ("GET".equals(request.getMethod())) {
			return request.getRequestURI();
		}
		String referer = request.getHeader("Referer");
		try {
			String path = referer == null ? null : URI.create(referer).getRawPath();
			return path == null || path.isEmpty() || !path.startsWith("/") ? "/" : path;
		}
		catch (IllegalArgumentException ex) {
			return "/";
		}
	}

}
