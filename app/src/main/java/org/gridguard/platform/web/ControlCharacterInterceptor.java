package org.gridguard.platform.web;

import java.util.ArrayList;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a request to a controller whose parameters hold a control character, with an {@link InvalidInput} naming
 * each such parameter: the JSON API answers 422 with the field, pages show the message (see
 * {@link PageErrorHandler}). One rule for every filter, query parameter and form field of the application, so that
 * no such text reaches PostgreSQL (which refuses NUL) and fails the request with 500.
 */
class ControlCharacterInterceptor implements HandlerInterceptor {

	private final Messages messages;

	ControlCharacterInterceptor(Messages messages) {
		this.messages = messages;
	}

	@Override
	@SuppressWarnings("unchecked")
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod)) {
			return true;
		}
		Map<String, Integer> refused = (Map<String, Integer>) request.getAttribute(ControlCharacterFilter.REFUSED);
		if (refused == null && ControlCharacterFilter.multipart(request)) {
			refused = ControlCharacterFilter.refused(request.getParameterMap());
		}
		if (refused == null || refused.isEmpty()) {
			return true;
		}
		var problems = new ArrayList<FieldProblem>();
		refused.forEach((name, at) -> problems.add(messages.problem(visible(name), "validation.controlCharacter", at + 1)));
		throw new InvalidInput(problems);
	}

	/** A parameter name fit to show: its own control characters replaced. */
	private static String visible(String name) {
		var b = new StringBuilder(name);
		for (int i = 0; i < b.length(); i++) {
			if (org.gridguard.platform.ControlCharacters.refused(b.charAt(i))) {
				b.setCharAt(i, '\uFFFD');
			}
		}
		return b.toString();
	}

}
