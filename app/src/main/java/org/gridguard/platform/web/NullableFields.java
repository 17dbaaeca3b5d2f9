package org.gridguard.platform.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Marks the fields of a record that may be {@code null} as nullable in the API document: the record components
 * annotated {@code @Nullable} (JSpecify), which the document would otherwise show as always holding a value.
 */
class NullableFields implements ModelConverter {

	@Override
	public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		if (!chain.hasNext()) {
			return null;
		}
		Schema<?> resolved = chain.next().resolve(type, context, chain);
		if (resolved == null || type.getType() == null) {
			return resolved;
		}
		JavaType javaType = Json.mapper().constructType(type.getType());
		Class<?> raw = javaType.getRawClass();
		if (raw == null || !raw.isRecord()) {
			return resolved;
		}
		Schema<?> model = resolved;
		if (resolved.get$ref() != null) {
			String ref = resolved.get$ref();
			model = context.getDefinedModels().get(ref.substring(ref.lastIndexOf('/') + 1));
		}
		if (model == null || model.getProperties() == null) {
			return resolved;
		}
		for (RecordComponent component : raw.getRecordComponents()) {
			Schema<?> property = model.getProperties().get(component.getName());
			if (property != null && component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
				nullable(property);
			}
		}
		return resolved;
	}

	/**
	 * OpenAPI 3.1: the type list gains {@code "null"}, and so does a list of values (a reference to another schema is
	 * left as it is).
	 */
	@SuppressWarnings("unchecked")
	private static void nullable(Schema<?> property) {
		if (property.get$ref() != null) {
			return;
		}
		var types = new LinkedHashSet<String>();
		if (property.getTypes() != null) {
			types.addAll(property.getTypes());
		}
		else if (property.getType() != null) {
			types.add(property.getType());
		}
		if (!types.isEmpty()) {
			types.add("null");
			property.setTypes(types);
		}
		if (property.getEnum() != null && !property.getEnum().contains(null)) {
			var values = new ArrayList<Object>(property.getEnum());
			values.add(null);
			((Schema<Object>) property).setEnum(values);
		}
	}

}
