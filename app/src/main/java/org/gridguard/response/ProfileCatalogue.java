package org.gridguard.response;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every setting the modules declare ({@link ProfileSettings} beans), in editor order, with their typed defaults. The
 * declarations are collected at first use, not at construction, because the modules that declare them read them
 * through this module too. A declaration that contradicts itself (two settings with one key, a default outside its
 * own bounds) stops the application at that first use, naming the key.
 */
@Component
class ProfileCatalogue {

	private final ObjectProvider<ProfileSettings> declarations;

	private volatile @Nullable Declared declared;

	private record Declared(Map<String, ProfileSetting> byKey, Map<ResponseLevel, Map<String, Object>> defaults) {
	}

	ProfileCatalogue(ObjectProvider<ProfileSettings> declarations) {
		this.declarations = declarations;
	}

	/** The settings in editor order. */
	List<ProfileSetting> settings() {
		return List.copyOf(declared().byKey().values());
	}

	Optional<ProfileSetting> setting(String key) {
		return Optional.ofNullable(declared().byKey().get(key));
	}

	/** Every setting's typed default at {@code level}. */
	Map<String, Object> defaults(ResponseLevel level) {
		return declared().defaults().get(level);
	}

	private Declared declared() {
		Declared d = declared;
		if (d == null) {
			synchronized (this) {
				d = declared;
				if (d == null) {
					d = collect();
					declared = d;
				}
			}
		}
		return d;
	}

	private Declared collect() {
		var byKey = new LinkedHashMap<String, ProfileSetting>();
		List<ProfileSettings> all = new ArrayList<>(declarations.orderedStream().toList());
		all.sort(Comparator.comparingInt(ProfileSettings::order));
		for (ProfileSettings module : all) {
			for (ProfileSetting setting : module.declarations()) {
				if (byKey.putIfAbsent(setting.key(), setting) != null) {
					throw new IllegalStateException("profile setting " + setting.key() + " is declared twice");
				}
			}
		}
		var defaults = new EnumMap<ResponseLevel, Map<String, Object>>(ResponseLevel.class);
		for (ResponseLevel level : ResponseLevel.values()) {
			var values = new LinkedHashMap<String, Object>();
			for (ProfileSetting setting : byKey.values()) {
				SettingValues.Parsed parsed = SettingValues.parse(setting, setting.defaults().get(level));
				if (parsed.value() == null) {
					throw new IllegalStateException("the default of profile setting " + setting.key() + " at level "
							+ level + " (" + setting.defaults().get(level) + ") is refused: " + parsed.problem());
				}
				values.put(setting.key(), parsed.value());
			}
			for (ProfileSetting setting : byKey.values()) {
				String other = setting.notBefore();
				if (other == null) {
					continue;
				}
				ProfileSetting before = byKey.get(other);
				if (before == null || before.type() != setting.type()) {
					throw new IllegalStateException("profile setting " + setting.key() + " is to follow " + other
							+ ", which is no declared setting of the same type");
				}
				if (!keepsOrder(setting, values.get(setting.key()), values.get(other))) {
					throw new IllegalStateException("the default of profile setting " + setting.key() + " at level "
							+ level + " comes before that of " + other);
				}
			}
			defaults.put(level, Map.copyOf(values));
		}
		return new Declared(byKey, defaults);
	}

	/** Whether {@code value} of {@code setting} keeps its order after {@code before} (a time strictly later). */
	static boolean keepsOrder(ProfileSetting setting, Object value, Object before) {
		int order = SettingValues.compare(value, before);
		return setting.type() == SettingType.TIME ? order > 0 : order >= 0;
	}

}
