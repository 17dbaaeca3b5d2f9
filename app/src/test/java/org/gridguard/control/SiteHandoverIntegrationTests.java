package org.gridguard.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Clock;
import java.util.List;

import org.gridguard.TestIds;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.Conflict;
import org.gridguard.region.Jurisdiction;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Central isolation handed back to the grid: a person released from a site while the plan goes on becomes a HANDOVER
 * task in their grid, which the worker closes by confirming the arrival home; a completed plan opens none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SiteHandoverIntegrationTests {

	private static final String GRID = "330784001001001";

	private static final Jurisdiction CITY = Jurisdiction.system();

	@Autowired
	PersonManagement persons;

	@Autowired
	Registrations registrations;

	@Autowired
	Verifications verifications;

	@Autowired
	SiteHandover handover;

	@Autowired
	ControlQueries queries;

	@Autowired
	Clock clock;

	@Test
	void aPersonReleasedFromASiteMidPlanIsReceivedHomeByTheGrid() {
		long id = controlledCloseContact("返家甲", LocalDate.now(clock).minusDays(6));
		handover.admitted(id, "城东健康驿站", "301", "site");

		assertThat(handover.releasedFromSite(id, "城东健康驿站", "site")).isTrue();

		VerificationTask task = queries.tasksOf(id)
			.stream()
			.filter(t -> t.kind() == VerificationTask.Kind.HANDOVER)
			.findFirst()
			.orElseThrow();
		assertThat(task.regionCode()).isEqualTo(GRID);
		assertThat(task.state()).isEqualTo(VerificationTask.State.OPEN);
		Jurisdiction worker = new Jurisdiction("grid", org.gridguard.region.Role.GRID_WORKER, GRID, null, null, null);
		handover.confirmArrival(task.id(), worker);
		assertThat(queries.task(task.id(), worker).state()).isEqualTo(VerificationTask.State.DONE);
		assertThatThrownBy(() -> handover.confirmArrival(task.id(), worker)).isInstanceOf(Conflict.class);
		assertThat(queries.timeline(id)).extracting(ControlQueries.TimelineEntry::kind)
			.containsSubsequence("ADMITTED_TO_SITE", "RELEASED_FROM_SITE", "ARRIVED_HOME");
	}

	@Test
	void aPersonWhosePlanIsCompleteOpensNoHandover() {
		long id = controlledCloseContact("期满乙", LocalDate.now(clock).minusDays(12));
		assertThat(handover.releasedFromSite(id, "城东健康驿站", "site")).isFalse();
		assertThat(queries.tasksOf(id)).noneMatch(t -> t.kind() == VerificationTask.Kind.HANDOVER);
	}

	private long controlledCloseContact(String name, LocalDate exposure) {
		Person person = persons.createResident(new NewResident(name, IdType.RESIDENT_ID, TestIds.resident(), null, GRID,
				name + "家", null), CITY);
		long id = registrations.registerAll(List.of(new Pushed(person.id(), name, Category.CLOSE_CONTACT,
				new Placement(Placement.Kind.GRID, GRID, null), "test", null, null, exposure, Instant.now())), "test")
			.riskPersonIds()[0];
		long task = queries.tasksOf(id).stream().filter(t -> t.state().open()).findFirst().orElseThrow().id();
		verifications.complete(task, new Verification(Outcome.CONTROLLED, true, null, null, null), CITY);
		return id;
	}

}
