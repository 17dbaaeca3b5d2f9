package org.gridguard.response;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The city's emergency response level (rules §7), from the mildest to the strictest: 常态化防控 (no local outbreak), then
 * Ⅳ (一般), Ⅲ (较大), Ⅱ (重大) and Ⅰ (特别重大). Message keys: {@code response.level.<NAME>}.
 */
public enum ResponseLevel {

	/** 常态化防控. */
	NORMAL,
	/** Ⅳ级响应 (一般). */
	IV,
	/** Ⅲ级响应 (较大). */
	III,
	/** Ⅱ级响应 (重大). */
	II,
	/** Ⅰ级响应 (特别重大). */
	I;

	public String messageKey() {
		return "response.level." + name();
	}

	/** Whether this level is stricter than {@code other}. */
	public boolean stricterThan(ResponseLevel other) {
		return ordinal() > other.ordinal();
	}

	/** Reads a level by its code ({@code NORMAL}, {@code IV} … {@code I}); {@code null} when it is none. */
	public static @Nullable ResponseLevel parse(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String code = text.strip().toUpperCase(Locale.ROOT);
		for (ResponseLevel level : values()) {
			if (level.name().equals(code)) {
				return level;
			}
		}
		return null;
	}

}
