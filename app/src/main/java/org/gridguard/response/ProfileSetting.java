package org.gridguard.response;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One number (or time, switch, choice) of the rule profile that a module declares: its key, its type, what the
 * profile editor calls it, its default at each response level and the bounds a value must keep. Values are held as
 * text in a canonical form (durations as a number of {@link #unit()}, times as {@code HH:mm}, booleans as
 * {@code true}/{@code false}); modules read them typed through {@link ResponseProfile}.
 *
 * @param key unique key, the module's name first, e.g. {@code control.escalation.village}
 * @param type the kind of value
 * @param groupKey message key of the heading the setting is shown under (settings of one group stay together)
 * @param labelKey message key of its label
 * @param labelArgs arguments of the label; one starting with {@code #} is a message key itself (a category's name)
 * @param unit the unit a {@link SettingType#DURATION} is written in (minutes, hours or days), else {@code null}
 * @param unitKey message key of the unit shown after a number that is no duration (℃, %, 天), or {@code null}
 * @param decimals the decimals a {@link SettingType#DECIMAL} may have
 * @param min the smallest value allowed (in the unit), or {@code null}
 * @param max the largest value allowed (in the unit), or {@code null}
 * @param choices the values a {@link SettingType#CHOICE} may take
 * @param choiceKeyPrefix message key prefix of the choices' names ({@code prefix + choice})
 * @param notBefore the key of a setting of the same type this one may not be below (a time: must be later than)
 * @param defaults the default at each level, in canonical form
 */
public record ProfileSetting(String key, SettingType type, String groupKey, String labelKey, List<String> labelArgs,
		@Nullable ChronoUnit unit, @Nullable String unitKey, int decimals, @Nullable BigDecimal min,
		@Nullable BigDecimal max, List<String> choices, @Nullable String choiceKeyPrefix, @Nullable String notBefore,
		Map<ResponseLevel, String> defaults) {

	public ProfileSetting {
		if (!key.matches("[a-z][a-z0-9-]*(\\.[A-Za-z0-9_-]+)+") || key.length() > 120) {
			throw new IllegalArgumentException("setting key '" + key + "' is not of the form module.name");
		}
		if (type == SettingType.DURATION && unit != ChronoUnit.MINUTES && unit != ChronoUnit.HOURS
				&& unit != ChronoUnit.DAYS) {
			throw new IllegalArgumentException(key + ": a duration is written in minutes, hours or days");
		}
		labelArgs = List.copyOf(labelArgs);
		choices = List.copyOf(choices);
		var all = new EnumMap<ResponseLevel, String>(ResponseLevel.class);
		all.putAll(defaults);
		if (all.size() != ResponseLevel.values().length) {
			throw new IllegalArgumentException(key + ": needs a default for every level, has " + defaults.keySet());
		}
		defaults = Collections.unmodifiableMap(all);
	}

	/** A duration written in {@code unit}, with its defaults from {@link ResponseLevel#NORMAL} to {@link ResponseLevel#I}. */
	public static ProfileSetting duration(String key, String groupKey, String labelKey, ChronoUnit unit,
			List<Duration> perLevel) {
		return of(key, SettingType.DURATION, groupKey, labelKey, unit, 0, List.of(), null, perLevel);
	}

	public static ProfileSetting integer(String key, String groupKey, String labelKey, List<Integer> perLevel) {
		return of(key, SettingType.INTEGER, groupKey, labelKey, null, 0, List.of(), null, perLevel);
	}

	public static ProfileSetting decimal(String key, String groupKey, String labelKey, int decimals,
			List<BigDecimal> perLevel) {
		return of(key, SettingType.DECIMAL, groupKey, labelKey, null, decimals, List.of(), null, perLevel);
	}

	public static ProfileSetting time(String key, String groupKey, String labelKey, List<LocalTime> perLevel) {
		return of(key, SettingType.TIME, groupKey, labelKey, null, 0, List.of(), null, perLevel);
	}

	public static ProfileSetting bool(String key, String groupKey, String labelKey, List<Boolean> perLevel) {
		return of(key, SettingType.BOOLEAN, groupKey, labelKey, null, 0, List.of(), null, perLevel);
	}

	/** One of {@code choices} (named by the message keys {@code choiceKeyPrefix + choice}). */
	public static ProfileSetting choice(String key, String groupKey, String labelKey, String choiceKeyPrefix,
			List<String> choices, List<String> perLevel) {
		return of(key, SettingType.CHOICE, groupKey, labelKey, null, 0, choices, choiceKeyPrefix, perLevel);
	}

	/** The same value at every level, for {@code perLevel}. */
	public static <T> List<T> everyLevel(T value) {
		return Collections.nCopies(ResponseLevel.values().length, value);
	}

	/** With arguments of the label (a {@code #key} argument is translated). */
	public ProfileSetting labelArgs(String... args) {
		return new ProfileSetting(key, type, groupKey, labelKey, List.of(args), unit, unitKey, decimals, min, max,
				choices, choiceKeyPrefix, notBefore, defaults);
	}

	/** With bounds, inclusive, in the unit the value is written in. */
	public ProfileSetting range(String min, String max) {
		return new ProfileSetting(key, type, groupKey, labelKey, labelArgs, unit, unitKey, decimals, new BigDecimal(min),
				new BigDecimal(max), choices, choiceKeyPrefix, notBefore, defaults);
	}

	/** With the unit shown after a number that is no duration. */
	public ProfileSetting unitKey(String messageKey) {
		return new ProfileSetting(key, type, groupKey, labelKey, labelArgs, unit, messageKey, decimals, min, max, choices,
				choiceKeyPrefix, notBefore, defaults);
	}

	/** May not be below the setting {@code otherKey} (a time: must be later). */
	public ProfileSetting notBefore(String otherKey) {
		return new ProfileSetting(key, type, groupKey, labelKey, labelArgs, unit, unitKey, decimals, min, max, choices,
				choiceKeyPrefix, otherKey, defaults);
	}

	/** The message key of this setting's unit, if it shows one. */
	public @Nullable String shownUnitKey() {
		if (type == SettingType.DURATION && unit != null) {
			return "response.unit." + unit.name();
		}
		return unitKey;
	}

	private static ProfileSetting of(String key, SettingType type, String groupKey, String labelKey,
			@Nullable ChronoUnit unit, int decimals, List<String> choices, @Nullable String choiceKeyPrefix,
			List<?> perLevel) {
		if (perLevel.size() != ResponseLevel.values().length) {
			throw new IllegalArgumentException(key + ": needs " + ResponseLevel.values().length
					+ " defaults (NORMAL, IV, III, II, I), got " + perLevel.size());
		}
		var shell = new ProfileSetting(key, type, groupKey, labelKey, List.of(), unit, null, decimals, null, null, choices,
				choiceKeyPrefix, null, everyLevelMap(""));
		var defaults = new EnumMap<ResponseLevel, String>(ResponseLevel.class);
		List<String> texts = new ArrayList<>();
		for (Object value : perLevel) {
			texts.add(SettingValues.format(shell, value));
		}
		for (ResponseLevel level : ResponseLevel.values()) {
			defaults.put(level, texts.get(level.ordinal()));
		}
		return new ProfileSetting(key, type, groupKey, labelKey, List.of(), unit, null, decimals, null, null, choices,
				choiceKeyPrefix, null, defaults);
	}

	private static Map<ResponseLevel, String> everyLevelMap(String value) {
		var map = new EnumMap<ResponseLevel, String>(ResponseLevel.class);
		for (ResponseLevel level : ResponseLevel.values()) {
			map.put(level, value);
		}
		return map;
	}

}
