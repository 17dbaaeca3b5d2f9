package org.gridguard.account;

import org.gridguard.region.Jurisdiction;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets any handler declare a {@link Jurisdiction} parameter: the signed-in account's role and region.
 */
@Configuration(proxyBeanMethods = false)
class JurisdictionArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Jurisdiction.class.equals(parameter.getParameterType());
	}

	@Override
	public Jurisdiction resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		return current();
	}

	static Jurisdiction current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof AccountPrincipal principal) {
			return principal.jurisdiction();
		}
		throw new AccessDeniedException("no signed-in account");
	}

	@Override
	public void addArgumentResolvers(java.util.List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

}
