package org.gridguard.response;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every number of the response module, as {@code gridguard.response.*} properties (documented in
 * {@code docs/response.md}).
 *
 * @param refresh how long an instance keeps the level and the profiles in memory before reading them again (the
 * instance where they were changed follows at once)
 * @param planMaxSize the largest plan document accepted
 * @param followUpCheck how often open follow-up actions of drills are looked at for escalation
 * @param followUpEscalateAfter how long past its deadline an open follow-up action reaches the city command, at
 * 常态化 (the default of the profile setting {@code response.follow-up.escalate-after})
 */
@ConfigurationProperties("gridguard.response")
public record ResponseProperties(@DefaultValue("30s") Duration refresh, @DefaultValue("20MB") DataSize planMaxSize,
		@DefaultValue("15m") Duration followUpCheck, @DefaultValue("3d") Duration followUpEscalateAfter) {
}
