package org.gridguard.cockpit;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every number of the cockpit, as {@code gridguard.cockpit.*} properties (documented in {@code docs/cockpit.md}).
 *
 * @param reportTime when the daily report of the day before is generated, city time
 * @param flushInterval how often the check-in counts held in memory are written to the database
 * @param feedRefresh how often the alert feed on the page asks for news
 * @param figuresRefresh how often the figures on the page are read again
 * @param retention how long the positives and venue alerts kept for the cockpit (personal data) are kept
 * @param countsKept how long the per-day check-in counts (no personal data) are kept, for the trends
 * @param recountCron when yesterday's check-in counts are checked against the stored check-ins
 * @param stateRefresh how old the control loop's figures (risk persons, tasks, unmanaged) may be when shown; zero:
 * read for every view
 */
@ConfigurationProperties("gridguard.cockpit")
public record CockpitProperties(@DefaultValue("08:00") LocalTime reportTime, @DefaultValue("2s") Duration flushInterval,
		@DefaultValue("15s") Duration feedRefresh, @DefaultValue("60s") Duration figuresRefresh,
		@DefaultValue("28d") Duration retention, @DefaultValue("90d") Duration countsKept,
		@DefaultValue("0 30 0 * * *") String recountCron, @DefaultValue("10s") Duration stateRefresh) {
}
