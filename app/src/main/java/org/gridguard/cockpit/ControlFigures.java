package org.gridguard.cockpit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gridguard.control.Category;
import org.gridguard.control.ControlQueries;
import org.gridguard.control.RiskPerson;
import org.gridguard.control.Violation;
import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The control loop's figures of every place in the city (grid, or the queue of a village, town or the city), read in a
 * few grouped statements and kept for {@code gridguard.cockpit.state-refresh}: the figures of any area are then sums
 * over the places inside it, so that the city, a town and each of its villages cost the same few statements, not a
 * scan each. While someone watches the cockpit, the figures are read again in the background before they grow old, so
 * that no reader waits for them. With a refresh of zero every reading is fresh.
 */
@Component
class ControlFigures {

	/** The figures of an area. */
	record Counts(long active, Map<Category, Long> activeByCategory, Map<RiskPerson.State, Long> byState, long open,
			long overdue, long escalated, Map<Violation.Kind, Long> reasons) {

		long unmanaged() {
			return reasons.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/** Every place's figures at one moment. */
	private record Snapshot(Instant at, List<ControlQueries.RiskPersonGroup> persons, List<ControlQueries.TaskGroup> tasks,
			List<ControlQueries.ViolationGroup> violations, List<ControlQueries.PushedGroup> pushed) {
	}

	/** How long after the last reading the figures are kept warm in the background. */
	private static final Duration WATCHED = Duration.ofMinutes(5);

	private final ControlQueries queries;

	private final Clock clock;

	private final Duration refresh;

	private final Object reading = new Object();

	private volatile @Nullable Snapshot current;

	private volatile Instant lastAsked = Instant.EPOCH;

	ControlFigures(ControlQueries queries, Clock clock, CockpitProperties properties) {
		this.queries = queries;
		this.clock = clock;
		this.refresh = properties.stateRefresh();
	}

	Counts counts(String regionCode) {
		Snapshot s = snapshot();
		var byCategory = new EnumMap<Category, Long>(Category.class);
		var byState = new EnumMap<RiskPerson.State, Long>(RiskPerson.State.class);
		long active = 0;
		for (ControlQueries.RiskPersonGroup g : s.persons()) {
			if (g.regionCode().startsWith(regionCode)) {
				byState.merge(g.state(), g.count(), Long::sum);
				if (ControlQueries.ACTIVE_IN_LISTS.contains(g.state())) {
					byCategory.merge(g.category(), g.count(), Long::sum);
					active += g.count();
				}
			}
		}
		long open = 0;
		long overdue = 0;
		long escalated = 0;
		for (ControlQueries.TaskGroup g : s.tasks()) {
			if (g.regionCode().startsWith(regionCode)) {
				open += g.open();
				overdue += g.overdue();
				escalated += g.escalated();
			}
		}
		var reasons = new EnumMap<Violation.Kind, Long>(Violation.Kind.class);
		for (ControlQueries.ViolationGroup g : s.violations()) {
			if (g.regionCode().startsWith(regionCode)) {
				reasons.merge(g.kind(), g.count(), Long::sum);
			}
		}
		return new Counts(active, byCategory, byState, open, overdue, escalated, reasons);
	}

	/** Active risk persons, overdue tasks and open violations by part of an area (codes cut to {@code codeLength}). */
	Map<String, long[]> byArea(String regionCode, int codeLength) {
		Snapshot s = snapshot();
		var result = new HashMap<String, long[]>();
		for (ControlQueries.RiskPersonGroup g : s.persons()) {
			if (g.regionCode().startsWith(regionCode) && ControlQueries.ACTIVE_IN_LISTS.contains(g.state())) {
				result.computeIfAbsent(cut(g.regionCode(), codeLength), k -> new long[3])[0] += g.count();
			}
		}
		for (ControlQueries.TaskGroup g : s.tasks()) {
			if (g.regionCode().startsWith(regionCode) && g.overdue() > 0) {
				result.computeIfAbsent(cut(g.regionCode(), codeLength), k -> new long[3])[1] += g.overdue();
			}
		}
		for (ControlQueries.ViolationGroup g : s.violations()) {
			if (g.regionCode().startsWith(regionCode)) {
				result.computeIfAbsent(cut(g.regionCode(), codeLength), k -> new long[3])[2] += g.count();
			}
		}
		return result;
	}

	/** Risk persons pushed per day since {@code from} (at most 28 days back) at places of an area. */
	Map<LocalDate, Long> pushedPerDay(String regionCode, LocalDate from) {
		var result = new TreeMap<LocalDate, Long>();
		for (ControlQueries.PushedGroup g : snapshot().pushed()) {
			if (g.regionCode().startsWith(regionCode) && !g.day().isBefore(from)) {
				result.merge(g.day(), g.count(), Long::sum);
			}
		}
		return result;
	}

	private static String cut(String code, int length) {
		return code.length() > length ? code.substring(0, length) : code;
	}

	private Snapshot snapshot() {
		Instant now = clock.instant();
		lastAsked = now;
		Snapshot s = current;
		if (s != null && fresh(s, now)) {
			return s;
		}
		synchronized (reading) {
			// another reader may have read them while this one waited
			s = current;
			if (s != null && fresh(s, clock.instant())) {
				return s;
			}
			s = read();
			current = s;
			return s;
		}
	}

	private boolean fresh(Snapshot s, Instant now) {
		return s.at().plus(refresh).isAfter(now);
	}

	private Snapshot read() {
		Jurisdiction city = Jurisdiction.system();
		Instant at = clock.instant();
		return new Snapshot(at, queries.riskPersonsByPlace(city), queries.openTasksByPlace(city),
				queries.openViolationsByPlace(city), queries.pushedByPlace(city, LocalDate.now(clock).minusDays(27)));
	}

	/** While the cockpit is watched, reads the figures again when half their age is up, so that readers never wait. */
	@Scheduled(fixedDelay = 1000, initialDelay = 10_000)
	void keepWarm() {
		Snapshot s = current;
		Instant now = clock.instant();
		if (refresh.isZero() || s == null || lastAsked.plus(WATCHED).isBefore(now)
				|| s.at().plus(refresh.dividedBy(2)).isAfter(now)) {
			return;
		}
		synchronized (reading) {
			current = read();
		}
	}

}
