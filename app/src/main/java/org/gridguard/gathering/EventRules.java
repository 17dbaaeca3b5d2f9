package org.gridguard.gathering;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gridguard.response.ResponseLevel;

/**
 * The tiers of rules §6 as one profile's numbers give them: what a filing of a given size needs, or why it is refused.
 * Pure: the numbers come in, the decision goes out, so that every path is tested without a database.
 *
 * @param level the response level whose profile these numbers are
 * @param filing from this headcount: filed with the department and the town (备案)
 * @param review from this headcount: reviewed by the town, then the city (两级审核)
 * @param indoorLimit from this headcount an indoor event is not held (原则上不举办)
 * @param higherReview from this headcount: the city's review is followed by a higher review
 * @param outdoorLimit from this headcount no event is held at all, indoors or out; 0 for no such limit
 * @param advanceDays an event that must be filed is filed at least this many days ahead
 * @param stepSla the time of each approval step
 */
record EventRules(ResponseLevel level, int filing, int review, int indoorLimit, int higherReview, int outdoorLimit,
		int advanceDays, Duration stepSla) {

	/** How far an event goes. */
	enum Tier {

		/** Below the filing threshold: registered, nothing to approve. */
		NONE,
		/** 备案 with the department and the town. */
		FILING,
		/** Reviewed by the town, then the city. */
		REVIEW,
		/** Reviewed by the town, the city and a higher level. */
		HIGHER_REVIEW,
		/** Not held under these rules. */
		REFUSED

	}

	/** The tier, the steps in order, and the reasons of a refusal (message keys with arguments). */
	record Decision(Tier tier, List<Step.Kind> steps, List<Reason> reasons) {

		boolean refused() {
			return tier == Tier.REFUSED;
		}

	}

	Decision decide(int headcount, boolean indoor, Instant startsAt, Instant now) {
		var reasons = new ArrayList<Reason>();
		if (outdoorLimit > 0 && headcount >= outdoorLimit) {
			reasons.add(new Reason("gathering.refusal.headcount", false, String.valueOf(headcount),
					String.valueOf(outdoorLimit), "#" + level.messageKey()));
		}
		if (indoor && headcount >= indoorLimit) {
			reasons.add(new Reason("gathering.refusal.indoor", false, String.valueOf(headcount),
					String.valueOf(indoorLimit), "#" + level.messageKey()));
		}
		if (headcount >= filing && startsAt.isBefore(now.plus(Duration.ofDays(advanceDays)))) {
			reasons.add(new Reason("gathering.refusal.advance", false, String.valueOf(advanceDays),
					"#" + level.messageKey()));
		}
		if (!reasons.isEmpty()) {
			return new Decision(Tier.REFUSED, List.of(), reasons);
		}
		if (headcount < filing) {
			return new Decision(Tier.NONE, List.of(), List.of());
		}
		if (headcount < review) {
			return new Decision(Tier.FILING, List.of(Step.Kind.DEPARTMENT_FILING, Step.Kind.TOWN_FILING), List.of());
		}
		if (headcount < higherReview) {
			return new Decision(Tier.REVIEW,
					List.of(Step.Kind.DEPARTMENT_FILING, Step.Kind.TOWN_REVIEW, Step.Kind.CITY_REVIEW), List.of());
		}
		return new Decision(Tier.HIGHER_REVIEW, List.of(Step.Kind.DEPARTMENT_FILING, Step.Kind.TOWN_REVIEW,
				Step.Kind.CITY_REVIEW, Step.Kind.HIGHER_REVIEW), List.of());
	}

	/** The deadline of the step at {@code position} (0-based): the steps follow each other, each with its time. */
	Instant dueAt(Instant filedAt, int position) {
		return filedAt.plus(stepSla.multipliedBy(position + 1L));
	}

	/** What the decision read, for the record (every automatic decision keeps its rule and inputs). */
	String inputs() {
		return "level=" + level + " filing=" + filing + " review=" + review + " indoorLimit=" + indoorLimit
				+ " higherReview=" + higherReview + " outdoorLimit=" + outdoorLimit + " advanceDays=" + advanceDays
				+ " stepSla=" + stepSla;
	}

}
