package org.gridguard.gathering;

import java.time.Duration;
import java.time.Instant;

import org.gridguard.response.ResponseLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tiers of rules §6 under the numbers of a profile: the defaults at 常态化 and stricter ones as at Ⅲ.
 */
class EventRulesTests {

	private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

	private static final Instant NEXT_MONTH = NOW.plus(Duration.ofDays(30));

	private static final EventRules NORMAL = new EventRules(ResponseLevel.NORMAL, 50, 100, 300, 500, 0, 3,
			Duration.ofHours(24));

	private static final EventRules III = new EventRules(ResponseLevel.III, 30, 60, 180, 300, 600, 5,
			Duration.ofHours(18));

	@Test
	void belowTheFilingThresholdNothingIsToBeApproved() {
		var decision = NORMAL.decide(49, true, NEXT_MONTH, NOW);
		assertThat(decision.tier()).isEqualTo(EventRules.Tier.NONE);
		assertThat(decision.steps()).isEmpty();
		assertThat(decision.reasons()).isEmpty();
	}

	@Test
	void fromFiftyTheEventIsFiledWithTheDepartmentAndTheTown() {
		var decision = NORMAL.decide(50, true, NEXT_MONTH, NOW);
		assertThat(decision.tier()).isEqualTo(EventRules.Tier.FILING);
		assertThat(decision.steps()).containsExactly(Step.Kind.DEPARTMENT_FILING, Step.Kind.TOWN_FILING);
	}

	@Test
	void fromAHundredTheTownAndTheCityReview() {
		assertThat(NORMAL.decide(100, true, NEXT_MONTH, NOW).steps()).containsExactly(Step.Kind.DEPARTMENT_FILING,
				Step.Kind.TOWN_REVIEW, Step.Kind.CITY_REVIEW);
	}

	@Test
	void indoorsFromThreeHundredTheEventIsNotHeldWithTheReason() {
		var decision = NORMAL.decide(300, true, NEXT_MONTH, NOW);
		assertThat(decision.refused()).isTrue();
		assertThat(decision.steps()).isEmpty();
		assertThat(decision.reasons()).singleElement().satisfies(r -> {
			assertThat(r.key()).isEqualTo("gathering.refusal.indoor");
			assertThat(r.args()).containsExactly("300", "300", "#response.level.NORMAL");
		});
	}

	@Test
	void outdoorsFromFiveHundredAHigherReviewFollowsTheCity() {
		var decision = NORMAL.decide(500, false, NEXT_MONTH, NOW);
		assertThat(decision.tier()).isEqualTo(EventRules.Tier.HIGHER_REVIEW);
		assertThat(decision.steps()).containsExactly(Step.Kind.DEPARTMENT_FILING, Step.Kind.TOWN_REVIEW,
				Step.Kind.CITY_REVIEW, Step.Kind.HIGHER_REVIEW);
	}

	@Test
	void atAStricterLevelSmallerEventsClimbTheTiers() {
		assertThat(III.decide(29, true, NEXT_MONTH, NOW).tier()).isEqualTo(EventRules.Tier.NONE);
		assertThat(III.decide(30, true, NEXT_MONTH, NOW).tier()).isEqualTo(EventRules.Tier.FILING);
		assertThat(III.decide(60, true, NEXT_MONTH, NOW).tier()).isEqualTo(EventRules.Tier.REVIEW);
		assertThat(III.decide(300, false, NEXT_MONTH, NOW).tier()).isEqualTo(EventRules.Tier.HIGHER_REVIEW);
		assertThat(III.decide(180, true, NEXT_MONTH, NOW).reasons()).extracting(Reason::key)
			.containsExactly("gathering.refusal.indoor");
	}

	@Test
	void atAStricterLevelLargeEventsAreNotHeldAtAllEvenOutdoors() {
		var decision = III.decide(600, false, NEXT_MONTH, NOW);
		assertThat(decision.refused()).isTrue();
		assertThat(decision.reasons()).extracting(Reason::key).containsExactly("gathering.refusal.headcount");
		assertThat(NORMAL.decide(600, false, NEXT_MONTH, NOW).refused()).as("no such limit at 常态化").isFalse();
	}

	@Test
	void anEventThatMustBeFiledIsFiledInAdvanceButASmallOneNeedNot() {
		Instant inTwoDays = NOW.plus(Duration.ofDays(2));
		var decision = NORMAL.decide(80, false, inTwoDays, NOW);
		assertThat(decision.refused()).isTrue();
		assertThat(decision.reasons()).singleElement().satisfies(r -> assertThat(r.args()).startsWith("3"));
		assertThat(NORMAL.decide(20, false, inTwoDays, NOW).tier()).isEqualTo(EventRules.Tier.NONE);
	}

	@Test
	void everyStepHasItsOwnDeadlineAfterThePreviousOne() {
		assertThat(NORMAL.dueAt(NOW, 0)).isEqualTo(NOW.plus(Duration.ofHours(24)));
		assertThat(NORMAL.dueAt(NOW, 2)).isEqualTo(NOW.plus(Duration.ofHours(72)));
	}

}
