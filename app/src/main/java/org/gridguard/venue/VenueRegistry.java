package org.gridguard.venue;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridguard.platform.Messages;
import org.gridguard.response.ResponseLevelChanged;
import org.gridguard.response.ResponseProfileEdited;
import org.gridguard.shared.Sector;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every venue code and the little of each venue that entry verification needs, in memory, so that a scan or a batch
 * of check-ins costs no lookup. Reloaded after each committed change and once a minute (closed-loop shifts start and
 * end by date; another node may have changed something) and when the response level or its profile changes (special
 * places are under at least the closed management of the level in force). A city has a few thousand venues.
 */
@Component
class VenueRegistry implements SmartInitializingSingleton {

	/** What a scan needs to know about a venue; {@code staffOnShift} is sorted. */
	record Ref(long id, String name, String regionCode, Sector sector, VenueCategory category, Closure closure,
			@Nullable String closureReason, boolean active, long[] staffOnShift) {

		boolean onShift(long personId) {
			return Arrays.binarySearch(staffOnShift, personId) >= 0;
		}

	}

	/** A code and whether it has been revoked. */
	record Code(long venueId, boolean revoked) {
	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final VenueProfile profile;

	private final Messages messages;

	private volatile Map<String, Code> codes = Map.of();

	private volatile Map<Long, Ref> venues = Map.of();

	VenueRegistry(JdbcTemplate jdbc, Clock clock, VenueProfile profile, Messages messages) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.profile = profile;
		this.messages = messages;
	}

	/** A new response level (or an edit of the profile in force) may close special places: reload at once. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(ResponseLevelChanged event) {
		reload();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ResponseProfileEdited event) {
		reload();
	}

	@Override
	public void afterSingletonsInstantiated() {
		reload();
	}

	@Nullable Code code(String code) {
		return codes.get(code);
	}

	@Nullable Ref venue(long id) {
		return venues.get(id);
	}

	/** The venue an active code stands for, or {@code null} when the code is unknown or revoked. */
	@Nullable Ref active(String code) {
		Code c = codes.get(code);
		if (c == null || c.revoked()) {
			return null;
		}
		Ref ref = venues.get(c.venueId());
		return ref == null || !ref.active() ? null : ref;
	}

	@Scheduled(fixedDelayString = "${gridguard.venue.registry-refresh:60s}", initialDelayString = "${gridguard.venue.registry-refresh:60s}")
	synchronized void reload() {
		LocalDate today = LocalDate.now(clock);
		var shifts = new HashMap<Long, List<Long>>();
		jdbc.query("SELECT venue_id, person_id FROM venue_staff WHERE active AND loop_from <= ? AND loop_until >= ?",
				rs -> {
					shifts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
				}, Date.valueOf(today), Date.valueOf(today));
		var loadedVenues = new HashMap<Long, Ref>();
		VenueProfile.LevelClosure levelClosure = profile.specialClosure();
		String levelReason = messages.getDefault("venue.closure.byLevel", messages.getDefault(levelClosure.levelKey()));
		jdbc.query("SELECT id, name, region_code, sector, category, closure, closure_reason, active FROM venue", rs -> {
			long id = rs.getLong(1);
			long[] staff = shifts.getOrDefault(id, List.of()).stream().mapToLong(Long::longValue).sorted().toArray();
			VenueCategory category = VenueCategory.valueOf(rs.getString(5));
			Closure own = Closure.valueOf(rs.getString(6));
			// special places are under at least the closed management of the response level in force
			Closure closure = category.special() ? levelClosure.over(own) : own;
			String reason = closure == own ? rs.getString(7) : levelReason;
			loadedVenues.put(id, new Ref(id, rs.getString(2), rs.getString(3), Sector.valueOf(rs.getString(4)), category,
					closure, reason, rs.getBoolean(8), staff));
		});
		var loadedCodes = new HashMap<String, Code>();
		jdbc.query("SELECT code, venue_id, revoked_at IS NOT NULL FROM venue_code",
				rs -> {
					loadedCodes.put(rs.getString(1), new Code(rs.getLong(2), rs.getBoolean(3)));
				});
		venues = Map.copyOf(loadedVenues);
		codes = Map.copyOf(loadedCodes);
	}

	/** Reloads once the current transaction has committed (at once when there is none). */
	void reloadAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// once per transaction, however many venues it changed (the demo registers hundreds in one)
			if (TransactionSynchronizationManager.hasResource(this)) {
				return;
			}
			TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					reload();
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(VenueRegistry.this);
				}
			});
		}
		else {
			reload();
		}
	}

}
