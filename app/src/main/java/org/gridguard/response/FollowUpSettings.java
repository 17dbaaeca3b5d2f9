package org.gridguard.response;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The response module's own share of the rule profile: how long past its deadline an open follow-up action of a drill
 * reaches the city command ({@code gridguard.response.follow-up-escalate-after} at 常态化 and Ⅳ, sooner at the stricter
 * levels).
 */
@Component
class FollowUpSettings implements ProfileSettings {

	static final String ESCALATE_AFTER = "response.follow-up.escalate-after";

	private final ResponseProfiles profiles;

	private final ResponseProperties properties;

	FollowUpSettings(ResponseProfiles profiles, ResponseProperties properties) {
		this.profiles = profiles;
		this.properties = properties;
	}

	/** Days past the deadline after which the command is told, under the level in force. */
	int escalateAfterDays() {
		return profiles.active().integer(ESCALATE_AFTER);
	}

	@Override
	public int order() {
		return 700;
	}

	@Override
	public List<ProfileSetting> declarations() {
		var days = StricterDefaults
			.shorter(Duration.ofDays(Math.max(1, properties.followUpEscalateAfter().toDays())), ChronoUnit.DAYS)
			.stream()
			.map(d -> (int) d.toDays())
			.toList();
		return List.of(ProfileSetting
			.integer(ESCALATE_AFTER, "response.profile.group", "response.profile.escalateAfter", days)
			.range("1", "60")
			.unitKey("response.unit.DAYS"));
	}

}
