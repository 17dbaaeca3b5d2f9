package org.gridguard.gathering;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.gridguard.account.AccountManagement;
import org.gridguard.platform.Conflict;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.NotFound;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.gridguard.response.LevelSwitch;
import org.gridguard.response.ResponseLevel;
import org.gridguard.response.ResponseLevels;
import org.gridguard.venue.VenueCategory;
import org.gridguard.venue.VenueManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who decides which step (谁审批谁负责): the department of the event's sector, the officers of its town, the city
 * command; in order; an overdue step escalated with a fixed instant; the last approval opening the event's venue
 * code; a rejection ending it with its reason; organizers seeing only their own unit's events.
 */
@SpringBootTest
@ActiveProfiles("test")
class EventApprovalIntegrationTests {

	@Autowired
	Filings filings;

	@Autowired
	Approvals approvals;

	@Autowired
	GatheringQueries queries;

	@Autowired
	Organizers organizers;

	@Autowired
	AccountManagement accounts;

	@Autowired
	VenueManagement venues;

	@Autowired
	ResponseLevels levels;

	@Autowired
	LevelSwitch levelSwitch;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private GatheringFixtures fixtures;

	private ResponseLevel before;

	private final Jurisdiction city = Jurisdiction.system();

	private Jurisdiction commerce;

	private Jurisdiction health;

	private Jurisdiction town;

	private Jurisdiction otherTown;

	@BeforeEach
	void setUp() {
		fixtures = new GatheringFixtures(filings, accounts, clock);
		before = levels.current().level();
		if (before != ResponseLevel.NORMAL) {
			levelSwitch.change("NORMAL", null, "测试：常态化", "test");
		}
		commerce = fixtures.account("ev-commerce", Role.DEPARTMENT, "330784", "COMMERCE", null);
		health = fixtures.account("ev-health", Role.DEPARTMENT, "330784", "HEALTH", null);
		town = fixtures.account("ev-town", Role.TOWN_OFFICER, GatheringFixtures.TOWN, null, null);
		otherTown = fixtures.account("ev-town2", Role.TOWN_OFFICER, GatheringFixtures.OTHER_TOWN, null, null);
	}

	@AfterEach
	void restoreTheLevel() {
		if (levels.current().level() != before) {
			levelSwitch.change(before.name(), null, "test over", "test");
		}
	}

	@Test
	void eachStepIsDecidedByItsPartyInOrderAndTheLastApprovalOpensTheEventsCode() {
		Gathering event = fixtures.file("两级审核的年会", 150, true, city);
		List<Step> steps = queries.steps(event.id());

		assertThatThrownBy(() -> approvals.decide(event.id(), steps.get(0).id(), true, null, health))
			.as("another sector's department does not even see it").isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> approvals.decide(event.id(), steps.get(0).id(), true, null, otherTown))
			.as("another town does not even see it").isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> approvals.decide(event.id(), steps.get(0).id(), true, null, city))
			.as("the city before escalation").isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> approvals.decide(event.id(), steps.get(1).id(), true, null, town))
			.as("the town before the department").isInstanceOf(Conflict.class);

		approvals.decide(event.id(), steps.get(0).id(), true, "已备案", commerce);
		assertThat(approvals.mayDecide(queries.steps(event.id()).get(1), queries.steps(event.id()), town)).isTrue();
		approvals.decide(event.id(), steps.get(1).id(), true, "同意", town);
		assertThat(queries.find(event.id()).orElseThrow().state()).isEqualTo(Gathering.State.PENDING);
		assertThatThrownBy(() -> approvals.decide(event.id(), steps.get(2).id(), true, null, town))
			.as("the city's step is not the town's").isInstanceOf(InvalidInput.class);
		Gathering approved = approvals.decide(event.id(), steps.get(2).id(), true, "同意举办", city);

		assertThat(approved.state()).isEqualTo(Gathering.State.APPROVED);
		assertThat(approved.code()).startsWith("YK");
		assertThat(venues.byCode(approved.code())).hasValueSatisfying(v -> {
			assertThat(v.category()).isEqualTo(VenueCategory.EVENT);
			assertThat(v.regionCode()).isEqualTo(GatheringFixtures.TOWN);
			assertThat(v.managerName()).isEqualTo("负责人");
		});
	}

	@Test
	void aRejectionNeedsItsReasonAndEndsTheEventWithIt() {
		Gathering event = fixtures.file("将被否决的活动", 60, false, city);
		List<Step> steps = queries.steps(event.id());
		assertThatThrownBy(() -> approvals.decide(event.id(), steps.get(0).id(), false, " ", commerce))
			.isInstanceOfSatisfying(InvalidInput.class,
					ex -> assertThat(ex.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("note")));
		approvals.decide(event.id(), steps.get(0).id(), false, "近期有本土病例", commerce);

		assertThat(queries.find(event.id()).orElseThrow().state()).isEqualTo(Gathering.State.REJECTED);
		assertThat(queries.steps(event.id())).extracting(Step::state).containsExactly(Step.State.REJECTED,
				Step.State.CANCELLED);
		assertThat(queries.reasons(event.id())).singleElement().satisfies(r -> {
			assertThat(r.key()).isEqualTo("gathering.rejection");
			assertThat(r.args()).containsExactly("#gathering.step.kind.DEPARTMENT_FILING", "近期有本土病例");
		});
	}

	@Test
	void noStepIsApprovedWithoutThePreventionPlan() {
		var start = java.time.OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofDays(20)), clock.getZone());
		Gathering event = filings.file(new NewGathering("没有方案的活动", null, "测试举办单位", "负责人", "13905791234",
				GatheringFixtures.TOWN, "测试路8号", "COMMERCE", start.toString(), start.plusHours(2).toString(), 60, false,
				"需现场签约"), null, city).event();
		Step first = queries.steps(event.id()).get(0);
		assertThatThrownBy(() -> approvals.decide(event.id(), first.id(), true, null, commerce))
			.isInstanceOfSatisfying(InvalidInput.class,
					ex -> assertThat(ex.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("plan")));
		byte[] plan = GatheringFixtures.plan();
		filings.uploadPlan(event.id(), new Upload("方案.pdf", plan.length, () -> plan), city);
		approvals.decide(event.id(), first.id(), true, null, commerce);
		assertThat(queries.steps(event.id()).get(0).state()).isEqualTo(Step.State.APPROVED);
	}

	@Test
	void aStepPastItsDeadlineIsEscalatedOnceAndTheCityMayThenDecideIt() {
		Gathering event = fixtures.file("超时未审批的活动", 60, true, city);
		Step first = queries.steps(event.id()).get(0);
		assertThat(first.dueAt()).isEqualTo(event.filedAt().plus(Duration.ofHours(24)));

		assertThat(approvals.escalate(first.dueAt().minusSeconds(1))).extracting(Step::id).doesNotContain(first.id());
		assertThat(approvals.escalate(first.dueAt().plusSeconds(1))).extracting(Step::id).contains(first.id());
		assertThat(approvals.escalate(first.dueAt().plus(Duration.ofHours(5)))).extracting(Step::id)
			.as("escalated once").doesNotContain(first.id());

		Step escalated = queries.steps(event.id()).get(0);
		assertThat(escalated.escalated()).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM platform_notification WHERE dedupe_key = ?")
			.param("gathering:overdue:" + first.id() + ":city")
			.query(Long.class)
			.single()).isEqualTo(1);
		approvals.decide(event.id(), first.id(), true, "市指挥部代为备案", city);
		assertThat(queries.steps(event.id()).get(0).state()).isEqualTo(Step.State.APPROVED);
	}

	@Test
	void anOrganizerFilesForItsOwnUnitAndSeesOnlyItsOwnEvents() {
		Organizers.Organizer unit = organizers.register("测试商会" + System.nanoTime(), GatheringFixtures.TOWN, "联系人",
				"13905790077", city);
		Organizers.Organizer other = organizers.register("另一单位" + System.nanoTime(), GatheringFixtures.TOWN, "联系人",
				"13905790078", city);
		Jurisdiction organizer = fixtures.account("ev-org-" + unit.id(), Role.ORGANIZER, GatheringFixtures.TOWN, null,
				unit.id());
		Jurisdiction stranger = fixtures.account("ev-org-" + other.id(), Role.ORGANIZER, GatheringFixtures.TOWN, null,
				other.id());

		Gathering own = fixtures.file("商会自己的活动", 40, true, organizer);
		assertThat(own.organizerId()).isEqualTo(unit.id());
		assertThat(own.organizer()).isEqualTo(unit.name());
		assertThat(queries.get(own.id(), organizer).id()).isEqualTo(own.id());
		assertThatThrownBy(() -> queries.get(own.id(), stranger)).isInstanceOf(NotFound.class);
		assertThat(queries.list(GatheringQueries.Filter.all(), stranger).page(jdbc, org.gridguard.shared.Paging.of(0, 500))
			.items()).extracting(Gathering::id).doesNotContain(own.id());
		assertThatThrownBy(() -> approvals.cancel(own.id(), stranger)).isInstanceOf(NotFound.class);
		assertThat(approvals.cancel(own.id(), organizer).state()).isEqualTo(Gathering.State.CANCELLED);
		assertThat(venues.byCode(own.code())).as("the withdrawn event's code no longer admits").isEmpty();
	}

}
