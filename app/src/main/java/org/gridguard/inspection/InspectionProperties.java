package org.gridguard.inspection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every number of the inspection module, as {@code gridguard.inspection.*} properties (documented in
 * {@code docs/inspection.md}). The deadlines and frequencies are the defaults of the rule profile at 常态化
 * ({@link InspectionProfile}); the city admin changes them per response level.
 *
 * @param deadlineMinor time to put a minor failing right
 * @param deadlineMajor time to put a major failing right
 * @param deadlineCritical time to put a critical failing right (on the spot)
 * @param frequencyDays days between inspections of an ordinary key place
 * @param sensitiveFrequencyDays days between inspections of medical places, quarantine sites, cold chain and special
 * places
 * @param cityEscalationAfter an order this long past its deadline is escalated from the department and town to the
 * city command
 * @param repeatWindow a place with failings at two or more inspections within this window is a repeat offender
 * @param photoMaxSize the largest photo accepted
 * @param photosPerUpload photos one submission may carry
 * @param checkInterval how often overdue orders and overdue staff tests are looked at
 */
@ConfigurationProperties("gridguard.inspection")
public record InspectionProperties(@DefaultValue("72h") Duration deadlineMinor,
		@DefaultValue("24h") Duration deadlineMajor, @DefaultValue("4h") Duration deadlineCritical,
		@DefaultValue("30") int frequencyDays, @DefaultValue("14") int sensitiveFrequencyDays,
		@DefaultValue("48h") Duration cityEscalationAfter, @DefaultValue("30d") Duration repeatWindow,
		@DefaultValue("5MB") DataSize photoMaxSize, @DefaultValue("12") int photosPerUpload,
		@DefaultValue("300s") Duration checkInterval) {
}
