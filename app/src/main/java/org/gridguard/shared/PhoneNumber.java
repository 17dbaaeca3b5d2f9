package org.gridguard.shared;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A mainland mobile number, normalised to its 11 digits. Accepts spaces, dashes and a {@code +86}/{@code 0086}
 * prefix; the number must start with 1 and a second digit 3-9 (the permissive rule: carriers keep adding segments).
 */
public record PhoneNumber(String value) {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	/** Why a text is not a valid mobile number. */
	public enum Problem {

		EMPTY, FORMAT

	}

	/** Either {@code phone} or {@code problem}. */
	public record Parsed(@Nullable PhoneNumber phone, @Nullable Problem problem) {

		public boolean valid() {
			return phone != null;
		}

	}

	public static Parsed parse(@Nullable String raw) {
		if (raw == null || raw.isBlank()) {
			return new Parsed(null, Problem.EMPTY);
		}
		String s = raw.replaceAll("[\\s\\-()\u3000]", "");
		if (s.startsWith("+86")) {
			s = s.substring(3);
		}
		else if (s.startsWith("0086")) {
			s = s.substring(4);
		}
		if (!MOBILE.matcher(s).matches()) {
			return new Parsed(null, Problem.FORMAT);
		}
		return new Parsed(new PhoneNumber(s), null);
	}

	/** For lists: {@code 138****5678}. */
	public String masked() {
		return value.substring(0, 3) + "****" + value.substring(7);
	}

	@Override
	public String toString() {
		return masked();
	}

}
