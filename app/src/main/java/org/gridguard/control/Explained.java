package org.gridguard.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gridguard.platform.Messages;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Explanations stored as a message key and arguments, shown in the reader's language. Arguments are kept as text;
 * one beginning with {@code #} is a message key itself (a category, a measure …) and is translated too, with its own
 * arguments after {@code |} when it has some ({@code #control.cause.push|省协查 2022-01-05}).
 */
final class Explained {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private Explained() {
	}

	/** The arguments as stored: a JSON array of strings. */
	static String args(Object... args) {
		var text = new ArrayList<String>(args.length);
		for (Object a : args) {
			text.add(a == null ? "" : String.valueOf(a));
		}
		return JSON.writeValueAsString(text);
	}

	/** A message key with arguments, as one argument of another explanation. */
	static String nested(String key, Object... args) {
		var text = new StringBuilder("#").append(key);
		for (Object a : args) {
			text.append('|').append(a == null ? "" : String.valueOf(a).replace('|', '/'));
		}
		return text.toString();
	}

	/** The explanation in the current language. */
	static @Nullable String render(@Nullable String key, @Nullable String args, Messages messages) {
		if (key == null) {
			return null;
		}
		List<String> values = args == null || args.isBlank() ? List.of() : JSON.readValue(args, STRINGS);
		Object[] resolved = new Object[values.size()];
		for (int i = 0; i < resolved.length; i++) {
			resolved[i] = value(values.get(i), messages);
		}
		return messages.get(key, resolved);
	}

	/** The stored arguments with each value found in {@code replacements} replaced (ids by names). */
	static @Nullable String replaceValues(@Nullable String args, Map<String, String> replacements) {
		if (args == null || args.isBlank()) {
			return args;
		}
		List<String> values = JSON.readValue(args, STRINGS);
		return JSON.writeValueAsString(values.stream().map(v -> replacements.getOrDefault(v, v)).toList());
	}

	/** One stored value: a {@code #key|arg|…} rendered in the current language, anything else as it is. */
	static String value(String v, Messages messages) {
		if (v.startsWith("#") && v.length() > 1) {
			String[] parts = v.substring(1).split("\\|", -1);
			return parts.length == 1 ? messages.get(parts[0])
					: messages.get(parts[0], (Object[]) java.util.Arrays.copyOfRange(parts, 1, parts.length));
		}
		return v;
	}

}
