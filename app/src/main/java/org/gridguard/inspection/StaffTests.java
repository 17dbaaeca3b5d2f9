package org.gridguard.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridguard.region.Jurisdiction;
import org.gridguard.status.FactKind;
import org.gridguard.status.StatusManagement;
import org.gridguard.testing.TestResult;
import org.gridguard.testing.TestResultsRecorded;
import org.gridguard.venue.StaffRoster;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routine tests of key-place staff (常态化核酸检测). Results arriving through the testing module move each rostered
 * person's last test on (the venue roster keeps it, and its category's frequency under the level in force decides
 * the next due day); a staff member whose test is overdue carries the {@link FactKind#ROUTINE_TEST_OVERDUE} status
 * fact (yellow by default) until a result comes in or they leave the roster. The facts this module asserted are kept
 * in {@code inspection_staff_overdue}, so that each sweep asserts the new ones and retracts the ended ones only.
 */
@Component
class StaffTests {

	static final String SOURCE = "inspection:routine-test";

	private final StaffRoster roster;

	private final StatusManagement status;

	private final JdbcClient jdbc;

	private final Clock clock;

	StaffTests(StaffRoster roster, StatusManagement status, JdbcClient jdbc, Clock clock) {
		this.roster = roster;
		this.status = status;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(TestResultsRecorded event) {
		ZoneId zone = clock.getZone();
		Map<Long, LocalDate> sampled = new HashMap<>();
		for (TestResult r : event.results()) {
			LocalDate day = LocalDate.ofInstant(r.sampledAt(), zone);
			sampled.merge(r.personId(), day, (a, b) -> a.isAfter(b) ? a : b);
		}
		if (roster.recordTests(sampled) > 0) {
			sweep();
		}
	}

	@Scheduled(fixedDelayString = "${gridguard.inspection.check-interval:300s}", initialDelayString = "${gridguard.inspection.check-interval:300s}")
	void scheduled() {
		sweep();
	}

	/** Asserts the fact for staff newly overdue and retracts it for those no longer overdue; gives the overdue count. */
	@Transactional
	int sweep() {
		var overdue = new HashMap<Long, StaffRoster.Overdue>();
		for (StaffRoster.Overdue o : roster.overdue(Jurisdiction.system())) {
			overdue.putIfAbsent(o.personId(), o);
		}
		Set<Long> known = new HashSet<>(jdbc.sql("SELECT person_id FROM inspection_staff_overdue").query(Long.class).list());
		var facts = new ArrayList<StatusManagement.FactAssertion>();
		var now = clock.instant();
		for (StaffRoster.Overdue o : overdue.values()) {
			if (known.contains(o.personId())) {
				continue;
			}
			jdbc.sql("INSERT INTO inspection_staff_overdue (person_id, venue_id, due_on, since) VALUES (?, ?, ?, ?)")
				.params(o.personId(), o.venueId(), o.dueOn() == null ? null : java.sql.Date.valueOf(o.dueOn()),
						java.sql.Timestamp.from(now))
				.update();
			facts.add(new StatusManagement.FactAssertion(o.personId(), FactKind.ROUTINE_TEST_OVERDUE, SOURCE,
					o.venueName(), now, null));
		}
		status.assertFacts(facts);
		List<Long> ended = known.stream().filter(p -> !overdue.containsKey(p)).toList();
		if (!ended.isEmpty()) {
			jdbc.sql("DELETE FROM inspection_staff_overdue WHERE person_id IN (:ids)").param("ids", ended).update();
			status.retractFacts(FactKind.ROUTINE_TEST_OVERDUE, SOURCE, ended);
		}
		return overdue.size();
	}

}
