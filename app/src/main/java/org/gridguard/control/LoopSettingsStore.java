package org.gridguard.control;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.gridguard.platform.AuditLog;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the control loop reads its {@link LoopSettings}: the city admin's values if they set any, else the configured
 * defaults ({@code gridguard.control.*}). Values are cached for {@link #REFRESH}, so that every instance of a cluster
 * follows a change within that time; the instance where the change was made follows at once. Changes are validated
 * field by field and audited.
 */
@Service
public class LoopSettingsStore {

	static final Duration REFRESH = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	private final LoopSettings defaults;

	private volatile @Nullable Cached cached;

	private record Cached(LoopSettings settings, boolean changed, @Nullable Instant updatedAt, @Nullable String updatedBy,
			long loadedAt) {
	}

	/** The settings in force, whether the admin changed them, and who did last. */
	public record Current(LoopSettings settings, boolean changed, @Nullable Instant updatedAt, @Nullable String updatedBy) {
	}

	LoopSettingsStore(JdbcClient jdbc, AuditLog audit, Messages messages, Clock clock,
			@Value("${gridguard.control.check-am-due:12:00}") LocalTime amDue,
			@Value("${gridguard.control.check-pm-due:21:00}") LocalTime pmDue,
			@Value("${gridguard.control.test-grace:12h}") Duration testGrace,
			@Value("${gridguard.control.fever-threshold:37.3}") double feverThreshold,
			@Value("${gridguard.control.escalation:0m,1h,2h,4h}") List<Duration> escalation) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
		if (escalation.size() != LoopSettings.LEVELS) {
			throw new IllegalStateException("gridguard.control.escalation needs " + LoopSettings.LEVELS
					+ " durations (grid, village, town, city), got " + escalation);
		}
		this.defaults = new LoopSettings(amDue, pmDue, testGrace, feverThreshold, escalation);
	}

	/** The settings in force now. */
	public LoopSettings settings() {
		return load().settings();
	}

	/** The settings in force now, with who changed them. */
	public Current current() {
		Cached c = load();
		return new Current(c.settings(), c.changed(), c.updatedAt(), c.updatedBy());
	}

	/** The configured defaults, which {@link #reset} goes back to. */
	public LoopSettings defaults() {
		return defaults;
	}

	/**
	 * Changes the settings from the form's text: times as {@code HH:mm}, the test grace in hours, the fever threshold in
	 * °C and the four escalation ages in minutes. Every field that is wrong is named; nothing changes then.
	 */
	@Transactional
	public LoopSettings change(@Nullable String amDue, @Nullable String pmDue, @Nullable String testGraceHours,
			@Nullable String feverThreshold, List<@Nullable String> escalationMinutes, String by) {
		var problems = new ArrayList<FieldProblem>();
		LocalTime am = time("amDue", amDue, problems);
		LocalTime pm = time("pmDue", pmDue, problems);
		if (am != null && pm != null && !am.isBefore(pm)) {
			problems.add(messages.problem("pmDue", "control.settings.order"));
		}
		BigDecimal grace = number("testGraceHours", testGraceHours, BigDecimal.ZERO, BigDecimal.valueOf(72), problems);
		BigDecimal fever = number("feverThreshold", feverThreshold, new BigDecimal("36.5"), new BigDecimal("39.0"),
				problems);
		if (fever != null && fever.scale() > 1 && fever.stripTrailingZeros().scale() > 1) {
			problems.add(messages.problem("feverThreshold", "control.settings.oneDecimal"));
		}
		List<Duration> escalation = new ArrayList<>();
		for (int level = 0; level < LoopSettings.LEVELS; level++) {
			String field = "escalation[" + level + "]";
			String text = level < escalationMinutes.size() ? escalationMinutes.get(level) : null;
			BigDecimal minutes = number(field, text, BigDecimal.ZERO, BigDecimal.valueOf(10_080), problems);
			if (minutes != null && minutes.stripTrailingZeros().scale() > 0) {
				problems.add(messages.problem(field, "control.settings.wholeMinutes"));
				minutes = null;
			}
			Duration after = minutes == null ? null : Duration.ofMinutes(minutes.longValue());
			if (after != null && !escalation.isEmpty() && escalation.get(escalation.size() - 1) != null
					&& after.compareTo(escalation.get(escalation.size() - 1)) < 0) {
				problems.add(messages.problem(field, "control.settings.escalationOrder"));
			}
			escalation.add(after);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		var settings = new LoopSettings(am, pm,
				Duration.ofMinutes(grace.multiply(BigDecimal.valueOf(60)).setScale(0, java.math.RoundingMode.HALF_UP).longValue()),
				fever.doubleValue(), escalation);
		Instant now = clock.instant();
		Integer[] minutes = settings.escalation().stream().map(d -> (int) d.toMinutes()).toArray(Integer[]::new);
		jdbc.sql("""
				INSERT INTO control_loop_settings (id, am_due, pm_due, test_grace_minutes, fever_threshold,
					escalation_minutes, updated_at, updated_by)
				VALUES (1, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET am_due = excluded.am_due, pm_due = excluded.pm_due,
					test_grace_minutes = excluded.test_grace_minutes, fever_threshold = excluded.fever_threshold,
					escalation_minutes = excluded.escalation_minutes, updated_at = excluded.updated_at,
					updated_by = excluded.updated_by""")
			.params(am, pm, (int) settings.testGrace().toMinutes(), fever, minutes, Timestamp.from(now), by)
			.update();
		audit.record("CONTROL_SETTINGS_CHANGE", "control_loop_settings", "1", describe(settings));
		cached = new Cached(settings, true, now, by, System.nanoTime());
		return settings;
	}

	/** Goes back to the configured defaults. */
	@Transactional
	public LoopSettings reset(String by) {
		jdbc.sql("DELETE FROM control_loop_settings").update();
		audit.record("CONTROL_SETTINGS_RESET", "control_loop_settings", "1", describe(defaults));
		cached = new Cached(defaults, false, null, null, System.nanoTime());
		return defaults;
	}

	private Cached load() {
		Cached c = cached;
		if (c != null && System.nanoTime() - c.loadedAt() < REFRESH.toNanos()) {
			return c;
		}
		Cached loaded = jdbc.sql("SELECT * FROM control_loop_settings WHERE id = 1")
			.query((rs, i) -> fromRow(rs))
			.optional()
			.orElseGet(() -> new Cached(defaults, false, null, null, System.nanoTime()));
		cached = loaded;
		return loaded;
	}

	private Cached fromRow(ResultSet rs) throws SQLException {
		Array array = rs.getArray("escalation_minutes");
		List<Duration> escalation = new ArrayList<>();
		for (Object minutes : (Object[]) array.getArray()) {
			escalation.add(Duration.ofMinutes(((Number) minutes).longValue()));
		}
		var settings = new LoopSettings(rs.getObject("am_due", LocalTime.class), rs.getObject("pm_due", LocalTime.class),
				Duration.ofMinutes(rs.getInt("test_grace_minutes")), rs.getBigDecimal("fever_threshold").doubleValue(),
				escalation);
		return new Cached(settings, true, rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"),
				System.nanoTime());
	}

	private static String describe(LoopSettings s) {
		return "checks due " + s.amDue() + "/" + s.pmDue() + ", test grace " + s.testGrace().toMinutes() + " min, fever ≥ "
				+ s.feverThreshold() + " °C, escalation " + s.escalation().stream().map(d -> d.toMinutes() + "").toList()
				+ " min";
	}

	private @Nullable LocalTime time(String field, @Nullable String text, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(messages.problem(field, "control.settings.required"));
			return null;
		}
		try {
			return LocalTime.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(messages.problem(field, "control.settings.time", text.strip()));
			return null;
		}
	}

	private @Nullable BigDecimal number(String field, @Nullable String text, BigDecimal min, BigDecimal max,
			List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(messages.problem(field, "control.settings.required"));
			return null;
		}
		BigDecimal value;
		try {
			value = new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(messages.problem(field, "control.settings.number", text.strip()));
			return null;
		}
		if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
			problems.add(messages.problem(field, "control.settings.range", min.toPlainString(), max.toPlainString()));
			return null;
		}
		return value;
	}

}
