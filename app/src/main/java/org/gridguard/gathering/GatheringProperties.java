package org.gridguard.gathering;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every number of the meetings-and-events module, as {@code gridguard.gathering.*} properties (documented in
 * {@code docs/gathering.md}). The thresholds and the step deadline are the defaults of the rule profile at 常态化
 * (rules §6); the profile makes them stricter at the higher levels ({@link GatheringProfile}).
 *
 * @param filingThreshold from this headcount an event is filed with the department and the town (备案)
 * @param reviewThreshold from this headcount the plan is reviewed by the town, then the city (two-level review)
 * @param indoorLimit from this headcount an indoor event is not held (原则上不举办)
 * @param higherReviewThreshold from this headcount the city's review is followed by a higher review
 * @param advanceDays an event that must be filed is filed at least this many days before it starts
 * @param stepSla the time each approval step has, one after the other from the filing
 * @param maxAttendees the most rows an attendee list may have
 * @param escalationInterval how often steps past their deadline are looked for
 */
@ConfigurationProperties("gridguard.gathering")
public record GatheringProperties(@DefaultValue("50") int filingThreshold, @DefaultValue("100") int reviewThreshold,
		@DefaultValue("300") int indoorLimit, @DefaultValue("500") int higherReviewThreshold,
		@DefaultValue("3") int advanceDays, @DefaultValue("24h") Duration stepSla,
		@DefaultValue("5000") int maxAttendees, @DefaultValue("60s") Duration escalationInterval) {
}
