package org.gridguard.platform;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Finds web handlers that carry no authorization rule: every method mapped to a URL must be annotated, or sit in a
 * class annotated, with {@code @PreAuthorize}, {@code @RolesAllowed} or {@code @PermitAll}.
 */
final class HandlerAuthorization {

	private HandlerAuthorization() {
	}

	static List<String> handlersWithoutRule(String basePackage) throws ClassNotFoundException {
		var scanner = scanner();
		var problems = new ArrayList<String>();
		for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
			Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), HandlerAuthorization.class.getClassLoader());
			problems.addAll(handlersWithoutRule(type));
		}
		return problems;
	}

	static List<String> handlersWithoutRule(Class<?> controller) {
		var problems = new ArrayList<String>();
		boolean classRule = hasRule(controller);
		for (Method method : controller.getDeclaredMethods()) {
			if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
				continue;
			}
			if (!classRule && !hasRule(method)) {
				problems.add(controller.getName() + "#" + method.getName());
			}
		}
		return problems;
	}

	static int handlerCount(String basePackage) throws ClassNotFoundException {
		var scanner = scanner();
		int count = 0;
		for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
			Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), HandlerAuthorization.class.getClassLoader());
			for (Method method : type.getDeclaredMethods()) {
				if (AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
					count++;
				}
			}
		}
		return count;
	}

	/** Controllers of the application; controllers planted inside test classes are left out. */
	private static ClassPathScanningCandidateComponentProvider scanner() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
		scanner.addExcludeFilter((reader, factory) -> reader.getClassMetadata().getClassName().contains("Tests$"));
		return scanner;
	}

	private static boolean hasRule(java.lang.reflect.AnnotatedElement element) {
		return AnnotatedElementUtils.hasAnnotation(element, PreAuthorize.class)
				|| AnnotatedElementUtils.hasAnnotation(element, RolesAllowed.class)
				|| AnnotatedElementUtils.hasAnnotation(element, PermitAll.class);
	}

}
