package org.gridguard.quarantine;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.gridguard.response.ProfileSetting;
import org.gridguard.response.ProfileSettings;
import org.gridguard.response.ResponseProfiles;
import org.gridguard.response.StricterDefaults;

import org.springframework.stereotype.Component;

/**
 * The quarantine numbers that change with the response level, in its rule profile: the transfer deadline (from the
 * applied measure to admission at a site). The configured {@code gridguard.quarantine.transfer-sla} is the default at
 * 常态化 and Ⅳ; it shortens at the stricter levels ({@link StricterDefaults}). An order keeps the deadline it opened
 * with.
 */
@Component
class QuarantineProfile implements ProfileSettings {

	static final String TRANSFER_SLA = "quarantine.transfer-sla";

	private final ResponseProfiles profiles;

	private final QuarantineProperties properties;

	QuarantineProfile(ResponseProfiles profiles, QuarantineProperties properties) {
		this.profiles = profiles;
		this.properties = properties;
	}

	/** How long from the applied measure to admission, under the level in force. */
	Duration transferSla() {
		return profiles.active().duration(TRANSFER_SLA);
	}

	@Override
	public int order() {
		return 450;
	}

	@Override
	public List<ProfileSetting> declarations() {
		return List.of(ProfileSetting
			.duration(TRANSFER_SLA, "quarantine.profile.group", "quarantine.profile.transferSla", ChronoUnit.HOURS,
					StricterDefaults.shorter(properties.transferSla(), ChronoUnit.HOURS))
			.range("0.25", "72"));
	}

}
