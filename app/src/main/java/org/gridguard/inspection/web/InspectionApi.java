package org.gridguard.inspection.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.gridguard.inspection.Inspections;
import org.gridguard.inspection.RectificationOrder;
import org.gridguard.inspection.RectificationQueries;
import org.gridguard.inspection.Rectifications;
import org.gridguard.inspection.Severity;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inspection part of the integration API (API.md, command layer): an inspection's result at a place, with one
 * rectification order per failed item, and the list of rectification orders.
 */
@RestController
@RequestMapping("/api/v1")
class InspectionApi {

	private final Inspections inspections;

	private final RectificationQueries queries;

	private final Rectifications rectifications;

	private final Clock clock;

	InspectionApi(Inspections inspections, RectificationQueries queries, Rectifications rectifications, Clock clock) {
		this.inspections = inspections;
		this.queries = queries;
		this.rectifications = rectifications;
		this.clock = clock;
	}

	/** One marked item: {@code item} is the item's code in the place's checklist (e.g. {@code SCAN_CODE}). */
	record InspectionItemRequest(@Nullable String item, @Nullable Boolean passed, @Nullable String note) {
	}

	record InspectionRequest(@Nullable String venueCode, @Nullable List<@Nullable InspectionItemRequest> items) {
	}

	/** An order opened by the inspection, with its deadline by the item's severity. */
	record OpenedOrder(long id, String item, Instant dueAt, String responsiblePerson,
			@Schema(implementation = Severity.class) String severity) {
	}

	record InspectionCreated(long id, List<OpenedOrder> orders) {
	}

	@PostMapping("/inspections")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT')")
	InspectionCreated submit(@RequestBody InspectionRequest body, Jurisdiction who) {
		List<Inspections.@Nullable ItemResult> items = body.items() == null ? List.of()
				: body.items()
					.stream()
					.map(i -> i == null ? null : new Inspections.ItemResult(i.item(), i.passed(), i.note()))
					.toList();
		Inspections.Submitted submitted = inspections.submit(body.venueCode(), items, List.of(), who);
		return new InspectionCreated(submitted.id(),
				submitted.orders()
					.stream()
					.map(o -> new OpenedOrder(o.id(), o.itemCode(), o.dueAt(), o.responsiblePerson(), o.severity().name()))
					.toList());
	}

	record Page<T>(List<T> items, int page, int size, long total) {
	}

	/**
	 * A rectification order. {@code state} is {@code OVERDUE} while open without evidence past {@code dueAt};
	 * {@code awaitingReinspection} once the responsible person has answered.
	 */
	record RectificationView(long id, long inspectionId, @Nullable String venueCode, String item,
			@Schema(implementation = RectificationOrder.State.class) String state, Instant dueAt, String venueName,
			@Schema(implementation = Severity.class) String severity, String responsiblePerson,
			boolean awaitingReinspection, int reopened, @Nullable Instant closedAt) {

		static RectificationView of(RectificationOrder o, Instant now) {
			return new RectificationView(o.id(), o.inspectionId(), o.venueCode(), o.itemCode(), o.state(now).name(),
					o.dueAt(), o.venueName(), o.severity().name(), o.responsiblePerson(), o.awaitingReinspection(),
					o.reopened(), o.closedAt());
		}

	}

	@GetMapping("/rectifications")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'DEPARTMENT', 'VENUE_MANAGER')")
	Page<RectificationView> rectifications(@RequestParam(required = false) RectificationOrder.@Nullable State state,
			@RequestParam(required = false) @Nullable String region, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, Jurisdiction signedIn) {
		Jurisdiction who = signedIn.narrowedTo(region);
		PageResult<RectificationOrder> result = queries.search(new RectificationQueries.Filter(state, null, false), who,
				Paging.of(page, size));
		Instant now = clock.instant();
		return new Page<>(result.items().stream().map(o -> RectificationView.of(o, now)).toList(), result.page(),
				result.size(), result.total());
	}

	record EvidenceRequest(@Nullable String note) {
	}

	/** The responsible person's answer to an order (photos are sent on the order's page). */
	@PostMapping("/rectifications/{id}/evidence")
	@ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Answered: awaiting re-inspection")
	@ApiResponse(responseCode = "409", description = "The order was answered already or is closed")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'VENUE_MANAGER')")
	RectificationView answer(@PathVariable long id, @RequestBody EvidenceRequest body, Jurisdiction who) {
		return RectificationView.of(rectifications.answer(id, body.note(), List.of(), who), clock.instant());
	}

	record ReinspectionRequest(@Nullable Boolean passed, @Nullable String note) {
	}

	/** A re-inspection of the order's item: passed closes the order, failed reopens it with a new deadline. */
	@PostMapping("/rectifications/{id}/reinspection")
	@ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Closed or reopened")
	@ApiResponse(responseCode = "409", description = "The order is closed already")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT')")
	RectificationView reinspect(@PathVariable long id, @RequestBody ReinspectionRequest body, Jurisdiction who) {
		return RectificationView.of(rectifications.reinspect(id, body.passed(), body.note(), List.of(), who),
				clock.instant());
	}

}
