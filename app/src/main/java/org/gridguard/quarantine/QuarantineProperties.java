package org.gridguard.quarantine;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every number of the quarantine module, as {@code gridguard.quarantine.*} properties (documented in
 * {@code docs/quarantine.md}).
 *
 * @param transferSla time from the applied measure to admission at a site (rules §1.2: ≤ 12 h)
 * @param roomsPer10k the capacity norm: quarantine rooms per 10,000 residents (rules §5: ≥ 20)
 * @param minorAge below this age a person is a minor and stays with their family
 * @param elderlyAge from this age a person is elderly: a barrier-free room, and their family or carer may join them
 * @param staffTestDays days between tests of site staff on shift (rules §5: daily)
 * @param staffTestBy the time of day by which a staff member on shift must have been tested that day
 * @param shiftDays default length of a closed-loop shift
 * @param alertInterval how often pending transfers, missed checks and staff tests are looked at for alerts
 */
@ConfigurationProperties("gridguard.quarantine")
public record QuarantineProperties(@DefaultValue("12h") Duration transferSla, @DefaultValue("20") int roomsPer10k,
		@DefaultValue("14") int minorAge, @DefaultValue("70") int elderlyAge, @DefaultValue("1") int staffTestDays,
		@DefaultValue("12:00") LocalTime staffTestBy, @DefaultValue("14") int shiftDays,
		@DefaultValue("60s") Duration alertInterval) {
}
