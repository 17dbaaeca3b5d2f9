package org.gridguard.control;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.gridguard.person.PersonVisibility;
import org.gridguard.region.Jurisdiction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Everyone in the chain sees the person: the grid workers and officers whose area a risk person is (or was, within
 * the retention of personal data) placed in see that person's record and colour, wherever the person lives.
 */
@Component
class RiskPersonVisibility implements PersonVisibility {

	/** How long after control ended its grid still sees the person (follow-up questions, release notices). */
	private static final Duration AFTER_END = Duration.ofDays(28);

	private final JdbcClient jdbc;

	private final Clock clock;

	RiskPersonVisibility(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public boolean grants(long personId, Jurisdiction who) {
		if (!who.role().seesResidents()) {
			return false;
		}
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM control_risk_person WHERE person_id = ? AND region_code LIKE ?
					AND (ended_at IS NULL OR ended_at > ?))""")
			.params(personId, who.regionPattern(), Timestamp.from(clock.instant().minus(AFTER_END)))
			.query(Boolean.class)
			.single();
	}

}
