package org.gridguard.shared;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A mainland resident identity number (GB 11643-1999), normalised: 18 characters, upper-case check character.
 * Layout: 6-digit address code, birth date {@code yyyyMMdd}, 3-digit sequence (odd = male), ISO 7064 MOD 11-2
 * check character. Only {@link #parse} creates one, so every instance is valid.
 */
public record IdNumber(String value) {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	/** First two digits of the address code: the provinces of GB/T 2260, past and present. */
	private static final String PROVINCES = " 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 ";

	/** Why a text is not a valid identity number. */
	public enum Problem {

		EMPTY, LENGTH, CHARACTERS, REGION, BIRTH_DATE, BIRTH_DATE_FUTURE, CHECK_DIGIT

	}

	/**
	 * The outcome of parsing: either {@code id} or a {@code problem}. For {@link Problem#CHECK_DIGIT},
	 * {@code expected} holds the correct check character.
	 */
	public record Parsed(@Nullable IdNumber id, @Nullable Problem problem, @Nullable String expected) {

		public boolean valid() {
			return id != null;
		}

		public IdNumber orElseThrow() {
			if (id == null) {
				throw new IllegalArgumentException("invalid identity number: " + problem);
			}
			return id;
		}

	}

	/**
	 * Validates and normalises. Spaces are ignored and a lower-case {@code x} accepted; the birth date must be a real
	 * date not after {@code today}; only the province part of the address code is checked, because older codes stay
	 * valid for people born under them.
	 */
	public static Parsed parse(@Nullable String raw, LocalDate today) {
		if (raw == null || raw.isBlank()) {
			return new Parsed(null, Problem.EMPTY, null);
		}
		String s = raw.replace(" ", "").replace("\u3000", "").toUpperCase();
		if (s.length() != 18) {
			return new Parsed(null, Problem.LENGTH, null);
		}
		for (int i = 0; i < 17; i++) {
			if (s.charAt(i) < '0' || s.charAt(i) > '9') {
				return new Parsed(null, Problem.CHARACTERS, null);
			}
		}
		char last = s.charAt(17);
		if ((last < '0' || last > '9') && last != 'X') {
			return new Parsed(null, Problem.CHARACTERS, null);
		}
		if (!PROVINCES.contains(" " + s.substring(0, 2) + " ")) {
			return new Parsed(null, Problem.REGION, null);
		}
		LocalDate birth;
		try {
			birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
					Integer.parseInt(s.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			return new Parsed(null, Problem.BIRTH_DATE, null);
		}
		if (birth.getYear() < 1880) {
			return new Parsed(null, Problem.BIRTH_DATE, null);
		}
		if (birth.isAfter(today)) {
			return new Parsed(null, Problem.BIRTH_DATE_FUTURE, null);
		}
		char expected = checkCharacter(s);
		if (expected != last) {
			return new Parsed(null, Problem.CHECK_DIGIT, String.valueOf(expected));
		}
		return new Parsed(new IdNumber(s), null, null);
	}

	/** The check character for the first 17 digits of {@code s}. */
	public static char checkCharacter(CharSequence s) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (s.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

	public LocalDate birthDate() {
		return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
				Integer.parseInt(value.substring(12, 14)));
	}

	public boolean male() {
		return (value.charAt(16) - '0') % 2 == 1;
	}

	/**
	 * For lists: the first three and the last two characters, e.g. {@code 330*************31}. The hidden part spans
	 * address code, birth date and sequence, so that neither the place a person lives nor a birth date completes it
	 * (see docs/DECISIONS.md, "Personal data").
	 */
	public String masked() {
		return mask(value);
	}

	/**
	 * The list form of any normalised document number: first three and last two characters, or only stars for
	 * numbers shorter than ten characters.
	 */
	public static String mask(String normalised) {
		if (normalised.length() < 10) {
			return "*".repeat(normalised.length());
		}
		return normalised.substring(0, 3) + "*".repeat(normalised.length() - 5)
				+ normalised.substring(normalised.length() - 2);
	}

	@Override
	public String toString() {
		return masked();
	}

}
