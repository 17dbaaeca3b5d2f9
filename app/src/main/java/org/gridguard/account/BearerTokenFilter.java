package org.gridguard.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer gg_…} with an API token issued by an administrator. An unknown,
 * revoked or expired token is answered with 401 at once.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final AccountManagement accounts;

	private final AccountUserDetailsService users;

	private final TokenCache cache;

	private final AuthenticationEntryPoint entryPoint;

	BearerTokenFilter(AccountManagement accounts, AccountUserDetailsService users, TokenCache cache,
			AuthenticationEntryPoint entryPoint) {
		this.accounts = accounts;
		this.users = users;
		this.cache = cache;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		String secret = header.substring(7).strip();
		String key = AccountManagement.hex(AccountManagement.sha256(secret));
		String username = cache.get(key);
		if (username == null) {
			username = accounts.usernameForToken(secret).orElse(null);
			if (username != null) {
				cache.put(key, username);
			}
		}
		AccountPrincipal principal = username == null ? null : users.find(username).orElse(null);
		if (principal == null || !principal.isEnabled()) {
			SecurityContextHolder.clearContext();
			entryPoint.commence(request, response, new TokenRejected());
			return;
		}
		principal.eraseCredentials();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	static class TokenRejected extends AuthenticationException {

		TokenRejected() {
			super("invalid, revoked or expired API token");
		}

	}

}
