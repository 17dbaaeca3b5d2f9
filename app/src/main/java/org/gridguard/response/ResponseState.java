package org.gridguard.response;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The level changes and the five profiles, held in memory so that reading the profile in force costs a few field
 * reads. Read again from the database after {@link ResponseProperties#refresh()} (so that every instance of a
 * cluster follows a change within that time), and at once after a change made here commits. A change scheduled for
 * later needs no reload: which change is in force is decided against the clock at every call.
 */
@Component
class ResponseState {

	private static final Logger LOG = LoggerFactory.getLogger(ResponseState.class);

	private final JdbcClient jdbc;

	private final ProfileCatalogue catalogue;

	private final Clock clock;

	private final long refreshNanos;

	private volatile @Nullable Loaded loaded;

	/** An admin's value as stored. */
	record Stored(String value, Instant updatedAt, String updatedBy) {
	}

	/** The changes not cancelled, by {@code since}; the profiles; the stored values behind them. */
	private record Loaded(List<LevelChange> changes, Map<ResponseLevel, ResponseProfile> profiles,
			Map<ResponseLevel, Map<String, Stored>> stored, long loadedAt) {
	}

	ResponseState(JdbcClient jdbc, ProfileCatalogue catalogue, Clock clock, ResponseProperties properties) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.clock = clock;
		this.refreshNanos = properties.refresh().toNanos();
	}

	/** The change in force at {@code at}. */
	LevelChange levelAt(Instant at) {
		LevelChange inForce = null;
		for (LevelChange change : load().changes()) {
			if (change.since().isAfter(at)) {
				break;
			}
			inForce = change;
		}
		return inForce != null ? inForce
				: new LevelChange(0, ResponseLevel.NORMAL, Instant.EPOCH, null, Instant.EPOCH, "system", null);
	}

	/** Changes recorded to take effect after {@code now}, soonest first. */
	List<LevelChange> scheduledAfter(Instant now) {
		return load().changes().stream().filter(c -> c.since().isAfter(now)).toList();
	}

	ResponseProfile profile(ResponseLevel level) {
		return load().profiles().get(level);
	}

	ResponseProfile active() {
		return profile(levelAt(clock.instant()).level());
	}

	/** The admin's values of one level, by key. */
	Map<String, Stored> stored(ResponseLevel level) {
		return load().stored().get(level);
	}

	/** Reads everything again once the current transaction has committed (at once without one). */
	void reloadAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					loaded = read();
				}
			});
		}
		else {
			loaded = read();
		}
	}

	private Loaded load() {
		Loaded l = loaded;
		if (l == null || System.nanoTime() - l.loadedAt() > refreshNanos) {
			l = read();
			loaded = l;
		}
		return l;
	}

	private Loaded read() {
		List<LevelChange> changes = jdbc
			.sql("SELECT * FROM response_level_change WHERE cancelled_at IS NULL ORDER BY since, id")
			.query((rs, i) -> change(rs))
			.list();
		var stored = new EnumMap<ResponseLevel, Map<String, Stored>>(ResponseLevel.class);
		for (ResponseLevel level : ResponseLevel.values()) {
			stored.put(level, new LinkedHashMap<>());
		}
		jdbc.sql("SELECT * FROM response_profile_value ORDER BY level, setting_key").query((ResultSet rs) -> {
			ResponseLevel level = ResponseLevel.valueOf(rs.getString("level"));
			stored.get(level).put(rs.getString("setting_key"), new Stored(rs.getString("value"),
					rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")));
		});
		var profiles = new EnumMap<ResponseLevel, ResponseProfile>(ResponseLevel.class);
		for (ResponseLevel level : ResponseLevel.values()) {
			var values = new HashMap<>(catalogue.defaults(level));
			stored.get(level).forEach((key, value) -> catalogue.setting(key).ifPresent(setting -> {
				SettingValues.Parsed parsed = SettingValues.parse(setting, value.value());
				if (parsed.value() == null) {
					// a module narrowed its bounds after the value was saved: its default holds until the admin edits it
					LOG.warn("Profile {} holds '{}' for {}, which is refused now ({}); the default applies", level,
							value.value(), key, parsed.problem());
				}
				else {
					values.put(key, parsed.value());
				}
			}));
			profiles.put(level, new ResponseProfile(level, values));
		}
		var frozen = new EnumMap<ResponseLevel, Map<String, Stored>>(ResponseLevel.class);
		stored.forEach((level, values) -> frozen.put(level, java.util.Collections.unmodifiableMap(values)));
		return new Loaded(List.copyOf(changes), profiles, frozen, System.nanoTime());
	}

	static LevelChange change(ResultSet rs) throws SQLException {
		return new LevelChange(rs.getLong("id"), ResponseLevel.valueOf(rs.getString("level")),
				rs.getTimestamp("since").toInstant(), rs.getString("reason"), rs.getTimestamp("changed_at").toInstant(),
				rs.getString("changed_by"),
				rs.getTimestamp("cancelled_at") == null ? null : rs.getTimestamp("cancelled_at").toInstant());
	}

}
