package org.gridguard.platform.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Whether the signed-in user may open a page: the page's handler is found as for a GET of the path and its
 * {@code @PreAuthorize} rule evaluated for the user, so that navigation and links offer only what opens (the rule is
 * written once, on the handler). Templates ask with {@code ${@pageAccess.opens('/control/queue')}}.
 */
@Component("pageAccess")
public class PageAccess {

	private final RequestMappingHandlerMapping mapping;

	private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();

	PageAccess(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
		this.mapping = mapping;
	}

	/** Whether a GET of {@code path} (without query) would pass its handler's authorization rule. */
	public boolean opens(String path) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		var attributes = RequestContextHolder.getRequestAttributes();
		if (auth == null || !(attributes instanceof ServletRequestAttributes servlet)) {
			return false;
		}
		HandlerMethod handler = handlerOf(servlet.getRequest(), path);
		if (handler == null) {
			return false;
		}
		var invocation = new SimpleMethodInvocation(handler.createWithResolvedBean().getBean(), handler.getMethod(),
				new Object[handler.getMethod().getParameterCount()]);
		var decision = rules.authorize(() -> auth, invocation);
		return decision == null || decision.isGranted();
	}

	private @Nullable HandlerMethod handlerOf(HttpServletRequest request, String path) {
		try {
			HandlerExecutionChain chain = mapping.getHandler(new GetOf(request, path));
			return chain != null && chain.getHandler() instanceof HandlerMethod method ? method : null;
		}
		catch (Exception ex) {
			return null;
		}
	}

	/** A GET of another path in the same session, with attributes of its own so that the real request is untouched. */
	private static final class GetOf extends HttpServletRequestWrapper {

		private final String path;

		private final Map<String, Object> attributes = new HashMap<>();

		GetOf(HttpServletRequest request, String path) {
			super(request);
			int query = path.indexOf('?');
			this.path = query < 0 ? path : path.substring(0, query);
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getRequestURI() {
			return getContextPath() + path;
		}

		@Override
		public StringBuffer getRequestURL() {
			return new StringBuffer(path);
		}

		@Override
		public String getServletPath() {
			return path;
		}

		@Override
		public @Nullable String getPathInfo() {
			return null;
		}

		@Override
		public @Nullable String getQueryString() {
			return null;
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			return attributes.get(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return Collections.enumeration(attributes.keySet());
		}

		@Override
		public void setAttribute(String name, Object o) {
			attributes.put(name, o);
		}

		@Override
		public void removeAttribute(String name) {
			attributes.remove(name);
		}

	}

}
