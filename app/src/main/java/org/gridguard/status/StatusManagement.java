package org.gridguard.status;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridguard.platform.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps facts about persons and derives their colours. A fact is identified by (person, kind, source): asserting it
 * again updates it, retracting it ends it. After every change the person's colour is recomputed from the active facts
 * and the rules; a change of colour is recorded with the deciding rule and all active facts.
 */
@Service
@Transactional
public class StatusManagement {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	StatusManagement(JdbcClient jdbc, JdbcTemplate template, ApplicationEventPublisher events, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- facts

	/**
	 * Asserts (or updates) a fact and recomputes the person's colour.
	 * @param source who knows it, stable per fact, e.g. {@code control:risk-person:42}
	 * @param detail shown as the reason, e.g. "密接 · 集中隔离第 3 天"
	 * @param until when the fact stops counting by itself; {@code null} until retracted
	 */
	public PersonStatus assertFact(long personId, FactKind kind, String source, @Nullable String detail, Instant from,
			@Nullable Instant until) {
		jdbc.sql("""
				INSERT INTO status_fact (person_id, kind, source, detail, valid_from, valid_until, asserted_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (person_id, kind, source) DO UPDATE SET detail = excluded.detail,
					valid_from = excluded.valid_from, valid_until = excluded.valid_until,
					asserted_at = excluded.asserted_at, retracted_at = NULL""")
			.params(personId, kind.name(), source, detail == null ? null : truncate(detail, 300), Timestamp.from(from),
					until == null ? null : Timestamp.from(until), Timestamp.from(clock.instant()))
			.update();
		return recompute(personId);
	}

	/** Ends a fact; nothing happens when it was not active. */
	public PersonStatus retractFact(long personId, FactKind kind, String source) {
		jdbc.sql("UPDATE status_fact SET retracted_at = ? WHERE person_id = ? AND kind = ? AND source = ? "
				+ "AND retracted_at IS NULL")
			.params(Timestamp.from(clock.instant()), personId, kind.name(), source)
			.update();
		return recompute(personId);
	}

	/** Ends every fact a source asserted about a person (e.g. on release from control). */
	public PersonStatus retractAllFrom(long personId, String source) {
		jdbc.sql("UPDATE status_fact SET retracted_at = ? WHERE person_id = ? AND source = ? AND retracted_at IS NULL")
			.params(Timestamp.from(clock.instant()), personId, source)
			.update();
		return recompute(personId);
	}

	/** The active facts about a person. */
	@Transactional(readOnly = true)
	public List<Fact> activeFacts(long personId) {
		Instant now = clock.instant();
		return jdbc.sql("""
				SELECT f.kind, f.source, f.detail, f.valid_from, f.valid_until, r.colour, r.enabled
				FROM status_fact f JOIN status_rule r ON r.kind = f.kind
				WHERE f.person_id = ? AND f.retracted_at IS NULL AND f.valid_from <= ?
				AND (f.valid_until IS NULL OR f.valid_until > ?)""")
			.params(personId, Timestamp.from(now), Timestamp.from(now))
			.query((rs, i) -> new Fact(FactKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
					StatusColour.valueOf(rs.getString(6)), rs.getBoolean(7)))
			.list();
	}

	/** An active fact with the colour its rule gives. */
	public record Fact(FactKind kind, String source, @Nullable String detail, Instant from, @Nullable Instant until,
			StatusColour colour, boolean ruleEnabled) {

		String reason() {
			return detail == null || detail.isBlank() ? kind.name() : kind.name() + ": " + detail;
		}

	}

	// ---- colours

	@Transactional(readOnly = true)
	public PersonStatus current(long personId) {
		return jdbc.sql("SELECT colour, reasons, since FROM status_current WHERE person_id = ?")
			.param(personId)
			.query((rs, i) -> new PersonStatus(personId, StatusColour.valueOf(rs.getString(1)),
					reasons(rs.getString(2)), rs.getTimestamp(3).toInstant()))
			.optional()
			.orElse(PersonStatus.green(personId));
	}

	/** Colours of many persons at once, in input order (for check-in batches): one query. */
	@Transactional(readOnly = true)
	public StatusColour[] colours(long[] personIds) {
		StatusColour[] result = new StatusColour[personIds.length];
		Arrays.fill(result, StatusColour.GREEN);
		if (personIds.length == 0) {
			return result;
		}
		Map<Long, StatusColour> found = new HashMap<>();
		template.execute((Connection con) -> {
			try (PreparedStatement ps = con.prepareStatement(
					"SELECT person_id, colour FROM status_current WHERE colour <> 'GREEN' AND person_id = ANY (?)")) {
				Long[] boxed = new Long[personIds.length];
				for (int i = 0; i < personIds.length; i++) {
					boxed[i] = personIds[i];
				}
				Array array = con.createArrayOf("bigint", boxed);
				ps.setArray(1, array);
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						found.put(rs.getLong(1), StatusColour.valueOf(rs.getString(2)));
					}
				}
			}
			return null;
		});
		for (int i = 0; i < personIds.length; i++) {
			result[i] = found.getOrDefault(personIds[i], StatusColour.GREEN);
		}
		return result;
	}

	@Transactional(readOnly = true)
	public List<StatusChange> history(long personId) {
		return jdbc.sql("SELECT * FROM status_change WHERE person_id = ? ORDER BY at DESC, id DESC")
			.param(personId)
			.query((rs, i) -> new StatusChange(personId, rs.getTimestamp("at").toInstant(),
					StatusColour.valueOf(rs.getString("from_colour")), StatusColour.valueOf(rs.getString("to_colour")),
					rs.getString("rule_kind"), rs.getString("inputs")))
			.list();
	}

	/** How many persons have each colour (green counts only those who were once another colour). */
	@Transactional(readOnly = true)
	public Map<StatusColour, Long> counts() {
		var counts = new EnumMap<StatusColour, Long>(StatusColour.class);
		jdbc.sql("SELECT colour, count(*) FROM status_current GROUP BY colour")
			.query((rs, i) -> counts.put(StatusColour.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	/**
	 * Recomputes a person's colour from the active facts; records and publishes a change. The deciding rule is the
	 * most severe enabled fact (ties: the earliest asserted kind in {@link FactKind} order).
	 */
	public PersonStatus recompute(long personId) {
		// one recomputation per person at a time: concurrent facts about the same person must not lose a change
		jdbc.sql("SELECT pg_advisory_xact_lock(7001, ?)").param((int) (personId ^ (personId >>> 32))).query(Object.class).list();
		List<Fact> facts = activeFacts(personId);
		List<Fact> counted = new ArrayList<>(facts.stream().filter(Fact::ruleEnabled).toList());
		counted.sort(Comparator.comparing(Fact::colour).reversed().thenComparing(f -> f.kind().ordinal()));
		StatusColour colour = counted.isEmpty() ? StatusColour.GREEN : counted.get(0).colour();
		String rule = counted.isEmpty() ? null : counted.get(0).kind().name();
		List<String> reasons = counted.stream()
			.filter(f -> f.colour() != StatusColour.GREEN || colourIsGreen(counted))
			.map(Fact::reason)
			.toList();
		PersonStatus before = current(personId);
		Instant now = clock.instant();
		String joined = String.join("\n", reasons);
		if (before.colour() != colour) {
			jdbc.sql("""
					INSERT INTO status_current (person_id, colour, since, reasons, rule_kind, updated_at)
					VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET colour = excluded.colour,
						since = excluded.since, reasons = excluded.reasons, rule_kind = excluded.rule_kind,
						updated_at = excluded.updated_at""")
				.params(personId, colour.name(), Timestamp.from(now), joined, rule, Timestamp.from(now))
				.update();
			String inputs = facts.stream()
				.map(f -> f.kind() + "[" + f.colour() + (f.ruleEnabled() ? "" : ", rule disabled") + "] " + f.source()
						+ (f.detail() == null ? "" : " · " + f.detail()))
				.reduce((a, b) -> a + "\n" + b)
				.orElse("no active facts");
			jdbc.sql("INSERT INTO status_change (person_id, at, from_colour, to_colour, rule_kind, inputs) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
				.params(personId, Timestamp.from(now), before.colour().name(), colour.name(), rule, inputs)
				.update();
			events.publishEvent(new StatusChanged(personId, before.colour(), colour, rule == null ? "NONE" : rule));
			return new PersonStatus(personId, colour, reasons, now);
		}
		if (!joined.equals(String.join("\n", before.reasons())) && before.since() != null) {
			jdbc.sql("UPDATE status_current SET reasons = ?, rule_kind = ?, updated_at = ? WHERE person_id = ?")
				.params(joined, rule, Timestamp.from(now), personId)
				.update();
		}
		return new PersonStatus(personId, colour, reasons, before.since());
	}

	private static boolean colourIsGreen(List<Fact> counted) {
		return counted.isEmpty() || counted.get(0).colour() == StatusColour.GREEN;
	}

	/** Facts that stopped counting by themselves (their {@code valid_until} passed) change colours too. */
	@Scheduled(fixedDelayString = "${gridguard.status.expiry-check:60s}")
	public void recomputeExpired() {
		Instant now = clock.instant();
		List<Long> persons = jdbc.sql("""
				SELECT DISTINCT f.person_id FROM status_fact f JOIN status_current c ON c.person_id = f.person_id
				WHERE f.retracted_at IS NULL AND f.valid_until IS NOT NULL AND f.valid_until <= ?
				AND f.valid_until > c.updated_at""")
			.param(Timestamp.from(now))
			.query(Long.class)
			.list();
		persons.forEach(this::recompute);
	}

	// ---- rules

	@Transactional(readOnly = true)
	public List<StatusRule> rules() {
		return jdbc.sql("SELECT * FROM status_rule")
			.query((rs, i) -> new StatusRule(FactKind.valueOf(rs.getString("kind")),
					StatusColour.valueOf(rs.getString("colour")), rs.getBoolean("enabled"),
					rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
			.list()
			.stream()
			.sorted(Comparator.comparing(r -> r.kind().ordinal()))
			.toList();
	}

	/** Changes a rule and recomputes everyone with an active fact of that kind. */
	public void changeRule(FactKind kind, StatusColour colour, boolean enabled, String by) {
		jdbc.sql("UPDATE status_rule SET colour = ?, enabled = ?, updated_at = ?, updated_by = ? WHERE kind = ?")
			.params(colour.name(), enabled, Timestamp.from(clock.instant()), by, kind.name())
			.update();
		audit.record("STATUS_RULE_CHANGE", "status_rule", kind.name(), colour + (enabled ? "" : " (disabled)"));
		jdbc.sql("SELECT DISTINCT person_id FROM status_fact WHERE kind = ? AND retracted_at IS NULL")
			.param(kind.name())
			.query(Long.class)
			.list()
			.forEach(this::recompute);
	}

	private static List<String> reasons(String joined) {
		return joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

}
