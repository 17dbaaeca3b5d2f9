package org.gridguard.response;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The rule profile of one response level as modules read it: every declared setting with the admin's value or the
 * level's default, typed. A snapshot: it does not change once obtained, so a decision reads one consistent profile.
 * Asking for a key that no module declared, or with the wrong type, is a programming error
 * ({@link IllegalArgumentException}).
 */
public final class ResponseProfile {

	private final ResponseLevel level;

	private final Map<String, Object> values;

	ResponseProfile(ResponseLevel level, Map<String, Object> values) {
		this.level = level;
		this.values = Map.copyOf(values);
	}

	/** The level this profile belongs to. */
	public ResponseLevel level() {
		return level;
	}

	public Duration duration(String key) {
		return get(key, Duration.class);
	}

	public int integer(String key) {
		return get(key, Integer.class);
	}

	public BigDecimal decimal(String key) {
		return get(key, BigDecimal.class);
	}

	public LocalTime time(String key) {
		return get(key, LocalTime.class);
	}

	public boolean bool(String key) {
		return get(key, Boolean.class);
	}

	/** The choice a {@link SettingType#CHOICE} setting holds. */
	public String choice(String key) {
		return get(key, String.class);
	}

	/** A choice that names a constant of {@code type}. */
	public <E extends Enum<E>> E choice(String key, Class<E> type) {
		return Enum.valueOf(type, choice(key));
	}

	/** The typed value of a setting, or {@code null} when none is declared under {@code key}. */
	@Nullable Object valueOf(String key) {
		return values.get(key);
	}

	private <T> T get(String key, Class<T> type) {
		Object value = values.get(key);
		if (value == null) {
			throw new IllegalArgumentException("no profile setting '" + key + "' is declared");
		}
		if (!type.isInstance(value)) {
			throw new IllegalArgumentException("profile setting '" + key + "' is no " + type.getSimpleName());
		}
		return type.cast(value);
	}

	@Override
	public String toString() {
		return "ResponseProfile[" + level + ", " + values.size() + " settings]";
	}

}
