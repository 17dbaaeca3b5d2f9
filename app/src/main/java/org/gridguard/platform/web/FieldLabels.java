package org.gridguard.platform.web;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The name of a form or file field as a reader knows it ({@code idNumber} → 身份证号), for the problems listed above a
 * form and the rejected rows of an import; the API keeps the field names of the contract. Templates use
 * {@code ${@fields.label(p.field())}}.
 */
@Component("fields")
public class FieldLabels {

	private final MessageSource source;

	FieldLabels(MessageSource source) {
		this.source = source;
	}

	/** The label of {@code field} ({@code rows[3].idNumber} is labelled as {@code idNumber}); unknown names as given. */
	public String label(@Nullable String field) {
		if (field == null || field.isBlank()) {
			return "";
		}
		String name = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
		return source.getMessage("field." + name, null, field, LocaleContextHolder.getLocale());
	}

}
