package org.gridguard.venue.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.gridguard.venue.CheckIns;
import org.gridguard.venue.NewVenue;
import org.gridguard.status.StatusColour;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueCategory;
import org.gridguard.venue.VenueManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The venue part of the integration API (API.md): register a venue, and record check-ins one at a time or in batches
 * of up to 10,000. A batch answers per item: accepted items are durable before the response; rejected ones carry the
 * field and the reason, and never cost the valid ones. A batch with an idempotency key may be sent again: the retry
 * gets the first answer (header {@code Idempotent-Replayed: true}) and nothing is stored twice.
 */
@RestController
@RequestMapping("/api/v1")
class VenueApi {

	private final VenueManagement venues;

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final CheckIns checkIns;

	private final Messages messages;

	VenueApi(VenueManagement venues, CheckIns checkIns, Messages messages) {
		this.venues = venues;
		this.checkIns = checkIns;
		this.messages = messages;
	}

	/**
	 * A venue to register. {@code townCode} is what API.md names; {@code regionCode} (a grid or village inside the
	 * town) may be given instead or in addition, and so may the other optional parties.
	 */
	record VenueRequest(@Nullable String name, @Schema(implementation = VenueCategory.class) @Nullable String category,
			@Nullable String townCode,
			@Nullable String address, @Nullable String managerName, @Nullable String managerPhone,
			@Nullable String regionCode, @Nullable Integer capacity, @Nullable String sector,
			@Nullable String unitName, @Nullable String unitContact, @Nullable String unitPhone) {
	}

	/** A registered venue: {@code code} is what its QR poster encodes. */
	record VenueCreated(long id, String code) {
	}

	@PostMapping("/venues")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT')")
	VenueCreated register(@RequestBody VenueRequest body, Jurisdiction who) {
		boolean byTown = body.regionCode() == null || body.regionCode().isBlank();
		try {
			Venue venue = venues.register(new NewVenue(body.name(), body.category(),
					byTown ? body.townCode() : body.regionCode(), body.address(), body.capacity(), body.sector(),
					body.unitName(), body.unitContact(), body.unitPhone(), body.managerName(), body.managerPhone()), who);
			return new VenueCreated(venue.id(), venue.code() == null ? "" : venue.code());
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

	/**
	 * A batch of check-ins; {@code idempotencyKey} (or the header {@code Idempotency-Key}) makes it safe to send again
	 * when the answer was lost.
	 */
	record CheckInRequest(@Nullable List<CheckIns.RawCheckIn> checkins, @Nullable String idempotencyKey) {
	}

	record CheckInResponse(int accepted, List<CheckInRejection> rejected, List<CheckInStatus> results) {

		static CheckInResponse of(CheckIns.BatchOutcome outcome) {
			return new CheckInResponse(outcome.accepted(),
					outcome.rejected().stream().map(r -> new CheckInRejection(r.index(), r.field(), r.message())).toList(),
					outcome.results().stream().map(r -> new CheckInStatus(r.index(), r.status(), r.admit())).toList());
		}

	}

	/** A refused check-in: its position in the batch, the field and why. */
	record CheckInRejection(int index, String field, String message) {
	}

	/** A stored check-in: the person's colour, and whether the venue admits them. */
	record CheckInStatus(int index, @Schema(implementation = StatusColour.class) String status, boolean admit) {
	}

	@PostMapping("/checkins")
	@ApiResponse(responseCode = "200", useReturnTypeSchema = true,
			description = "Every item accepted or refused; accepted ones are durable. Header `Idempotent-Replayed: true` on a retry answered from the first answer")
	@ApiResponse(responseCode = "503", description = "Nothing was stored (the database did not confirm in time): send the same batch again")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'DEPARTMENT', 'VENUE_MANAGER')")
	ResponseEntity<CheckInResponse> checkIns(@RequestBody CheckInRequest body,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String header, Jurisdiction who) {
		String key = header != null ? header : body.idempotencyKey();
		if (header != null && body.idempotencyKey() != null && !header.equals(body.idempotencyKey())) {
			throw InvalidInput.of("idempotencyKey", messages.get("venue.checkin.key.twoKeys", IDEMPOTENCY_KEY));
		}
		CheckIns.BatchOutcome outcome;
		try {
			outcome = checkIns.record(body.checkins() == null ? List.of() : body.checkins(), who, key);
		}
		catch (InvalidInput ex) {
			if (header == null) {
				throw ex;
			}
			// the client sent the key as a header: name the header
			throw new InvalidInput(ex.problems()
				.stream()
				.map(p -> p.field().equals("idempotencyKey")
						? new FieldProblem(IDEMPOTENCY_KEY, p.message().replace("idempotencyKey", IDEMPOTENCY_KEY)) : p)
				.toList());
		}
		var response = ResponseEntity.ok();
		if (outcome.replayed()) {
			response.header("Idempotent-Replayed", "true");
		}
		return response.body(CheckInResponse.of(outcome));
	}

}
