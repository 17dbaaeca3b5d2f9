package org.gridguard.inspection;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.gridguard.response.ProfileSetting;
import org.gridguard.response.ProfileSettings;
import org.gridguard.response.ResponseProfiles;
import org.gridguard.response.StricterDefaults;
import org.gridguard.venue.VenueCategory;

import org.springframework.stereotype.Component;

/**
 * The inspection numbers that change with the response level, in its rule profile:
 * <ul>
 * <li>{@code inspection.deadline.<SEVERITY>}: the time a failed item's order gives to put it right; the configured
 * value at 常态化 and Ⅳ, shorter at the stricter levels ({@link StricterDefaults}).</li>
 * <li>{@code inspection.frequency.<CATEGORY>}: days between inspections of a place of the category. The configured
 * interval holds at 常态化, half of it at Ⅳ, at most weekly at Ⅲ and daily at Ⅱ and Ⅰ (rules §7: malls weekly at Ⅲ,
 * daily at Ⅱ).</li>
 * </ul>
 * An order keeps the deadline it was opened with.
 */
@Component
public class InspectionProfile implements ProfileSettings {

	private final ResponseProfiles profiles;

	private final InspectionProperties properties;

	InspectionProfile(ResponseProfiles profiles, InspectionProperties properties) {
		this.profiles = profiles;
		this.properties = properties;
	}

	static String deadlineKey(Severity severity) {
		return "inspection.deadline." + severity.name();
	}

	static String frequencyKey(VenueCategory category) {
		return "inspection.frequency." + category.name();
	}

	/** The time to put a failing of this severity right, under the level in force. */
	public Duration deadline(Severity severity) {
		return profiles.active().duration(deadlineKey(severity));
	}

	/** Days between inspections of a place of this category (1 = daily), under the level in force. */
	public int frequencyDays(VenueCategory category) {
		return profiles.active().integer(frequencyKey(category));
	}

	/** The configured interval of a category at 常态化. */
	int configuredFrequency(VenueCategory category) {
		boolean sensitive = category.special() || category == VenueCategory.MEDICAL
				|| category == VenueCategory.QUARANTINE_SITE || category == VenueCategory.COLD_CHAIN;
		return sensitive ? properties.sensitiveFrequencyDays() : properties.frequencyDays();
	}

	/** The defaults from 常态化 to Ⅰ of an interval of {@code n} days at 常态化. */
	static List<Integer> frequencies(int n) {
		return List.of(n, Math.max(1, (n + 1) / 2), Math.min(7, Math.max(1, (n + 1) / 2)), 1, 1);
	}

	private Duration configured(Severity severity) {
		return switch (severity) {
			case MINOR -> properties.deadlineMinor();
			case MAJOR -> properties.deadlineMajor();
			case CRITICAL -> properties.deadlineCritical();
		};
	}

	@Override
	public int order() {
		return 480;
	}

	@Override
	public List<ProfileSetting> declarations() {
		var list = new ArrayList<ProfileSetting>();
		for (Severity severity : Severity.values()) {
			list.add(ProfileSetting
				.duration(deadlineKey(severity), "inspection.profile.group.deadline", "inspection.profile.deadline",
						ChronoUnit.HOURS, StricterDefaults.shorter(configured(severity), ChronoUnit.HOURS))
				.labelArgs("#" + severity.messageKey())
				.range("0.25", "720"));
		}
		for (VenueCategory category : VenueCategory.values()) {
			list.add(ProfileSetting
				.integer(frequencyKey(category), "inspection.profile.group.frequency", "inspection.profile.frequency",
						frequencies(configuredFrequency(category)))
				.labelArgs("#" + category.messageKey())
				.range("1", "365")
				.unitKey("response.unit.DAYS"));
		}
		return list;
	}

}
