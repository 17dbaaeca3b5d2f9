package org.gridguard.platform;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * A text that is stored and read later by people of either language (a notification's title and body): kept as a
 * message key with its arguments, {@code #key|arg|arg}, and put into words when it is shown, in the reader's
 * language. An argument may itself be a message key ({@link #label}); anything stored otherwise (texts written before
 * #14, what people typed) is shown as it is.
 */
public final class StoredText {

	private static final char SEPARATOR = '|';

	private StoredText() {
	}

	/** The text {@code key} with {@code args}, to be stored. */
	public static String of(String key, Object... args) {
		var text = new StringBuilder("#").append(key);
		for (Object a : args) {
			text.append(SEPARATOR);
			if (a instanceof Label label) {
				text.append('@').append(label.key());
				continue;
			}
			String value = a == null ? "" : String.valueOf(a).replace(SEPARATOR, '/');
			// data that happens to start like a label stays data
			text.append(value.startsWith("#") || value.startsWith("@") ? "#" + value : value);
		}
		return text.toString();
	}

	/** An argument that is itself a label of the interface, rendered in the reader's language. */
	public static Label label(String key) {
		return new Label(key);
	}

	/** A message key given as an argument. */
	public record Label(String key) {
	}

	/** The stored text in the current language. */
	public static @Nullable String render(@Nullable String stored, Messages messages) {
		if (stored == null || !stored.startsWith("#") || stored.length() < 2 || stored.charAt(1) == '#') {
			return stored;
		}
		String[] parts = stored.substring(1).split("\\|", -1);
		Object[] args = Arrays.stream(parts, 1, parts.length).map(a -> argument(a, messages)).toArray();
		return messages.get(parts[0], args);
	}

	/** The stored text in the default language (Chinese), for text messages to phones. */
	public static @Nullable String renderDefault(@Nullable String stored, Messages messages) {
		if (stored == null || !stored.startsWith("#") || stored.length() < 2 || stored.charAt(1) == '#') {
			return stored;
		}
		String[] parts = stored.substring(1).split("\\|", -1);
		Object[] args = Arrays.stream(parts, 1, parts.length)
			.map(a -> a.startsWith("@") ? messages.getDefault(a.substring(1)) : a.startsWith("#") ? a.substring(1) : a)
			.toArray();
		return messages.getDefault(parts[0], args);
	}

	private static String argument(String a, Messages messages) {
		if (a.startsWith("@")) {
			return messages.get(a.substring(1));
		}
		return a.startsWith("#") ? a.substring(1) : a;
	}

}
