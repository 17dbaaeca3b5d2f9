package org.gridguard.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a change of one status rule would do, before it is saved: the current facts are evaluated against the rule
 * set with the change applied, for exactly the persons {@link StatusManagement#changeRule} recomputes (everyone with
 * an unretracted fact of that kind), and compared with their colours now. Nothing is written.
 */
@Service
@Transactional(readOnly = true)
public class RuleChangePreview {

	private final JdbcClient jdbc;

	private final Clock clock;

	RuleChangePreview(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** How many persons would go from one colour to another. */
	public record Shift(StatusColour from, StatusColour to, long persons) {
	}

	/** The effect of setting rule {@code kind} to {@code colour} and {@code enabled}. */
	public record Effect(FactKind kind, StatusColour colour, boolean enabled, List<Shift> shifts) {

		/** Everyone whose colour would change. */
		public long persons() {
			return shifts.stream().mapToLong(Shift::persons).sum();
		}

	}

	public Effect of(FactKind kind, StatusColour colour, boolean enabled) {
		Timestamp now = Timestamp.from(clock.instant());
		// the deciding colour is the most severe of the enabled rules among the active facts, as in the recomputation
		List<Shift> shifts = new ArrayList<>(jdbc.sql("""
				WITH rules AS (
					SELECT kind, CASE WHEN kind = :kind THEN :colour ELSE colour END AS colour,
						CASE WHEN kind = :kind THEN :enabled ELSE enabled END AS enabled
					FROM status_rule),
				ids AS (SELECT DISTINCT person_id FROM status_fact WHERE kind = :kind AND retracted_at IS NULL),
				best AS (
					SELECT f.person_id, max(CASE r.colour WHEN 'RED' THEN 2 WHEN 'YELLOW' THEN 1 ELSE 0 END) AS severity
					FROM status_fact f JOIN ids USING (person_id) JOIN rules r ON r.kind = f.kind
					WHERE r.enabled AND f.retracted_at IS NULL AND f.valid_from <= :now
					AND (f.valid_until IS NULL OR f.valid_until > :now)
					GROUP BY f.person_id),
				computed AS (
					SELECT CASE coalesce(b.severity, 0) WHEN 2 THEN 'RED' WHEN 1 THEN 'YELLOW' ELSE 'GREEN' END AS colour,
						coalesce(c.colour, 'GREEN') AS old_colour
					FROM ids i LEFT JOIN best b USING (person_id) LEFT JOIN status_current c USING (person_id))
				SELECT old_colour, colour, count(*) FROM computed WHERE colour <> old_colour
				GROUP BY old_colour, colour ORDER BY old_colour, colour""")
			.param("kind", kind.name())
			.param("colour", colour.name())
			.param("enabled", enabled)
			.param("now", now)
			.query((rs, i) -> new Shift(StatusColour.valueOf(rs.getString(1)), StatusColour.valueOf(rs.getString(2)),
					rs.getLong(3)))
			.list());
		return new Effect(kind, colour, enabled, List.copyOf(shifts));
	}

}
