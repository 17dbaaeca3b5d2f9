package org.gridguard.gathering;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.gridguard.response.ProfileSetting;
import org.gridguard.response.ProfileSettings;
import org.gridguard.response.ResponseProfile;
import org.gridguard.response.ResponseProfiles;
import org.gridguard.response.StricterDefaults;

import org.springframework.stereotype.Component;

/**
 * The meetings-and-events numbers that change with the response level, in its rule profile: the tier thresholds of
 * rules §6 (filing 50+, two-level review 100+, indoor not held 300+, higher review 500+ at 常态化, from
 * {@code gridguard.gathering.*}), an overall headcount limit (none at 常态化 and Ⅳ), the days of advance filing and
 * the deadline of each approval step. At the stricter levels the thresholds fall to 60 %, 40 % and 20 % at Ⅲ, Ⅱ, Ⅰ
 * (rounded up), the overall limit is twice, once and a fifth of the higher-review threshold, filing must come
 * earlier and steps are shorter ({@link StricterDefaults}). Rules §7 calls a profile's contents assumed: every value is
 * editable. A filing reads one profile and keeps what it decided.
 */
@Component
class GatheringProfile implements ProfileSettings {

	static final String FILING = "gathering.threshold.filing";

	static final String REVIEW = "gathering.threshold.review";

	static final String INDOOR_LIMIT = "gathering.limit.indoor";

	static final String HIGHER_REVIEW = "gathering.threshold.higher-review";

	static final String OUTDOOR_LIMIT = "gathering.limit.any";

	static final String ADVANCE_DAYS = "gathering.advance-days";

	static final String STEP_SLA = "gathering.step-sla";

	/** Factors of the thresholds from 常态化 to Ⅰ. */
	private static final double[] FACTORS = { 1, 1, 0.6, 0.4, 0.2 };

	private final ResponseProfiles profiles;

	private final GatheringProperties properties;

	GatheringProfile(ResponseProfiles profiles, GatheringProperties properties) {
		this.profiles = profiles;
		this.properties = properties;
	}

	/** The rules under the level in force now. */
	EventRules rules() {
		return rules(profiles.active());
	}

	static EventRules rules(ResponseProfile p) {
		return new EventRules(p.level(), p.integer(FILING), p.integer(REVIEW), p.integer(INDOOR_LIMIT),
				p.integer(HIGHER_REVIEW), p.integer(OUTDOOR_LIMIT), p.integer(ADVANCE_DAYS), p.duration(STEP_SLA));
	}

	/** The step deadline under the level in force (for steps opened by escalation). */
	java.time.Duration stepSla() {
		return profiles.active().duration(STEP_SLA);
	}

	@Override
	public int order() {
		return 500;
	}

	@Override
	public List<ProfileSetting> declarations() {
		String group = "gathering.profile.group";
		int higher = properties.higherReviewThreshold();
		return List.of(
				threshold(FILING, "gathering.profile.filing", properties.filingThreshold()),
				threshold(REVIEW, "gathering.profile.review", properties.reviewThreshold()),
				threshold(INDOOR_LIMIT, "gathering.profile.indoorLimit", properties.indoorLimit()),
				threshold(HIGHER_REVIEW, "gathering.profile.higherReview", higher),
				ProfileSetting
					.integer(OUTDOOR_LIMIT, group, "gathering.profile.anyLimit",
							List.of(0, 0, 2 * scaled(higher, 2), scaled(higher, 3), scaled(higher, 4)))
					.range("0", "100000")
					.unitKey("gathering.profile.unit.persons"),
				ProfileSetting
					.integer(ADVANCE_DAYS, group, "gathering.profile.advanceDays",
							List.of(properties.advanceDays(), properties.advanceDays(), properties.advanceDays() + 2,
									properties.advanceDays() + 4, properties.advanceDays() + 4))
					.range("0", "60")
					.unitKey("response.unit.DAYS"),
				ProfileSetting
					.duration(STEP_SLA, group, "gathering.profile.stepSla", ChronoUnit.HOURS,
							StricterDefaults.shorter(properties.stepSla(), ChronoUnit.HOURS))
					.range("1", "168"));
	}

	private static ProfileSetting threshold(String key, String label, int normal) {
		var values = new ArrayList<Integer>();
		for (int i = 0; i < FACTORS.length; i++) {
			values.add(scaled(normal, i));
		}
		return ProfileSetting.integer(key, "gathering.profile.group", label, values)
			.range("1", "100000")
			.unitKey("gathering.profile.unit.persons");
	}

	private static int scaled(int normal, int levelIndex) {
		return Math.max(1, (int) Math.ceil(normal * FACTORS[levelIndex]));
	}

}
