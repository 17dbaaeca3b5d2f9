package org.gridguard.platform;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Resolves message keys in the current request's language (Chinese by default).
 */
@Component
public class Messages {

	private final MessageSource source;

	Messages(MessageSource source) {
		this.source = source;
	}

	public String get(String key, Object... args) {
		return source.getMessage(key, args, key, locale());
	}

	/** In the default language (Chinese), for texts written once and read by everyone. */
	public String getDefault(String key, Object... args) {
		return source.getMessage(key, args, key, java.util.Locale.SIMPLIFIED_CHINESE);
	}

	public Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	public FieldProblem problem(String field, String key, Object... args) {
		return new FieldProblem(field, get(key, args));
	}

}
