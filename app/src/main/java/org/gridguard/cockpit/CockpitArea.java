package org.gridguard.cockpit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the cockpit shows figures for: a region (the city, a town, a village or a grid) seen by an account, on a day.
 *
 * @param scope the reader's jurisdiction narrowed to the region: every query of the other modules answers for it
 * @param region the region
 * @param day the day of daily figures (check-ins, positives, alerts), city time; today on the cockpit
 * @param at when the figures are read (state figures are always as of now)
 */
public record CockpitArea(Jurisdiction scope, Region region, LocalDate day, Instant at) {

	public String code() {
		return region.code();
	}

	/** The regional prefix of region-code columns: {@code 330784001%}. */
	public String prefix() {
		return region.code() + "%";
	}

	/**
	 * The list behind a figure: {@code path} with the given query parameters (name, value, …) and this region, so that
	 * its total is the figure.
	 */
	public String link(String path, String... params) {
		var builder = UriComponentsBuilder.fromPath(path);
		for (int i = 0; i + 1 < params.length; i += 2) {
			builder.queryParam(params[i], params[i + 1]);
		}
		return builder.queryParamIfPresent("region", Optional.of(region.code())).build().toUriString();
	}

}
