package org.gridguard.response;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.gridguard.platform.AuditLog;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city admin edits one level's profile. Every value is checked against its setting (type, bounds, decimals,
 * whole minutes, the order of settings that follow one another) and every refused one is named by its key; nothing
 * changes then. An empty value, or one equal to the default, means the default. Each changed value is audited; when
 * the level is in force, every module follows at once (other instances within {@link ResponseProperties#refresh()}).
 * Values a decision has already used stay with it: a deadline laid out before keeps its time.
 */
@Service
@Transactional
public class ProfileEditing {

	private final JdbcClient jdbc;

	private final ProfileCatalogue catalogue;

	private final ResponseState state;

	private final ProfileViews views;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Messages messages;

	private final Clock clock;

	ProfileEditing(JdbcClient jdbc, ProfileCatalogue catalogue, ResponseState state, ProfileViews views, AuditLog audit,
			ApplicationEventPublisher events, Messages messages, Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.state = state;
		this.views = views;
		this.audit = audit;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Sets the values given (by setting key; text as typed) in {@code level}'s profile; settings not given keep their
	 * values. Returns the keys whose value changed.
	 */
	public Set<String> edit(ResponseLevel level, Map<String, String> typed, String by) {
		var problems = new ArrayList<FieldProblem>();
		var parsed = new LinkedHashMap<String, @Nullable Object>();
		Map<String, Object> defaults = catalogue.defaults(level);
		for (Map.Entry<String, String> e : typed.entrySet()) {
			Optional<ProfileSetting> found = catalogue.setting(e.getKey());
			if (found.isEmpty()) {
				problems.add(messages.problem(e.getKey(), "response.setting.unknown"));
				continue;
			}
			ProfileSetting setting = found.get();
			String text = e.getValue() == null ? "" : e.getValue().strip();
			if (text.isEmpty()) {
				parsed.put(setting.key(), defaults.get(setting.key()));
				continue;
			}
			SettingValues.Parsed p = SettingValues.parse(setting, text);
			if (p.value() == null) {
				problems.add(new FieldProblem(setting.key(), views.label(setting) + "："
						+ messages.get(Objects.requireNonNull(p.problem()), withUnit(setting, p.args()))));
			}
			else {
				parsed.put(setting.key(), p.value());
			}
		}
		ResponseProfile current = state.profile(level);
		var merged = new HashMap<String, Object>();
		for (ProfileSetting setting : catalogue.settings()) {
			Object value = parsed.containsKey(setting.key()) ? parsed.get(setting.key()) : current.valueOf(setting.key());
			if (value != null) {
				merged.put(setting.key(), value);
			}
		}
		for (ProfileSetting setting : catalogue.settings()) {
			String other = setting.notBefore();
			if (other == null || !(parsed.containsKey(setting.key()) || parsed.containsKey(other))) {
				continue;
			}
			Object value = merged.get(setting.key());
			Object before = merged.get(other);
			if (value != null && before != null && !ProfileCatalogue.keepsOrder(setting, value, before)) {
				String otherLabel = views.label(catalogue.setting(other).orElseThrow());
				problems.add(new FieldProblem(setting.key(), views.label(setting) + "：" + messages.get(
						setting.type() == SettingType.TIME ? "response.setting.after" : "response.setting.notBelow",
						otherLabel)));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Map<String, ResponseState.Stored> stored = state.stored(level);
		Instant now = clock.instant();
		var changed = new LinkedHashSet<String>();
		for (Map.Entry<String, @Nullable Object> e : parsed.entrySet()) {
			ProfileSetting setting = catalogue.setting(e.getKey()).orElseThrow();
			Object value = Objects.requireNonNull(e.getValue());
			String before = current.valueOf(setting.key()) == null ? ""
					: SettingValues.format(setting, Objects.requireNonNull(current.valueOf(setting.key())));
			String after = SettingValues.format(setting, value);
			boolean isDefault = value.equals(defaults.get(setting.key()));
			if (isDefault) {
				if (stored.containsKey(setting.key())) {
					jdbc.sql("DELETE FROM response_profile_value WHERE level = ? AND setting_key = ?")
						.params(level.name(), setting.key())
						.update();
				}
			}
			else if (!value.equals(current.valueOf(setting.key())) || !stored.containsKey(setting.key())) {
				jdbc.sql("""
						INSERT INTO response_profile_value (level, setting_key, value, updated_at, updated_by)
						VALUES (?, ?, ?, ?, ?)
						ON CONFLICT (level, setting_key) DO UPDATE SET value = excluded.value,
							updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
					.params(level.name(), setting.key(), after, Timestamp.from(now), by)
					.update();
			}
			if (!before.equals(after)) {
				changed.add(setting.key());
				audit.record("RESPONSE_PROFILE_CHANGE", "response_profile", level.name(),
						setting.key() + ": " + before + " -> " + after + (isDefault ? " (default)" : ""));
			}
		}
		// the profiles are read again before listeners of the event run (they run after commit, in this order)
		state.reloadAfterCommit();
		if (!changed.isEmpty()) {
			events.publishEvent(new ResponseProfileEdited(level, Set.copyOf(changed)));
		}
		return changed;
	}

	/** Every setting of {@code level}'s profile back to its default. */
	public void reset(ResponseLevel level, String by) {
		List<String> keys = jdbc.sql("DELETE FROM response_profile_value WHERE level = ? RETURNING setting_key")
			.param(level.name())
			.query(String.class)
			.list();
		state.reloadAfterCommit();
		if (!keys.isEmpty()) {
			audit.record("RESPONSE_PROFILE_RESET", "response_profile", level.name(), String.join(", ", keys));
			events.publishEvent(new ResponseProfileEdited(level, Set.copyOf(keys)));
		}
	}

	private Object[] withUnit(ProfileSetting setting, Object[] args) {
		Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
		String unit = setting.shownUnitKey();
		all[args.length] = unit == null ? "" : messages.get(unit);
		return all;
	}

}
