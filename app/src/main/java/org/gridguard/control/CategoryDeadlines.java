package org.gridguard.control;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gridguard.response.ProfileSetting;
import org.gridguard.response.ProfileSettings;
import org.gridguard.response.ResponseProfile;
import org.gridguard.response.ResponseProfiles;
import org.gridguard.response.StricterDefaults;

import org.springframework.stereotype.Component;

/**
 * The deadlines of each category's verification task (accept, verify on site) as settings of the response level's
 * rule profile, keyed {@code control.sla.<CATEGORY>.ack} and {@code .verify}. Defaults at 常态化 and Ⅳ are the presets
 * of rules §4.3 (close and secondary contacts 1 h / 2 h, general lists 24 h, inbound 12 h); at Ⅲ, Ⅱ and Ⅰ they
 * shorten by {@link StricterDefaults}. A task keeps the deadlines it was given when it opened.
 */
@Component
class CategoryDeadlines implements ProfileSettings {

	private static final String GROUP = "control.profile.group.sla";

	/** Accept and verify within, in hours, per category (rules §4.3). */
	private static final Map<Category, double[]> PRESETS = new EnumMap<>(Map.ofEntries(
			Map.entry(Category.CLOSE_CONTACT, new double[] { 1, 2 }),
			Map.entry(Category.SECONDARY_CONTACT, new double[] { 1, 2 }),
			Map.entry(Category.GENERAL_CONTACT, new double[] { 2, 24 }),
			Map.entry(Category.SPACETIME_COMPANION, new double[] { 2, 24 }),
			Map.entry(Category.INBOUND, new double[] { 1, 12 }),
			Map.entry(Category.HIGH_RISK_AREA_TRAVELER, new double[] { 1, 2 }),
			Map.entry(Category.MID_RISK_AREA_TRAVELER, new double[] { 2, 12 }),
			Map.entry(Category.LOW_RISK_AREA_TRAVELER, new double[] { 2, 24 }),
			Map.entry(Category.HIGH_RISK_JOB, new double[] { 4, 24 }),
			Map.entry(Category.SENTINEL_BUYER, new double[] { 2, 24 }),
			Map.entry(Category.POOL_POSITIVE, new double[] { 1, 2 })));

	private final ResponseProfiles profiles;

	CategoryDeadlines(ResponseProfiles profiles) {
		this.profiles = profiles;
	}

	static String ackKey(Category category) {
		return "control.sla." + category.name() + ".ack";
	}

	static String verifyKey(Category category) {
		return "control.sla." + category.name() + ".verify";
	}

	/** The profile in force now, to read both deadlines of a category from one profile. */
	ResponseProfile active() {
		return profiles.active();
	}

	@Override
	public int order() {
		return 301;
	}

	@Override
	public List<ProfileSetting> declarations() {
		var list = new ArrayList<ProfileSetting>();
		for (Category category : Category.values()) {
			double[] preset = PRESETS.get(category);
			list.add(deadline(ackKey(category), "control.profile.sla.ack", category, preset[0]));
			list.add(deadline(verifyKey(category), "control.profile.sla.verify", category, preset[1])
				.notBefore(ackKey(category)));
		}
		return list;
	}

	private static ProfileSetting deadline(String key, String label, Category category, double hours) {
		return ProfileSetting
			.duration(key, GROUP, label, ChronoUnit.HOURS,
					StricterDefaults.shorter(Duration.ofMinutes(Math.round(hours * 60)), ChronoUnit.HOURS))
			.labelArgs("#control.category." + category.name())
			.range("0.25", "720");
	}

}
