package org.gridguard.platform.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.gridguard.platform.ControlCharacters;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps request parameters holding a control character (a NUL in a filter or a form field; tab, CR and LF are fine)
 * away from everything behind it, sign-in included: such parameters are hidden from the request and noted in a
 * request attribute, and {@link ControlCharacterInterceptor} refuses the request naming them (422), once the caller
 * is authenticated and the language is known. Multipart requests are left to the interceptor alone, so that an
 * upload is not unpacked before the caller is authenticated; their files are checked row by row by the importers.
 */
class ControlCharacterFilter extends OncePerRequestFilter {

	/** Request attribute: parameter name → position (0-based) of the first control character in one of its values. */
	static final String REFUSED = ControlCharacterFilter.class.getName() + ".refused";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (multipart(request)) {
			chain.doFilter(request, response);
			return;
		}
		Map<String, Integer> refused = refused(request.getParameterMap());
		if (refused.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(REFUSED, refused);
		chain.doFilter(new Without(request, refused.keySet()), response);
	}

	static boolean multipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
	}

	/** The parameters (by name) whose name or one of whose values holds a control character, with its position. */
	static Map<String, Integer> refused(Map<String, String[]> parameters) {
		var refused = new LinkedHashMap<String, Integer>();
		for (var entry : parameters.entrySet()) {
			int at = ControlCharacters.find(entry.getKey()) >= 0 ? 0 : -1;
			for (String value : entry.getValue() == null ? new String[0] : entry.getValue()) {
				if (at < 0) {
					at = ControlCharacters.find(value);
				}
			}
			if (at >= 0) {
				refused.put(entry.getKey(), at);
			}
		}
		return refused;
	}

	/** The request without the refused parameters. */
	private static final class Without extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		Without(HttpServletRequest request, java.util.Set<String> hidden) {
			super(request);
			var kept = new LinkedHashMap<>(request.getParameterMap());
			kept.keySet().removeAll(hidden);
			this.parameters = Collections.unmodifiableMap(kept);
		}

		@Override
		public @Nullable String getParameter(String name) {
			String[] values = parameters.get(name);
			return values == null || values.length == 0 ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(parameters.keySet());
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			return parameters.get(name);
		}

	}

}
