package org.gridguard.cockpit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.gridguard.platform.NotFound;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.RegionManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Turns a reader and an optional region code into the area the cockpit shows: the reader's own area by default, any
 * part of it on request, 404 for anything else (another area, a code that is no region).
 */
@Component
public class CockpitAreas {

	private final RegionManagement regions;

	private final Clock clock;

	CockpitAreas(RegionManagement regions, Clock clock) {
		this.regions = regions;
		this.clock = clock;
	}

	/** Today's area of {@code code} (blank: the reader's own) as {@code who} sees it. */
	public CockpitArea of(Jurisdiction who, @Nullable String code) {
		if (!who.seesCockpit()) {
			throw new NotFound("cockpit");
		}
		Jurisdiction scope = who.narrowedTo(code);
		Region region = regions.find(scope.regionCode()).orElseThrow(() -> new NotFound("region " + scope.regionCode()));
		return new CockpitArea(scope, region, LocalDate.now(clock), clock.instant());
	}

	/** The area of a region on a day as the city command sees it (the daily report). */
	public CockpitArea ofDay(Region region, LocalDate day) {
		return new CockpitArea(Jurisdiction.system().narrowedTo(region.code()), region, day, clock.instant());
	}

	/** The region and those above it, from the top of the reader's area down (for the breadcrumb). */
	public List<Region> path(CockpitArea area, Jurisdiction who) {
		return regions.path(area.code()).stream().filter(r -> r.code().startsWith(who.regionCode())).toList();
	}

	/** The active regions one level below. */
	public List<Region> children(CockpitArea area) {
		return regions.children(area.code());
	}

	public String fullName(String code) {
		return regions.fullName(code);
	}

}
