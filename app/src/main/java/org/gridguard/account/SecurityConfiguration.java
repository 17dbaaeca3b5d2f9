package org.gridguard.account;

import java.nio.charset.StandardCharsets;

import org.gridguard.platform.Messages;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains. {@code /api/**}: stateless, HTTP Basic or bearer token, JSON 401/403, no CSRF (no cookies
 * are used). Everything else: form sign-in with a session, CSRF protection, strict security headers. Both check
 * passwords with {@link PasswordSignIn} alone. Every handler additionally carries a method-level rule
 * ({@code @PreAuthorize} or {@code @PermitAll}); a test enforces it.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(jsr250Enabled = true)
@EnableConfigurationProperties(SignInProperties.class)
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
			+ "form-action 'self'; base-uri 'self'; object-src 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return new VerifiedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder());
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AccountManagement accounts, AccountUserDetailsService users,
			TokenCache cache, Messages messages, PasswordSignIn signIn) throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> json(response, HttpStatus.UNAUTHORIZED,
				"authorization", messages.get("security.api.unauthorized"));
		AccessDeniedHandler forbidden = (request, response, ex) -> json(response, HttpStatus.FORBIDDEN,
				"authorization", messages.get("security.api.forbidden"));
		http.securityMatcher("/api/**")
			.authenticationManager(new ProviderManager(signIn))
			.authorizeHttpRequests(auth -> auth.requestMatchers("/api/public/**").permitAll().anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
			.addFilterBefore(new BearerTokenFilter(accounts, users, cache, unauthorized), BasicAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http, PasswordSignIn signIn) throws Exception {
		AuthenticationFailureHandler failure = (request, response, ex) -> {
			String reason = ex instanceof LockedException ? "locked" : ex instanceof DisabledException ? "disabled" : "bad";
			response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
		};
		http.authenticationManager(new ProviderManager(signIn))
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
						"/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs/**",
						"/swagger-ui/**", "/swagger-ui.html", "/public/**", "/s/**", "/p/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login").failureHandler(failure).defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	private static void json(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String field,
			String message) throws java.io.IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
		response.getWriter().write("{\"errors\":[{\"field\":\"" + field + "\",\"message\":\"" + escaped + "\"}]}");
	}

}
