package org.gridguard.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on reading personal data, as {@code gridguard.personal-data.*} properties (documented in
 * {@code docs/person.md}).
 *
 * @param readsPerMinute person records one account may be served per minute by lists, graphs, household pages and
 * files together; a page of a list serves at most 500, so normal work stays far below it, and a reader pulling tens
 * of thousands is refused and reported to the city admin
 */
@ConfigurationProperties("gridguard.personal-data")
record PersonalDataProperties(@DefaultValue("10000") int readsPerMinute) {

	PersonalDataProperties {
		readsPerMinute = Math.max(1, readsPerMinute);
	}

}
