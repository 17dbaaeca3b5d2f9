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
import java.util.function.Supplier;

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
 * scan each. The persons pushed per day (the trend) are kept for at least a minute. While someone watches the cockpit,
 * each part is read again in the background when half its age is up, so that no reader waits for it. With a refresh
 * of zero every reading is fresh.
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

	/** Every place's risk persons, open tasks and open violations at one moment. */
	private record State(List<ControlQueries.RiskPersonGroup> persons, List<ControlQueries.TaskGroup> tasks,
			List<ControlQueries.ViolationGroup> violations) {
	}

	/**
	 * How long the persons pushed per day (the trend) are kept at least: the trend moves by the day, and reading it
	 * (a time-zone conversion per risk person) costs more than all the state figures together.
	 */
	private static final Duration PUSHED_KEPT = Duration.ofMinutes(1);

	/** How long after the last reading the figures are kept warm in the background. */
	private static final Duration WATCHED = Duration.ofMinutes(5);

	private final ControlQueries queries;

	private final Clock clock;

	private final Kept<State> state;

	private final Kept<List<ControlQueries.PushedGroup>> pushed;

	private volatile Instant lastAsked = Instant.EPOCH;

	ControlFigures(ControlQueries queries, Clock clock, CockpitProperties properties) {
		this.queries = queries;
		this.clock = clock;
		Duration refresh = properties.stateRefresh();
		this.state = new Kept<>(refresh, this::readState);
		this.pushed = new Kept<>(refresh.isZero() || refresh.compareTo(PUSHED_KEPT) > 0 ? refresh : PUSHED_KEPT,
				this::readPushed);
	}

	Counts counts(String regionCode) {
		State s = state();
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
		State s = state();
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
		for (ControlQueries.PushedGroup g : pushed.get()) {
			if (g.regionCode().startsWith(regionCode) && !g.day().isBefore(from)) {
				result.merge(g.day(), g.count(), Long::sum);
			}
		}
		return result;
	}

	private static String cut(String code, int length) {
		return code.length() > length ? code.substring(0, length) : code;
	}

	private State state() {
		return state.get();
	}

	private State readState() {
		Jurisdiction city = Jurisdiction.system();
		return new State(queries.riskPersonsByPlace(city), queries.openTasksByPlace(city),
				queries.openViolationsByPlace(city));
	}

	private List<ControlQueries.PushedGroup> readPushed() {
		return queries.pushedByPlace(Jurisdiction.system(), LocalDate.now(clock).minusDays(27));
	}

	/** While the cockpit is watched, reads each part again when half its age is up, so that readers never wait. */
	@Scheduled(fixedDelay = 1000, initialDelay = 10_000)
	void keepWarm() {
		Instant now = clock.instant();
		if (lastAsked.plus(WATCHED).isBefore(now)) {
			return;
		}
		state.renewIfHalfOld(now);
		pushed.renewIfHalfOld(now);
	}

	/** What was read at one moment. */
	private record Reading<T>(Instant at, T value) {
	}

	/** One part of the figures, read as a whole and kept for {@code age} (zero: read for every use). */
	private final class Kept<T> {

		private final Duration age;

		private final Supplier<T> reader;

		private final Object reading = new Object();

		private volatile @Nullable Reading<T> last;

		Kept(Duration age, Supplier<T> reader) {
			this.age = age;
			this.reader = reader;
		}

		T get() {
			Instant now = clock.instant();
			lastAsked = now;
			Reading<T> r = last;
			if (r != null && r.at().plus(age).isAfter(now)) {
				return r.value();
			}
			synchronized (reading) {
				// another reader may have read it while this one waited
				r = last;
				if (r != null && r.at().plus(age).isAfter(clock.instant())) {
					return r.value();
				}
				r = new Reading<>(clock.instant(), reader.get());
				last = r;
				return r.value();
			}
		}

		void renewIfHalfOld(Instant now) {
			Reading<T> r = last;
			if (age.isZero() || r == null || r.at().plus(age.dividedBy(2)).isAfter(now)) {
				return;
			}
			synchronized (reading) {
				last = new Reading<>(clock.instant(), reader.get());
			}
		}

	}

}
