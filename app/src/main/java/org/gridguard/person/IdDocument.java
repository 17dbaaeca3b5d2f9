package org.gridguard.person;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.Messages;
import org.gridguard.shared.IdNumber;
import org.jspecify.annotations.Nullable;

/**
 * A validated, normalised identity document: what persons are matched by.
 */
public record IdDocument(IdType type, String number) {

	private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,17}");

	private static final Pattern HK_MACAO = Pattern.compile("[HM]\\d{8}(\\d{2})?");

	private static final Pattern TAIWAN = Pattern.compile("\\d{8}|[A-Z0-9]{10}");

	private static final Pattern FOREIGNER = Pattern.compile("[A-Z]{3}\\d{12}|9\\d{17}");

	/** Either a document or the problem with the input, worded for the user. */
	public record Parsed(@Nullable IdDocument document, @Nullable FieldProblem problem) {
	}

	/**
	 * Validates {@code raw} as a document of {@code type} (a resident ID when {@code type} is null), naming
	 * {@code field} in the problem.
	 */
	public static Parsed parse(@Nullable IdType type, @Nullable String raw, LocalDate today, String field,
			Messages messages) {
		IdType t = type == null ? IdType.RESIDENT_ID : type;
		if (t == IdType.RESIDENT_ID) {
			IdNumber.Parsed parsed = IdNumber.parse(raw, today);
			if (parsed.id() != null) {
				return new Parsed(new IdDocument(t, parsed.id().value()), null);
			}
			return new Parsed(null, messages.problem(field, "validation.id." + parsed.problem(), parsed.expected()));
		}
		String s = raw == null ? "" : raw.replaceAll("[\\s\\-\u3000]", "").toUpperCase();
		if (s.isEmpty()) {
			return new Parsed(null, messages.problem(field, "validation.id.EMPTY"));
		}
		Pattern pattern = switch (t) {
			case PASSPORT -> PASSPORT;
			case HK_MACAO_PERMIT -> HK_MACAO;
			case TAIWAN_PERMIT -> TAIWAN;
			default -> FOREIGNER;
		};
		if (!pattern.matcher(s).matches()) {
			return new Parsed(null, messages.problem(field, "person.idDocument.format",
					messages.get("person.idType." + t.name())));
		}
		return new Parsed(new IdDocument(t, s), null);
	}

	/** The key the keyed hash is computed over: type and number, so equal numbers of different kinds differ. */
	String hashKey() {
		return type == IdType.RESIDENT_ID ? number : type.name() + ":" + number;
	}

	public String masked() {
		return IdNumber.mask(number);
	}

	@Override
	public String toString() {
		return type + ":" + masked();
	}

}
