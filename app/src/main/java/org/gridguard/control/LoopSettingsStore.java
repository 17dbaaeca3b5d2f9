package org.gridguard.control;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.gridguard.response.ProfileSetting;
import org.gridguard.response.ProfileSettings;
import org.gridguard.response.ResponseProfile;
import org.gridguard.response.ResponseProfiles;
import org.gridguard.response.StricterDefaults;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Where the control loop reads its {@link LoopSettings}: from the rule profile of the response level in force, where
 * the city admin edits them (the response module's profile pages). Declares them there: the configured values
 * ({@code gridguard.control.*}) are the defaults at 常态化 and Ⅳ; at Ⅲ, Ⅱ and Ⅰ the checks are due earlier, test results
 * have less grace and violations escalate sooner ({@link StricterDefaults}). A level switch or an edit applies at once
 * on the instance where it was made and within the profile's refresh time on the others; schedules already laid out
 * keep their deadlines.
 */
@Service
public class LoopSettingsStore implements ProfileSettings {

	static final String AM_DUE = "control.check.am-due";

	static final String PM_DUE = "control.check.pm-due";

	static final String TEST_GRACE = "control.test-grace";

	static final String FEVER = "control.fever-threshold";

	/** The escalation ages, grid to city. */
	static final List<String> ESCALATION = List.of("control.escalation.grid", "control.escalation.village",
			"control.escalation.town", "control.escalation.city");

	private static final String GROUP = "control.profile.group.loop";

	private final ResponseProfiles profiles;

	private final LoopSettings defaults;

	LoopSettingsStore(ResponseProfiles profiles, @Value("${gridguard.control.check-am-due:12:00}") LocalTime amDue,
			@Value("${gridguard.control.check-pm-due:21:00}") LocalTime pmDue,
			@Value("${gridguard.control.test-grace:12h}") Duration testGrace,
			@Value("${gridguard.control.fever-threshold:37.3}") double feverThreshold,
			@Value("${gridguard.control.escalation:0m,1h,2h,4h}") List<Duration> escalation) {
		this.profiles = profiles;
		if (escalation.size() != LoopSettings.LEVELS) {
			throw new IllegalStateException("gridguard.control.escalation needs " + LoopSettings.LEVELS
					+ " durations (grid, village, town, city), got " + escalation);
		}
		this.defaults = new LoopSettings(amDue, pmDue, testGrace, feverThreshold, escalation);
	}

	/** The settings in force now. */
	public LoopSettings settings() {
		return of(profiles.active());
	}

	/** The configured defaults: the values at 常态化 unless the city admin changed them. */
	public LoopSettings defaults() {
		return defaults;
	}

	/** The loop settings a profile holds. */
	public static LoopSettings of(ResponseProfile profile) {
		var escalation = new ArrayList<Duration>();
		for (String key : ESCALATION) {
			escalation.add(profile.duration(key));
		}
		return new LoopSettings(profile.time(AM_DUE), profile.time(PM_DUE), profile.duration(TEST_GRACE),
				profile.decimal(FEVER).doubleValue(), escalation);
	}

	@Override
	public int order() {
		return 300;
	}

	@Override
	public List<ProfileSetting> declarations() {
		LocalTime am = defaults.amDue();
		LocalTime pm = defaults.pmDue();
		var list = new ArrayList<ProfileSetting>();
		list.add(ProfileSetting.time(AM_DUE, GROUP, "control.settings.amDue",
				List.of(am, am, earlier(am, LocalTime.of(11, 0)), earlier(am, LocalTime.of(10, 0)),
						earlier(am, LocalTime.of(10, 0)))));
		list.add(ProfileSetting.time(PM_DUE, GROUP, "control.settings.pmDue",
				List.of(pm, pm, earlier(pm, LocalTime.of(20, 0)), earlier(pm, LocalTime.of(20, 0)),
						earlier(pm, LocalTime.of(20, 0))))
			.notBefore(AM_DUE));
		list.add(ProfileSetting
			.duration(TEST_GRACE, GROUP, "control.profile.testGrace", ChronoUnit.HOURS,
					StricterDefaults.shorter(defaults.testGrace(), ChronoUnit.HOURS))
			.range("0", "72"));
		list.add(ProfileSetting
			.decimal(FEVER, GROUP, "control.profile.fever", 1,
					ProfileSetting.everyLevel(BigDecimal.valueOf(defaults.feverThreshold())))
			.range("36.5", "39.0")
			.unitKey("response.unit.celsius"));
		for (int level = 0; level < LoopSettings.LEVELS; level++) {
			ProfileSetting step = ProfileSetting
				.duration(ESCALATION.get(level), GROUP, "control.profile.escalation", ChronoUnit.MINUTES,
						StricterDefaults.shorter(defaults.escalation().get(level), ChronoUnit.MINUTES))
				.labelArgs("#control.settings.level." + level)
				.range("0", "10080");
			list.add(level == 0 ? step : step.notBefore(ESCALATION.get(level - 1)));
		}
		return list;
	}

	private static LocalTime earlier(LocalTime configured, LocalTime limit) {
		return configured.isBefore(limit) ? configured : limit;
	}

}
