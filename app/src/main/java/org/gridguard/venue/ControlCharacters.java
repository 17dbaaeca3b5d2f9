package org.gridguard.venue;

import org.jspecify.annotations.Nullable;

/**
 * Finds characters that no field of a check-in may hold: control characters (NUL, line breaks, escapes …) and halves
 * of a character (unpaired UTF-16 surrogates). The database refuses a NUL in text, so one such byte in one item would
 * otherwise fail the whole request; found here, it costs only its own item.
 */
final class ControlCharacters {

	private ControlCharacters() {
	}

	/** The 1-based position of the first such character, or 0 when there is none. */
	static int firstIn(@Nullable String text) {
		if (text == null) {
			return 0;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c)) {
				return i + 1;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return i + 1;
			}
			if (Character.isLowSurrogate(c)) {
				return i + 1;
			}
		}
		return 0;
	}

}
