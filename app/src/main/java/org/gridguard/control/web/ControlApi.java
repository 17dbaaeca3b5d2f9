package org.gridguard.control.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.gridguard.control.Category;
import org.gridguard.control.MeasureKind;
import org.gridguard.control.Outcome;
import org.gridguard.control.Placement;
import org.gridguard.control.Verification;
import org.gridguard.control.Verifications;
import org.gridguard.control.ControlQueries;
import org.gridguard.control.PushList;
import org.gridguard.control.PushListImport;
import org.gridguard.control.RiskPerson;
import org.gridguard.control.UnmanagedDetector;
import org.gridguard.control.VerificationTask;
import org.gridguard.control.Violation;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The integration contract of the control loop (API.md): push lists in, risk persons, tasks and the unmanaged list
 * out, each inside the caller's jurisdiction.
 */
@RestController
@RequestMapping("/api/v1")
class ControlApi {

	private final PushListImport imports;

	private final ControlQueries queries;

	private final UnmanagedDetector detector;

	private final PersonManagement persons;

	private final RegionManagement regions;

	private final Messages messages;

	private final Clock clock;

	private final Verifications verifications;

	ControlApi(PushListImport imports, ControlQueries queries, UnmanagedDetector detector, PersonManagement persons,
			RegionManagement regions, Messages messages, Clock clock, Verifications verifications) {
		this.verifications = verifications;
		this.imports = imports;
		this.queries = queries;
		this.detector = detector;
		this.persons = persons;
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
	}

	/** The parts of a push-list upload, as the API document shows them (the handler reads them as request parameters). */
	record PushListUpload(
			@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED,
					description = "CSV (UTF-8 or GB18030) with a header row, or an XLSX workbook (its first sheet)") String file,
			@Schema(implementation = Category.class, requiredMode = Schema.RequiredMode.REQUIRED,
					description = "the list's category; a row's own 类别 column overrides it") String category,
			@Schema(description = "who pushed the list, e.g. 金华市疾控 (up to 100 characters)") @Nullable String source) {
	}

	/** The answer to an upload: the list's id, to follow its import with {@code GET /api/v1/push-lists/{id}}. */
	record UploadAccepted(long id) {
	}

	/**
	 * A pushed list (API.md): multipart {@code file} (CSV UTF-8 or GB18030 with a header row, or the first sheet of
	 * an XLSX workbook), {@code category} and an optional {@code source}. The file is stored and answered with 202;
	 * the import runs in the background.
	 */
	@PostMapping(path = "/push-lists", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'EPIDEMIOLOGIST')")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = PushListUpload.class)))
	UploadAccepted upload(@RequestParam(required = false) @Parameter(hidden = true) @Nullable MultipartFile file,
			@RequestParam(required = false) @Parameter(hidden = true) @Nullable String category,
			@RequestParam(required = false) @Parameter(hidden = true) @Nullable String source, Jurisdiction who)
			throws IOException {
		if (file == null) {
			throw InvalidInput.of("file", messages.get("control.push.emptyFile"));
		}
		return new UploadAccepted(imports.upload(file.getOriginalFilename(), file.getBytes(), category, source, who));
	}

	@GetMapping("/push-lists/{id}")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'EPIDEMIOLOGIST')")
	PushListView pushList(@PathVariable long id, Jurisdiction who) {
		PushList.WithRejections list = imports.get(id, who);
		PushList l = list.list();
		return new PushListView(l.id(), l.state().name(), l.total(), l.accepted(), l.rejected(),
				list.rejections().stream().map(r -> new PushListRejection(r.row(), r.field(), r.message())).toList(),
				l.processed(), l.created(), l.existing(), l.queued(), l.transferred(), l.category().name(), l.failure(),
				l.encodingNote(), l.uploadedAt(), l.finishedAt());
	}

	@GetMapping("/risk-persons")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'EPIDEMIOLOGIST')")
	Page<RiskPersonView> riskPersons(@RequestParam(required = false) @Nullable Category category,
			@RequestParam(required = false) RiskPerson.@Nullable State state,
			@RequestParam(required = false) @Nullable String grid, @RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String unit, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, @RequestParam(defaultValue = "false") boolean active,
			Jurisdiction who) {
		String area = grid != null && !grid.isBlank() ? grid : region;
		PageResult<RiskPerson> result = queries.riskPersons(
				new ControlQueries.RiskPersonFilter(category, state, area, null, null, active, unit, null), who,
				Paging.of(page, size));
		List<RiskPersonRow> rows = RiskPersonRow.of(result.items(), persons, regions);
		return new Page<>(rows.stream().map(RiskPersonView::of).toList(), result.page(), result.size(), result.total());
	}

	@GetMapping("/tasks")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER')")
	Page<TaskView> tasks(@RequestParam(required = false) VerificationTask.@Nullable State state,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) @Nullable String grid,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "false") boolean escalated,
			@RequestParam(required = false) @Nullable String region, Jurisdiction who) {
		PageResult<VerificationTask> result = queries.tasks(
				new ControlQueries.TaskFilter(state, open, overdue, grid, escalated), who.narrowedTo(region),
				Paging.of(page, size));
		Instant now = clock.instant();
		return new Page<>(result.items().stream().map(t -> TaskView.of(t, now)).toList(), result.page(), result.size(),
				result.total());
	}

	/**
	 * The grid worker's outcome of a verification task (API.md): {@code VERIFIED} applies the measure (one the
	 * protocol allows; its own when none is given), {@code NOT_FOUND} sends the person to the town's second
	 * assessment, {@code ELSEWHERE} pushes them on. 409 when the task is no longer open.
	 */
	@PostMapping("/tasks/{id}/verification")
	@ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The task after the outcome")
	@ApiResponse(responseCode = "409", description = "The task is no longer open")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER')")
	TaskView verify(@PathVariable long id, @RequestBody VerificationRequest body, Jurisdiction who) {
		verifications.complete(id, body.toVerification(messages), who);
		return TaskView.of(queries.task(id, who), clock.instant());
	}

	/** The body of {@code POST /api/v1/tasks/{id}/verification}. */
	record VerificationRequest(
			@Schema(allowableValues = { "VERIFIED", "NOT_FOUND", "ELSEWHERE" }, requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String outcome,
			@Schema(implementation = MeasureKind.class) @Nullable String measure, @Nullable String note,
			@Nullable Boolean phoneConfirmed, @Nullable String lastExposure, @Nullable String protocolId) {

		Verification toVerification(Messages messages) {
			var problems = new java.util.ArrayList<FieldProblem>();
			Outcome parsed = switch (outcome == null ? "" : outcome.strip()) {
				case "VERIFIED", "CONTROLLED" -> Outcome.CONTROLLED;
				case "NOT_FOUND" -> Outcome.NOT_FOUND;
				case "ELSEWHERE", "OUT_OF_AREA" -> Outcome.OUT_OF_AREA;
				default -> null;
			};
			if (parsed == null) {
				problems.add(messages.problem("outcome", "control.api.outcome"));
			}
			MeasureKind kind = null;
			if (measure != null && !measure.isBlank()) {
				try {
					kind = MeasureKind.valueOf(measure.strip());
				}
				catch (IllegalArgumentException ex) {
					problems.add(messages.problem("measure", "control.api.measure"));
				}
			}
			LocalDate exposure = null;
			if (lastExposure != null && !lastExposure.isBlank()) {
				try {
					exposure = LocalDate.parse(lastExposure.strip());
				}
				catch (java.time.format.DateTimeParseException ex) {
					problems.add(messages.problem("lastExposure", "control.api.lastExposure"));
				}
			}
			if (note != null && note.length() > 500) {
				problems.add(messages.problem("note", "control.api.note"));
			}
			if (!problems.isEmpty()) {
				throw new InvalidInput(problems);
			}
			return new Verification(parsed, Boolean.TRUE.equals(phoneConfirmed), protocolId, exposure, note, kind);
		}

	}

	@GetMapping("/unmanaged")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER', 'EPIDEMIOLOGIST')")
	List<UnmanagedView> unmanaged(@RequestParam(required = false) @Nullable String region, Jurisdiction who) {
		return detector.allOpen(who.narrowedTo(region)).stream().map(v -> UnmanagedView.of(v, messages)).toList();
	}

	/** Runs the detector and the escalation now (they also run every minute) and says what they found and how long it took. */
	@PostMapping("/unmanaged/scan")
	@PreAuthorize("hasRole('CITY_ADMIN')")
	Map<String, Object> scan() {
		UnmanagedDetector.Run run = detector.detect();
		int escalated = detector.escalate();
		return Map.of("open", run.open(), "opened", run.opened(), "resolved", run.resolved(), "millis", run.millis(),
				"escalated", escalated);
	}

	record Page<T>(List<T> items, int page, int size, long total) {
	}

	record PushListView(long id, @Schema(implementation = PushList.State.class) String state, int total, int accepted,
			int rejected, List<PushListRejection> rejections, int processed, int created, int existing, int queued,
			int transferred, @Schema(implementation = Category.class) String category,
			@Nullable String failure, @Nullable String encodingNote, Instant uploadedAt, @Nullable Instant finishedAt) {
	}

	/** A refused row of a push list: its number in the file (header = 1), the field, and why. */
	record PushListRejection(int row, String field, String message) {
	}

	record RiskPersonView(long id, String idNumberMasked, String name, @Schema(implementation = Category.class) String category,
			@Schema(implementation = RiskPerson.State.class) String state, String gridCode,
			@Schema(implementation = MeasureKind.class) @Nullable String measure, Instant since,
			@Schema(implementation = Placement.Kind.class) String placement, long personId) {

		static RiskPersonView of(RiskPersonRow row) {
			RiskPerson r = row.risk();
			return new RiskPersonView(r.id(), row.idMasked(), row.name(), r.category().name(), r.state().name(),
					r.regionCode(), r.measure() == null ? null : r.measure().name(), r.since(), r.placement().name(),
					r.personId());
		}

	}

	record TaskView(long id, long riskPersonId, String gridCode,
			@Schema(implementation = VerificationTask.State.class) String state, Instant dueAt, boolean overdue,
			@Schema(implementation = VerificationTask.Kind.class) String kind,
			Instant ackDueAt, @Nullable String outcome, int escalationLevel) {

		static TaskView of(VerificationTask t, Instant now) {
			return new TaskView(t.id(), t.riskPersonId(), t.regionCode(), t.state().name(), t.dueAt(), t.overdue(now),
					t.kind().name(), t.ackDueAt(), t.outcome(), t.escalationLevel());
		}

	}

	record UnmanagedView(long riskPersonId, String reason, Instant since,
			@Schema(implementation = Violation.Kind.class) String kind, @Nullable String detail,
			String regionCode, int escalationLevel) {

		static UnmanagedView of(Violation v, Messages messages) {
			return new UnmanagedView(v.riskPersonId(),
					messages.get("control.violation." + v.kind()) + (v.detail() == null ? "" : "：" + v.detail()), v.since(),
					v.kind().name(), v.detail(), v.regionCode(), v.escalationLevel());
		}

	}

}
