package org.gridguard.inspection;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationTests {

	private static final Instant DUE = Instant.parse("2022-03-10T02:00:00Z");

	private final Escalation rule = new Escalation(Duration.ofHours(48));

	@Test
	void anOrderWithinItsDeadlineIsNotEscalated() {
		assertThat(rule.levelAt(DUE, DUE.minusSeconds(60))).isZero();
		assertThat(rule.levelAt(DUE, DUE)).isZero();
	}

	@Test
	void anOrderPastItsDeadlineGoesToTheDepartmentAndTheTown() {
		assertThat(rule.levelAt(DUE, DUE.plusSeconds(1))).isEqualTo(Escalation.DEPARTMENT_AND_TOWN);
		assertThat(rule.levelAt(DUE, DUE.plus(Duration.ofHours(48)))).isEqualTo(Escalation.DEPARTMENT_AND_TOWN);
	}

	@Test
	void anOrderLongPastItsDeadlineGoesToTheCityCommandAsWell() {
		assertThat(rule.levelAt(DUE, DUE.plus(Duration.ofHours(48)).plusSeconds(1))).isEqualTo(Escalation.CITY);
	}

	@Test
	void theLevelsLineUpWithTheDeadlinesTheEscalationJobSelects() {
		Instant now = DUE.plus(Duration.ofHours(50));
		assertThat(rule.dueBefore(Escalation.DEPARTMENT_AND_TOWN, now)).isEqualTo(now);
		assertThat(rule.dueBefore(Escalation.CITY, now)).isEqualTo(now.minus(Duration.ofHours(48)));
		assertThat(DUE).isBefore(rule.dueBefore(Escalation.CITY, now));
	}

}
