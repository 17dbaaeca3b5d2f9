package org.gridguard.platform;

import org.jspecify.annotations.Nullable;

/**
 * Control characters in text from outside (a request parameter, a cell of an import, a field of an API item). Nobody
 * types them on purpose, PostgreSQL refuses NUL in text, and a spreadsheet hides them; so text holding one is refused
 * for that field alone, naming the field and the position. Tab, CR and LF are not refused: multi-line text (a note,
 * an address pasted from a spreadsheet cell) carries them.
 */
public final class ControlCharacters {

	private ControlCharacters() {
	}

	/**
	 * @return the position (0-based) of the first control character other than tab, CR and LF (C0, DEL and C1), or -1
	 */
	public static int find(@Nullable CharSequence text) {
		if (text == null) {
			return -1;
		}
		for (int i = 0; i < text.length(); i++) {
			if (refused(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	/** Whether a character is a control character other than tab, CR and LF. */
	public static boolean refused(char c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
	}

	/**
	 * The problem of a field whose text holds a control character, naming its position (1-based, as a person counts),
	 * or null when the text is clean.
	 */
	public static @Nullable FieldProblem problem(String field, @Nullable CharSequence text, Messages messages) {
		int at = find(text);
		return at < 0 ? null : messages.problem(field, "validation.controlCharacter", at + 1);
	}

}
