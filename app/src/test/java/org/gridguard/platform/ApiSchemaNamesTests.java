package org.gridguard.platform;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.jackson.TypeNameResolver;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API document names each schema by its class's simple name; two classes of one name (two {@code Rejection}s)
 * would be one schema there, the second overwriting the first. Every record that an API handler takes or answers,
 * directly or inside another, must therefore have a name of its own.
 */
class ApiSchemaNamesTests {

	@Test
	void everyRecordOfTheApiHasASchemaNameOfItsOwn() throws ClassNotFoundException {
		Map<String, Set<String>> classesByName = new TreeMap<>();
		for (Type type : apiRecords()) {
			String name = TypeNameResolver.std.nameForType(TypeFactory.defaultInstance().constructType(type));
			classesByName.computeIfAbsent(name, n -> new TreeSet<>()).add(type.getTypeName());
		}
		assertThat(classesByName).as("records of the API").containsKeys("PushListView", "ResultsAnswer", "CheckInResponse");
		assertThat(classesByName.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Object::toString))
			.as("schema names shared by several classes")
			.isEmpty();
	}

	@Test
	void twoRecordsOfOneSimpleNameAreCaught() {
		assertThat(TypeNameResolver.std.nameForType(TypeFactory.defaultInstance().constructType(First.Answer.class)))
			.isEqualTo(TypeNameResolver.std.nameForType(TypeFactory.defaultInstance().constructType(Second.Answer.class)));
	}

	/** The records (and uses of generic records) that handlers take as bodies or answer with, and those inside them. */
	static Set<Type> apiRecords() throws ClassNotFoundException {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
		Set<Type> records = new HashSet<>();
		for (var candidate : scanner.findCandidateComponents("org.gridguard")) {
			Class<?> controller = Class.forName(candidate.getBeanClassName());
			for (Method method : controller.getDeclaredMethods()) {
				if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
					continue;
				}
				collect(method.getGenericReturnType(), records);
				for (Parameter parameter : method.getParameters()) {
					if (parameter.isAnnotationPresent(RequestBody.class)) {
						collect(parameter.getParameterizedType(), records);
					}
				}
			}
		}
		return records;
	}

	private static void collect(Type type, Set<Type> records) {
		if (type instanceof ParameterizedType parameterized) {
			if (parameterized.getRawType() instanceof Class<?> raw && raw.isRecord() && records.add(parameterized)) {
				components(raw, records);
			}
			for (Type argument : parameterized.getActualTypeArguments()) {
				collect(argument, records);
			}
			return;
		}
		if (type instanceof Class<?> cls && cls.isRecord() && cls.getTypeParameters().length == 0 && records.add(cls)) {
			components(cls, records);
		}
	}

	/** The records inside a record's components (type variables of a generic record come with its uses). */
	private static void components(Class<?> record, Set<Type> records) {
		for (RecordComponent component : record.getRecordComponents()) {
			collect(component.getGenericType(), records);
		}
	}

	static class First {

		record Answer(int index) {
		}

	}

	static class Second {

		record Answer(int row) {
		}

	}

}
