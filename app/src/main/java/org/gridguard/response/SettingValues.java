package org.gridguard.response;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * Reading, checking and writing a setting's value as text: the one place that knows how each {@link SettingType} is
 * written.
 */
final class SettingValues {

	private static final DateTimeFormatter TIME_IN = DateTimeFormatter.ofPattern("H:mm");

	private static final DateTimeFormatter TIME_OUT = DateTimeFormatter.ofPattern("HH:mm");

	private SettingValues() {
	}

	/**
	 * A value read from text: the typed value, or why it was refused (a message key of the response bundle and its
	 * arguments; the range's arguments are the bounds, the unit is added by the caller).
	 */
	record Parsed(@Nullable Object value, @Nullable String problem, Object... args) {

		static Parsed ok(Object value) {
			return new Parsed(value, null);
		}

		static Parsed refused(String problem, Object... args) {
			return new Parsed(null, problem, args);
		}

	}

	/** Reads and checks {@code text} for {@code setting}: its type, its decimals and its bounds. */
	static Parsed parse(ProfileSetting setting, String text) {
		String t = text.strip();
		switch (setting.type()) {
			case TIME:
				try {
					return Parsed.ok(LocalTime.parse(t, TIME_IN));
				}
				catch (DateTimeParseException ex) {
					return Parsed.refused("response.setting.time", t);
				}
			case BOOLEAN:
				if (t.equals("true") || t.equals("false")) {
					return Parsed.ok(Boolean.valueOf(t));
				}
				return Parsed.refused("response.setting.boolean");
			case CHOICE:
				return setting.choices().contains(t) ? Parsed.ok(t) : Parsed.refused("response.setting.choice");
			default:
				break;
		}
		BigDecimal number;
		try {
			number = new BigDecimal(t);
		}
		catch (NumberFormatException ex) {
			return Parsed.refused("response.setting.number", t);
		}
		if ((setting.min() != null && number.compareTo(setting.min()) < 0)
				|| (setting.max() != null && number.compareTo(setting.max()) > 0)) {
			return Parsed.refused("response.setting.range", plain(setting.min()), plain(setting.max()));
		}
		switch (setting.type()) {
			case INTEGER:
				if (number.stripTrailingZeros().scale() > 0) {
					return Parsed.refused("response.setting.whole");
				}
				return Parsed.ok(number.intValueExact());
			case DECIMAL:
				if (number.stripTrailingZeros().scale() > setting.decimals()) {
					return Parsed.refused("response.setting.decimals", setting.decimals());
				}
				return Parsed.ok(number.stripTrailingZeros());
			default:
				// whole minutes, allowing for the six decimals a third of an hour is written with
				BigDecimal minutes = number.multiply(minutesPer(setting.unit()));
				BigDecimal whole = minutes.setScale(0, RoundingMode.HALF_UP);
				if (minutes.subtract(whole).abs().compareTo(new BigDecimal("0.01")) > 0) {
					return Parsed.refused("response.setting.wholeMinutes");
				}
				return Parsed.ok(Duration.ofMinutes(whole.longValueExact()));
		}
	}

	/** The canonical text of a typed value. */
	static String format(ProfileSetting setting, Object value) {
		return switch (setting.type()) {
			case DURATION -> plain(BigDecimal.valueOf(((Duration) value).toMinutes())
				.divide(minutesPer(setting.unit()), 6, RoundingMode.HALF_UP));
			case INTEGER -> String.valueOf(((Number) value).intValue());
			case DECIMAL -> plain(value instanceof BigDecimal d ? d : new BigDecimal(value.toString()));
			case TIME -> ((LocalTime) value).format(TIME_OUT);
			case BOOLEAN, CHOICE -> value.toString();
		};
	}

	/** Orders two values of one setting (for {@link ProfileSetting#notBefore()}). */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static int compare(Object a, Object b) {
		return ((Comparable) a).compareTo(b);
	}

	static BigDecimal minutesPer(@Nullable ChronoUnit unit) {
		if (unit == null) {
			throw new IllegalArgumentException("a duration needs its unit");
		}
		return BigDecimal.valueOf(unit.getDuration().toMinutes());
	}

	private static String plain(@Nullable BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

}
