package org.gridguard.gathering.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.gridguard.gathering.Filings;
import org.gridguard.gathering.Gathering;
import org.gridguard.gathering.GatheringQueries;
import org.gridguard.gathering.NewGathering;
import org.gridguard.gathering.Step;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
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
 * Meetings and events in the integration API (API.md, command layer): filing, with the steps the active profile
 * decides or the reasons of a refusal, and the list. The prevention plan is uploaded on the event's page.
 */
@RestController
@RequestMapping("/api/v1/events")
class EventApi {

	private final Filings filings;

	private final GatheringQueries queries;

	private final EventExportController exports;

	private final RegionManagement regions;

	private final Messages messages;

	EventApi(Filings filings, GatheringQueries queries, EventExportController exports, RegionManagement regions,
			Messages messages) {
		this.filings = filings;
		this.queries = queries;
		this.exports = exports;
		this.regions = regions;
		this.messages = messages;
	}

	/**
	 * A filing. {@code startsAt}/{@code endsAt} are ISO-8601 with an offset; {@code organizerId} names a registered
	 * unit (an organizer's account always files for its own); {@code sector} is the department of the event's kind.
	 */
	record EventRequest(@Nullable String name, @Nullable String organizer, @Nullable String responsiblePerson,
			@Nullable String responsiblePhone, @Nullable String townCode, @Nullable String address,
			@Schema(format = "date-time") @Nullable String startsAt, @Schema(format = "date-time") @Nullable String endsAt,
			@Nullable Integer expectedHeadcount, @Nullable Boolean indoor, @Nullable String whyNotOnline,
			@Schema(implementation = org.gridguard.shared.Sector.class) @Nullable String sector,
			@Nullable Long organizerId) {
	}

	/**
	 * One approval step: the party that decides it, in words ({@code approver}) and as role and region
	 * ({@code audience}, {@code regionCode}), and its deadline.
	 */
	record EventStepView(String approver, Instant dueAt, @Schema(implementation = Step.Kind.class) String kind,
			String audience, String regionCode, @Schema(implementation = Step.State.class) String state,
			boolean escalated) {
	}

	/** What a filing came to: pending with its steps, approved at once (no steps), or refused with the reasons. */
	record EventFiled(long id, @Schema(implementation = Gathering.State.class) String state, List<EventStepView> steps,
			List<String> reasons, String tier, @Nullable String code) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "201", useReturnTypeSchema = true,
			description = "Filed: PENDING with its steps, APPROVED when no approval is needed, or REFUSED with the reasons")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'ORGANIZER')")
	EventFiled file(@RequestBody EventRequest body, Jurisdiction who) {
		Filings.Filed filed = filings.file(new NewGathering(body.name(), body.organizerId(), body.organizer(),
				body.responsiblePerson(), body.responsiblePhone(), body.townCode(), body.address(), body.sector(),
				body.startsAt(), body.endsAt(), body.expectedHeadcount(), body.indoor(), body.whyNotOnline()), null, who);
		return new EventFiled(filed.event().id(), filed.event().state().name(),
				filed.steps().stream().map(this::step).toList(),
				filed.reasons().stream().map(r -> r.render(messages)).toList(), filed.event().tier(),
				filed.event().code());
	}

	EventStepView step(Step s) {
		String party;
		if (s.audience().startsWith("DEPARTMENT:")) {
			party = messages.get("sector." + s.audience().substring("DEPARTMENT:".length())) + " · "
					+ regions.nameOf(s.regionCode());
		}
		else {
			party = regions.nameOf(s.regionCode()) + " · " + messages.get("role." + s.audience());
		}
		return new EventStepView(party, s.dueAt(), s.kind().name(), s.audience(), s.regionCode(), s.state().name(),
				s.escalated());
	}

	record EventItem(long id, String name, @Schema(implementation = Gathering.State.class) String state,
			int expectedHeadcount, Instant startsAt, Instant endsAt, String townCode, boolean indoor, String organizer,
			String tier, @Nullable String code) {

		static EventItem of(Gathering g) {
			return new EventItem(g.id(), g.name(), g.state().name(), g.expectedHeadcount(), g.startsAt(), g.endsAt(),
					g.townCode(), g.indoor(), g.organizer(), g.tier(), g.code());
		}

	}

	record EventPage(List<EventItem> items, int page, int size, long total) {
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT', 'EPIDEMIOLOGIST', 'ORGANIZER')")
	EventPage list(@RequestParam(required = false) Gathering.@Nullable State state,
			@RequestParam(defaultValue = "false") boolean today, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @Nullable String region, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, Jurisdiction who) {
		PageResult<Gathering> result = queries.page(new GatheringQueries.Filter(state, today, overdue, false),
				who.narrowedTo(region), Paging.of(page, size));
		return new EventPage(result.items().stream().map(EventItem::of).toList(), result.page(), result.size(),
				result.total());
	}

	/** One event with its steps and the reasons of a refusal or rejection. */
	record EventDetail(EventItem event, List<EventStepView> steps, List<String> reasons) {
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT', 'EPIDEMIOLOGIST', 'ORGANIZER')")
	EventDetail get(@PathVariable long id, Jurisdiction who) {
		Gathering g = queries.get(id, who);
		return new EventDetail(EventItem.of(g), queries.steps(id).stream().map(this::step).toList(),
				queries.reasons(id).stream().map(r -> r.render(messages)).toList());
	}

	@GetMapping("/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT', 'EPIDEMIOLOGIST', 'ORGANIZER')")
	void export(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) Gathering.@Nullable State state,
			@RequestParam(defaultValue = "false") boolean today, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @Nullable String region, Jurisdiction who, HttpServletResponse response) {
		exports.events(format, state, today, overdue, false, region, who, response);
	}

}
