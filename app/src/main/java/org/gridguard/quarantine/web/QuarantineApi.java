package org.gridguard.quarantine.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.Messages;
import org.gridguard.quarantine.Admissions;
import org.gridguard.quarantine.NewSite;
import org.gridguard.quarantine.Site;
import org.gridguard.quarantine.SiteChecks;
import org.gridguard.quarantine.SiteQueries;
import org.gridguard.quarantine.SiteRegistry;
import org.gridguard.quarantine.SiteReleases;
import org.gridguard.quarantine.Stay;
import org.gridguard.quarantine.Transfer;
import org.gridguard.quarantine.Transfers;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quarantine part of the integration API (API.md, command layer): sites, transfers, admission, stays, release;
 * and the site's checks and release samples for field apps.
 */
@RestController
@RequestMapping("/api/v1/quarantine")
class QuarantineApi {

	private final SiteRegistry registry;

	private final SiteQueries queries;

	private final Transfers transfers;

	private final Admissions admissions;

	private final SiteChecks checks;

	private final SiteReleases releases;

	private final PersonManagement persons;

	private final Messages messages;

	private final Clock clock;

	QuarantineApi(SiteRegistry registry, SiteQueries queries, Transfers transfers, Admissions admissions,
			SiteChecks checks, SiteReleases releases, PersonManagement persons, Messages messages, Clock clock) {
		this.registry = registry;
		this.queries = queries;
		this.transfers = transfers;
		this.admissions = admissions;
		this.checks = checks;
		this.releases = releases;
		this.persons = persons;
		this.messages = messages;
		this.clock = clock;
	}

	record RoomRequest(@Nullable String number, @Nullable Integer beds,
			@Schema(implementation = Site.RoomKind.class) @Nullable String kind, @Nullable String building,
			@Nullable Integer floor) {
	}

	record SiteRequest(@Nullable String name, @Nullable String townCode, @Nullable String address,
			@Nullable List<RoomRequest> rooms, @Schema(implementation = Site.Kind.class) @Nullable String kind, @Nullable String operator,
			@Nullable String headName, @Nullable String headPhone, @Nullable String zones) {
	}

	record SiteCreated(long id) {
	}

	@PostMapping("/sites")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER')")
	SiteCreated register(@RequestBody SiteRequest body, Jurisdiction who) {
		var rooms = new ArrayList<NewSite.NewRoom>();
		for (RoomRequest r : body.rooms() == null ? List.<RoomRequest>of() : body.rooms()) {
			rooms.add(new NewSite.NewRoom(r.number() == null ? "" : r.number().strip(), r.building(), r.floor(),
					r.beds() == null ? 1 : r.beds(), RoomKinds.parse(r.kind())));
		}
		Site site = registry.register(new NewSite(body.name(), body.kind(), body.townCode(), body.address(),
				body.operator(), body.headName(), body.headPhone(), body.zones(), rooms), who);
		return new SiteCreated(site.id());
	}

	record SiteView(long id, String name, String townCode, int rooms, int beds, int occupied, int free,
			int awaitingDisinfection, int outOfService, int residents) {

		static SiteView of(Site s) {
			return new SiteView(s.id(), s.name(), s.townCode(), s.rooms(), s.beds(), s.occupied(), s.free(),
					s.awaitingDisinfection(), s.outOfService(), s.residents());
		}

	}

	@GetMapping("/sites")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'EPIDEMIOLOGIST', 'SITE_STAFF')")
	List<SiteView> sites(@RequestParam(required = false) @Nullable String region, Jurisdiction who) {
		return queries.sites(who, region).stream().map(SiteView::of).toList();
	}

	record Page<T>(List<T> items, int page, int size, long total) {
	}

	record TransferView(long id, long riskPersonId, String idNumberMasked,
			@Schema(implementation = Transfer.State.class) String state, Instant dueAt, boolean overdue,
			@Nullable Long siteId, @Nullable String vehicle, @Nullable String escort, String gridCode) {
	}

	@GetMapping("/transfers")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'EPIDEMIOLOGIST', 'SITE_STAFF')")
	Page<TransferView> transfers(@RequestParam(required = false) Transfer.@Nullable State state,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
			Jurisdiction who) {
		PageResult<Transfer> result = queries.transfers(new SiteQueries.TransferFilter(state, overdue, region), who,
				Paging.of(page, size));
		Map<Long, Person> people = persons.readForList(result.items().stream().map(Transfer::personId).toList(),
				"quarantine-transfers", null, null);
		Instant now = clock.instant();
		return new Page<>(result.items().stream().map(t -> view(t, people.get(t.personId()), now)).toList(), result.page(),
				result.size(), result.total());
	}

	private static TransferView view(Transfer t, @Nullable Person person, Instant now) {
		return new TransferView(t.id(), t.riskPersonId(), person == null ? "" : person.idMasked(), t.state().name(),
				t.dueAt(), t.overdue(now), t.siteId(), t.vehicle(), t.escort(), t.regionCode());
	}

	record AdmissionRequest(@Nullable Long siteId, @Nullable String room, @Nullable Long withStay) {
	}

	@PostMapping("/transfers/{id}/admission")
	@ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Admitted: the stay and its room")
	@ApiResponse(responseCode = "409", description = "No room fits, or the transfer is no longer pending")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'SITE_STAFF')")
	Admissions.Admission admit(@PathVariable long id, @RequestBody AdmissionRequest body, Jurisdiction who) {
		return admissions.admit(id, body.siteId(), body.room(), body.withStay(), who);
	}

	record DispatchRequest(@Nullable Long siteId, @Nullable String vehicle, @Nullable String escort) {
	}

	@PostMapping("/transfers/{id}/dispatch")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER')")
	TransferView dispatch(@PathVariable long id, @RequestBody DispatchRequest body, Jurisdiction who) {
		Transfer t = transfers.dispatch(id, body.siteId(), body.vehicle(), body.escort(), who);
		return view(t, persons.find(t.personId()).orElse(null), clock.instant());
	}

	record StayView(long id, long riskPersonId, long siteId, String room, Instant admittedAt,
			@Nullable OffsetDateTime plannedReleaseAt, @Schema(implementation = Stay.State.class) String state,
			@Nullable Instant endedAt,
			@Nullable Boolean handedOver) {
	}

	@GetMapping("/stays")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'EPIDEMIOLOGIST', 'SITE_STAFF')")
	Page<StayView> stays(@RequestParam(required = false) @Nullable Long siteId,
			@RequestParam(required = false) Stay.@Nullable State state,
			@RequestParam(required = false) @Nullable String region, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, Jurisdiction who) {
		PageResult<Stay> result = queries.stays(new SiteQueries.StayFilter(siteId, state, region), who,
				Paging.of(page, size));
		return new Page<>(result.items().stream().map(this::view).toList(), result.page(), result.size(), result.total());
	}

	private StayView view(Stay s) {
		return new StayView(s.id(), s.riskPersonId(), s.siteId(), s.room(), s.admittedAt(),
				s.plannedReleaseOn() == null ? null : s.plannedReleaseOn().atStartOfDay(clock.getZone()).toOffsetDateTime(),
				s.state().name(), s.endedAt(), s.handedOver());
	}

	record ReleaseView(long stayId, @Schema(implementation = Stay.State.class) String state, boolean handedOver,
			String notice) {
	}

	@PostMapping("/stays/{id}/release")
	@ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Released")
	@ApiResponse(responseCode = "409", description = "The stay has already ended")
	@ApiResponse(responseCode = "422", description = "Not yet: each unmet condition (days, tests) named")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'SITE_STAFF')")
	ReleaseView release(@PathVariable long id, @RequestBody(required = false) @Nullable Map<String, Object> body,
			Jurisdiction who) {
		SiteReleases.Released released = releases.release(id, who);
		return new ReleaseView(id, Stay.State.RELEASED.name(), released.handedOver(),
				"/quarantine/stays/" + id + "/notice.pdf");
	}

	record CheckRequest(@Nullable String slot, @Nullable Double temperature, @Nullable String symptoms) {
	}

	@PostMapping("/stays/{id}/checks")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'SITE_STAFF')")
	StayView check(@PathVariable long id, @RequestBody CheckRequest body, Jurisdiction who) {
		checks.recordCheck(id, body.slot(), body.temperature(), body.symptoms(), who);
		return view(queries.stay(id, who));
	}

	record SampleRequest(@Nullable String kind, @Nullable String result) {
	}

	@PostMapping("/stays/{id}/samples")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'SITE_STAFF')")
	StayView sample(@PathVariable long id, @RequestBody SampleRequest body, Jurisdiction who) {
		checks.recordSample(id, body.kind(), body.result(), who);
		return view(queries.stay(id, who));
	}

}
