package org.gridguard.control.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gridguard.control.Category;
import org.gridguard.control.MeasureKind;
import org.gridguard.control.Outcome;
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
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

	@PostMapping("/push-lists")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'EPIDEMIOLOGIST')")
	ResponseEntity<Map<String, Long>> upload(@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String source, Jurisdiction who) throws IOException {
		if (file == null) {
			throw InvalidInput.of("file", messages.get("control.push.emptyFile"));
		}
		long id = imports.upload(file.getOriginalFilename(), file.getBytes(), category, source, who);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", id));
	}

	@GetMapping("/push-lists/{id}")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'EPIDEMIOLOGIST')")
	PushListView pushList(@PathVariable long id, Jurisdiction who) {
		PushList.WithRejections list = imports.get(id, who);
		PushList l = list.list();
		return new PushListView(l.id(), l.state().name(), l.total(), l.accepted(), l.rejected(), list.rejections(),
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
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'VILLAGE_OFFICER', 'GRID_WORKER')")
	TaskView verify(@PathVariable long id, @RequestBody VerificationRequest body, Jurisdiction who) {
		verifications.complete(id, body.toVerification(messages), who);
		return TaskView.of(queries.task(id, who), clock.instant());
	}

	/** The body of {@code POST /api/v1/tasks/{id}/verification}. */
	record VerificationRequest(@Nullable String outcome, @Nullable String measure, @Nullable String note,
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

	record PushListView(long id, String state, int total, int accepted, int rejected, List<PushList.Rejection> rejections,
			int processed, int created, int existing, int queued, int transferred, String category,
			@Nullable String failure, @Nullable String encodingNote, Instant uploadedAt, @Nullable Instant finishedAt) {
	}

	record RiskPersonView(long id, String idNumberMasked, String name, String category, String state, String gridCode,
			@Nullable String measure, Instant since, String placement, long personId) {

		static RiskPersonView of(RiskPersonRow row) {
			RiskPerson r = row.risk();
			return new RiskPersonView(r.id(), row.idMasked(), row.name(), r.category().name(), r.state().name(),
					r.regionCode(), r.measure() == null ? null : r.measure().name(), r.since(), r.placement().name(),
					r.personId());
		}

	}

	record TaskView(long id, long riskPersonId, String gridCode, String state, Instant dueAt, boolean overdue, String kind,
			Instant ackDueAt, @Nullable String outcome, int escalationLevel) {

		static TaskView of(VerificationTask t, Instant now) {
			return new TaskView(t.id(), t.riskPersonId(), t.regionCode(), t.state().name(), t.dueAt(), t.overdue(now),
					t.kind().name(), t.ackDueAt(), t.outcome(), t.escalationLevel());
		}

	}

	record UnmanagedView(long riskPersonId, String reason, Instant since, String kind, @Nullable String detail,
			String regionCode, int escalationLevel) {

		static UnmanagedView of(Violation v, Messages messages) {
			return new UnmanagedView(v.riskPersonId(),
					messages.get("control.violation." + v.kind()) + (v.detail() == null ? "" : "：" + v.detail()), v.since(),
					v.kind().name(), v.detail(), v.regionCode(), v.escalationLevel());
		}

	}

}
