package org.gridguard.venue.web;

import java.util.List;

import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.region.Jurisdiction;
import org.gridguard.venue.CheckIns;
import org.gridguard.venue.NewVenue;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The venue part of the integration API (API.md): register a venue, and record check-ins one at a time or in batches
 * of up to 10,000. A batch answers per item: accepted items are durable before the response; rejected ones carry the
 * field and the reason, and never cost the valid ones.
 */
@RestController
@RequestMapping("/api/v1")
class VenueApi {

	private final VenueManagement venues;

	private final CheckIns checkIns;

	VenueApi(VenueManagement venues, CheckIns checkIns) {
		this.venues = venues;
		this.checkIns = checkIns;
	}

	/**
	 * A venue to register. {@code townCode} is what API.md names; {@code regionCode} (a grid or village inside the
	 * town) may be given instead or in addition, and so may the other optional parties.
	 */
	record VenueRequest(@Nullable String name, @Nullable String category, @Nullable String townCode,
			@Nullable String address, @Nullable String managerName, @Nullable String managerPhone,
			@Nullable String regionCode, @Nullable Integer capacity, @Nullable String sector,
			@Nullable String unitName, @Nullable String unitContact, @Nullable String unitPhone) {
	}

	record Created(long id, String code) {
	}

	@PostMapping("/venues")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT')")
	Created register(@RequestBody VenueRequest body, Jurisdiction who) {
		boolean byTown = body.regionCode() == null || body.regionCode().isBlank();
		try {
			Venue venue = venues.register(new NewVenue(body.name(), body.category(),
					byTown ? body.townCode() : body.regionCode(), body.address(), body.capacity(), body.sector(),
					body.unitName(), body.unitContact(), body.unitPhone(), body.managerName(), body.managerPhone()), who);
			return new Created(venue.id(), venue.code() == null ? "" : venue.code());
		}
		catch (InvalidInput ex) {
			if (!byTown) {
				throw ex;
			}
			// the client sent townCode: name that field in the answer
			throw new InvalidInput(ex.problems()
				.stream()
				.map(p -> p.field().equals("regionCode") ? new FieldProblem("townCode", p.message()) : p)
				.toList());
		}
	}

	record CheckInRequest(@Nullable List<CheckIns.RawCheckIn> checkins) {
	}

	record CheckInResponse(int accepted, List<CheckIns.Rejected> rejected, List<CheckIns.Accepted> results) {
	}

	@PostMapping("/checkins")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'DEPARTMENT', 'VENUE_MANAGER')")
	CheckInResponse checkIns(@RequestBody CheckInRequest body, Jurisdiction who) {
		CheckIns.BatchOutcome outcome = checkIns.record(body.checkins() == null ? List.of() : body.checkins(), who);
		return new CheckInResponse(outcome.accepted(), outcome.rejected(), outcome.results());
	}

}
