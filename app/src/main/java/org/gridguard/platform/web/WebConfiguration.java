package org.gridguard.platform.web;

import java.time.Duration;
import java.util.Locale;

import org.gridguard.platform.Messages;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese is the default language, English the second. Pages switch with {@code ?lang=en} / {@code ?lang=zh_CN}
 * and remember the choice in a cookie; API clients may also ask with {@code Accept-Language: en}. Request
 * parameters holding control characters are refused ({@link ControlCharacterFilter}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

	private final Messages messages;

	WebConfiguration(Messages messages) {
		this.messages = messages;
		// work outside a request (imports, scheduled jobs, events) speaks the default language too
		LocaleContextHolder.setDefaultLocale(DEFAULT);
	}

	/**
	 * Parameters holding control characters are hidden from everything behind this filter, sign-in included: it runs
	 * after the character encoding and the request context (-105) and before Spring Security's chain (-100).
	 */
	@Bean
	FilterRegistrationBean<ControlCharacterFilter> controlCharacterFilter() {
		var registration = new FilterRegistrationBean<>(new ControlCharacterFilter());
		registration.setOrder(-102);
		return registration;
	}

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new CookieLocaleResolver("GRIDGUARD_LANG");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction(request -> {
			String accept = request.getHeader("Accept-Language");
			if (request.getRequestURI().startsWith("/api/") && accept != null && accept.startsWith("en")) {
				return Locale.ENGLISH;
			}
			return DEFAULT;
		});
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
		registry.addInterceptor(new ControlCharacterInterceptor(messages));
	}

}
