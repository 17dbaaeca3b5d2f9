package org.gridguard.control;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridguard.platform.NotFound;
import org.gridguard.platform.ListQuery;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.gridguard.testing.TestResult;
import org.gridguard.testing.TestingManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the control loop, every one filtered by the caller's jurisdiction (region-code prefix of the grid or
 * queue a risk person or task belongs to).
 */
@Service
@Transactional(readOnly = true)
public class ControlQueries {

	static final RowMapper<RiskPerson> RISK_PERSON = ControlQueries::riskPersonRow;

	static final RowMapper<VerificationTask> TASK = (rs, i) -> new VerificationTask(rs.getLong("id"),
			rs.getLong("risk_person_id"), VerificationTask.Kind.valueOf(rs.getString("kind")), rs.getString("region_code"),
			VerificationTask.State.valueOf(rs.getString("state")), rs.getTimestamp("created_at").toInstant(),
			rs.getTimestamp("ack_due_at").toInstant(), rs.getTimestamp("due_at").toInstant(),
			instant(rs.getTimestamp("accepted_at")), rs.getString("accepted_by"), instant(rs.getTimestamp("completed_at")),
			rs.getString("completed_by"), rs.getString("outcome"), rs.getInt("escalation_level"));

	private final JdbcClient jdbc;

	private final TestingManagement testing;

	private final Clock clock;

	private final org.gridguard.platform.Messages messages;

	ControlQueries(JdbcClient jdbc, TestingManagement testing, Clock clock, org.gridguard.platform.Messages messages) {
		this.jdbc = jdbc;
		this.testing = testing;
		this.clock = clock;
		this.messages = messages;
	}

	// ---- risk persons

	/**
	 * Filters for the risk-person list; empty criteria match everything. The four parties: territory by
	 * {@code region}, unit by {@code unit} (part of its name), individual by {@code personIds} (the persons a name
	 * search found); the department of every risk person is health.
	 */
	public record RiskPersonFilter(@Nullable Category category, RiskPerson.@Nullable State state,
			@Nullable String region, @Nullable Long personId, @Nullable Long pushListId, boolean activeOnly,
			@Nullable String unit, java.util.@Nullable List<Long> personIds) {

		public RiskPersonFilter(@Nullable Category category, RiskPerson.@Nullable State state, @Nullable String region,
				@Nullable Long personId, @Nullable Long pushListId, boolean activeOnly) {
			this(category, state, region, personId, pushListId, activeOnly, null, null);
		}

		public static RiskPersonFilter all() {
			return new RiskPersonFilter(null, null, null, null, null, false);
		}

	}

	public PageResult<RiskPerson> riskPersons(RiskPersonFilter filter, Jurisdiction who, Paging paging) {
		return riskPersonList(filter, who).page(jdbc, paging);
	}

	/** Every risk person of {@link #riskPersons} with this filter, in the list's order (for its export). */
	public ListQuery<RiskPerson> riskPersonList(RiskPersonFilter filter, Jurisdiction who) {
		var where = new StringBuilder(" WHERE region_code LIKE ?");
		var params = new ArrayList<Object>();
		params.add(who.regionPattern());
		if (filter.category() != null) {
			where.append(" AND category = ?");
			params.add(filter.category().name());
		}
		if (filter.state() != null) {
			where.append(" AND state = ?");
			params.add(filter.state().name());
		}
		if (filter.activeOnly()) {
			where.append(" AND state IN ('PENDING', 'CONTROLLED', 'READY_FOR_RELEASE', 'NOT_FOUND')");
		}
		if (filter.region() != null && !filter.region().isBlank()) {
			where.append(" AND region_code LIKE ?");
			params.add(filter.region().strip() + "%");
		}
		if (filter.personId() != null) {
			where.append(" AND person_id = ?");
			params.add(filter.personId());
		}
		if (filter.pushListId() != null) {
			where.append(" AND push_list_id = ?");
			params.add(filter.pushListId());
		}
		if (filter.unit() != null && !filter.unit().isBlank()) {
			where.append(" AND work_unit LIKE ? ESCAPE '\\'");
			params.add("%" + likeText(filter.unit().strip()) + "%");
		}
		if (filter.personIds() != null) {
			where.append(" AND person_id = ANY (?::bigint[])");
			params.add(filter.personIds().toArray(Long[]::new));
		}
		return new ListQuery<>("*", "control_risk_person" + where, params, "updated_at DESC, id DESC", RISK_PERSON);
	}

	/** A risk person inside the caller's jurisdiction, or 404. */
	public RiskPerson riskPerson(long id, Jurisdiction who) {
		RiskPerson person = riskPerson(id);
		if (!who.covers(person.regionCode())) {
			throw new NotFound("risk person " + id);
		}
		return person;
	}

	RiskPerson riskPerson(long id) {
		return jdbc.sql("SELECT * FROM control_risk_person WHERE id = ?")
			.param(id)
			.query(RISK_PERSON)
			.optional()
			.orElseThrow(() -> new NotFound("risk person " + id));
	}

	/** Risk persons by id, without access check (for lists that checked the jurisdiction in their own query). */
	public Map<Long, RiskPerson> riskPersonsById(Collection<Long> ids) {
		var result = new HashMap<Long, RiskPerson>();
		if (ids.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT * FROM control_risk_person WHERE id = ANY (?::bigint[])")
			.param(ids.toArray(Long[]::new))
			.query(RISK_PERSON)
			.list()
			.forEach(r -> result.put(r.id(), r));
		return result;
	}

	/** The active risk person of each of these persons, if any: person id → risk person id. */
	public Map<Long, Long> activeRiskPersonIds(Collection<Long> personIds) {
		var result = new HashMap<Long, Long>();
		if (personIds.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT person_id, id FROM control_risk_person WHERE state IN ('PENDING', 'CONTROLLED', 'READY_FOR_RELEASE') "
				+ "AND person_id IN (:ids)")
			.param("ids", personIds)
			.query((rs, i) -> result.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return result;
	}

	/** The active risk person of each of these persons, if any, keyed by person id. */
	public Map<Long, RiskPerson> activeRiskPersons(Collection<Long> personIds) {
		var result = new HashMap<Long, RiskPerson>();
		if (personIds.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT * FROM control_risk_person WHERE state IN ('PENDING', 'CONTROLLED', 'READY_FOR_RELEASE') "
				+ "AND person_id IN (:ids)")
			.param("ids", personIds)
			.query(RISK_PERSON)
			.list()
			.forEach(r -> result.put(r.personId(), r));
		return result;
	}

	/** Whether a verification task of this risk person is still open. */
	boolean hasOpenVerification(long riskPersonId) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM control_task WHERE risk_person_id = ? AND kind = 'VERIFY' "
				+ "AND state IN ('OPEN', 'ACCEPTED'))")
			.param(riskPersonId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * A stored note (placement, end of control) in the reader's language: notes the loop writes itself are message
	 * keys with arguments ({@code #control.…}); what people wrote is shown as written.
	 */
	public @Nullable String explain(@Nullable String note) {
		if (note != null) {
			// notes written before they were stored as keys (#14)
			var positive = OLD_POSITIVE_NOTE.matcher(note);
			if (positive.matches()) {
				return messages.get("control.note.positive",
						MINUTES.format(Instant.parse(positive.group(1)).atZone(clock.getZone())));
			}
		}
		if (note == null || !note.startsWith("#control.")) {
			return note;
		}
		return Explained.value(note, messages);
	}

	private static final java.util.regex.Pattern OLD_POSITIVE_NOTE = java.util.regex.Pattern
		.compile("positive \\w+ (\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z)");

	private static final java.time.format.DateTimeFormatter MINUTES = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm");

	/** Counts of risk persons by state inside a jurisdiction. */
	public Map<RiskPerson.State, Long> countsByState(Jurisdiction who) {
		var counts = new EnumMap<RiskPerson.State, Long>(RiskPerson.State.class);
		jdbc.sql("SELECT state, count(*) FROM control_risk_person WHERE region_code LIKE ? GROUP BY state")
			.param(who.regionPattern())
			.query((rs, i) -> counts.put(RiskPerson.State.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	/** Counts of active risk persons by category inside a jurisdiction. */
	public Map<Category, Long> activeByCategory(Jurisdiction who) {
		var counts = new EnumMap<Category, Long>(Category.class);
		jdbc.sql("SELECT category, count(*) FROM control_risk_person WHERE region_code LIKE ? "
				+ "AND state IN ('PENDING', 'CONTROLLED', 'READY_FOR_RELEASE') GROUP BY category")
			.param(who.regionPattern())
			.query((rs, i) -> counts.put(Category.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	/** Queued persons (no grid yet, or not found) inside a jurisdiction. */
	public PageResult<RiskPerson> queue(Jurisdiction who, Paging paging) {
		return queueList(who).page(jdbc, paging);
	}

	/** Every queued person of {@link #queue}, in the list's order (for its export). */
	public ListQuery<RiskPerson> queueList(Jurisdiction who) {
		String where = " WHERE region_code LIKE ? AND ((placement = 'QUEUE' AND state = 'PENDING') OR state = 'NOT_FOUND')";
		return new ListQuery<>("*", "control_risk_person" + where, List.of(who.regionPattern()), "pushed_at, id",
				RISK_PERSON);
	}

	List<RiskPerson> controlledEndingBefore(LocalDate day) {
		return jdbc.sql("SELECT * FROM control_risk_person WHERE state = 'CONTROLLED' AND plan_end < ?")
			.param(Date.valueOf(day))
			.query(RISK_PERSON)
			.list();
	}

	/** [risk person id, measure] for persons whose stage on {@code day} differs from their recorded measure. */
	List<Object[]> measureChanges(LocalDate day) {
		return jdbc.sql("""
				SELECT rp.id, s.kind FROM control_risk_person rp JOIN control_stage s ON s.risk_person_id = rp.id
				WHERE rp.state = 'CONTROLLED' AND ? BETWEEN s.from_day AND s.to_day AND rp.measure IS DISTINCT FROM s.kind""")
			.param(Date.valueOf(day))
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.list();
	}

	List<RiskPerson> activeLinkedTo(long personId) {
		return jdbc.sql("SELECT * FROM control_risk_person WHERE linked_person_id = ? "
				+ "AND state IN ('PENDING', 'CONTROLLED', 'READY_FOR_RELEASE')")
			.param(personId)
			.query(RISK_PERSON)
			.list();
	}

	Optional<RiskPerson> bySelfToken(byte[] hash) {
		return jdbc.sql("SELECT * FROM control_risk_person WHERE self_token_hash = ?").param(hash).query(RISK_PERSON).optional();
	}

	// ---- schedule, checks, timeline

	/** One item of a person's schedule: a check or a test on a day, and whether (and how) it was done. */
	public record ScheduleItem(LocalDate day, String slot, int stageNo, Instant dueAt, @Nullable Instant doneAt,
			@Nullable String value) {

		public boolean overdue(Instant now) {
			return doneAt == null && now.isAfter(dueAt);
		}

	}

	public List<ScheduleItem> schedule(long riskPersonId) {
		return jdbc.sql("SELECT * FROM control_schedule_item WHERE risk_person_id = ? ORDER BY day, slot")
			.param(riskPersonId)
			.query((rs, i) -> new ScheduleItem(rs.getObject("day", LocalDate.class), rs.getString("slot"),
					rs.getInt("stage_no"), rs.getTimestamp("due_at").toInstant(), instant(rs.getTimestamp("done_at")),
					rs.getString("value")))
			.list();
	}

	/** A stage of a person's protocol on the calendar. */
	public record StageView(int stageNo, MeasureKind kind, LocalDate from, LocalDate to) {
	}

	public List<StageView> stages(long riskPersonId) {
		return jdbc.sql("SELECT * FROM control_stage WHERE risk_person_id = ? ORDER BY stage_no")
			.param(riskPersonId)
			.query((rs, i) -> new StageView(rs.getInt("stage_no"), MeasureKind.valueOf(rs.getString("kind")),
					rs.getObject("from_day", LocalDate.class), rs.getObject("to_day", LocalDate.class)))
			.list();
	}

	/** [day, result or null] of each scheduled test. */
	List<String[]> testItems(long riskPersonId) {
		return jdbc.sql("SELECT day, value FROM control_schedule_item WHERE risk_person_id = ? AND slot = 'TEST' ORDER BY day")
			.param(riskPersonId)
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
	}

	/** The outcomes of a person's first two single (not pooled) tests, oldest first. */
	List<String> firstTwoResultsOfLinked(long personId) {
		return testing.results(personId, Instant.EPOCH, clock.instant().plusSeconds(3600))
			.stream()
			.filter(r -> !r.pooled())
			.limit(2)
			.map(r -> r.result().name())
			.toList();
	}

	/** One entry of a person's timeline. */
	public record TimelineEntry(Instant at, String kind, String actor, @Nullable String detail) {
	}

	public List<TimelineEntry> timeline(long riskPersonId) {
		// explanations name the protocol by its id; the reader sees its name, in rows old and new (#14)
		Map<String, String> protocolNames = new HashMap<>();
		jdbc.sql("SELECT id, name FROM control_protocol").query((rs, i) -> protocolNames.put(rs.getString(1), rs.getString(2)))
			.list();
		return jdbc.sql("SELECT at, kind, actor, detail_key, detail_args FROM control_timeline WHERE risk_person_id = ? "
				+ "ORDER BY at, id")
			.param(riskPersonId)
			.query((rs, i) -> new TimelineEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					Explained.render(rs.getString(4), Explained.replaceValues(rs.getString(5), protocolNames), messages)))
			.list();
	}

	/** A recorded health check. */
	public record HealthCheck(LocalDate day, String slot, double temperature, @Nullable String symptoms, String via,
			String recordedBy, Instant recordedAt) {
	}

	public List<HealthCheck> checks(long riskPersonId) {
		return jdbc.sql("SELECT * FROM control_health_check WHERE risk_person_id = ? ORDER BY recorded_at DESC")
			.param(riskPersonId)
			.query((rs, i) -> new HealthCheck(rs.getObject("day", LocalDate.class), rs.getString("slot"),
					rs.getDouble("temperature"), rs.getString("symptoms"), rs.getString("via"), rs.getString("recorded_by"),
					rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	public List<TestResult> tests(long personId) {
		return testing.latest(personId, 50);
	}

	// ---- tasks

	/**
	 * Filters for task lists.
	 *
	 * @param escalated only open tasks whose violation has been escalated past the grid (to the village or higher)
	 */
	public record TaskFilter(VerificationTask.@Nullable State state, boolean openOnly, boolean overdue,
			@Nullable String region, boolean escalated) {

		public TaskFilter(VerificationTask.@Nullable State state, boolean openOnly, boolean overdue,
				@Nullable String region) {
			this(state, openOnly, overdue, region, false);
		}

	}

	/** Tasks inside a jurisdiction, the most urgent first. */
	public PageResult<VerificationTask> tasks(TaskFilter filter, Jurisdiction who, Paging paging) {
		return taskList(filter, who).page(jdbc, paging);
	}

	/** Every task of {@link #tasks} with this filter, in the list's order (for its export). */
	public ListQuery<VerificationTask> taskList(TaskFilter filter, Jurisdiction who) {
		var where = new StringBuilder(" WHERE region_code LIKE ?");
		var params = new ArrayList<Object>();
		params.add(who.regionPattern());
		if (filter.state() != null) {
			where.append(" AND state = ?");
			params.add(filter.state().name());
		}
		if (filter.openOnly()) {
			where.append(" AND state IN ('OPEN', 'ACCEPTED')");
		}
		if (filter.overdue()) {
			where.append(" AND state IN ('OPEN', 'ACCEPTED') AND due_at < ?");
			params.add(Timestamp.from(clock.instant()));
		}
		if (filter.region() != null && !filter.region().isBlank()) {
			where.append(" AND region_code LIKE ?");
			params.add(filter.region().strip() + "%");
		}
		if (filter.escalated()) {
			where.append(" AND state IN ('OPEN', 'ACCEPTED') AND escalation_level >= 2");
		}
		return new ListQuery<>("*", "control_task" + where, params, "state IN ('OPEN', 'ACCEPTED') DESC, due_at, id", TASK);
	}

	public VerificationTask task(long id, Jurisdiction who) {
		VerificationTask task = jdbc.sql("SELECT * FROM control_task WHERE id = ?")
			.param(id)
			.query(TASK)
			.optional()
			.orElseThrow(() -> new NotFound("task " + id));
		if (!who.covers(task.regionCode())) {
			throw new NotFound("task " + id);
		}
		return task;
	}

	public List<VerificationTask> tasksOf(long riskPersonId) {
		return jdbc.sql("SELECT * FROM control_task WHERE risk_person_id = ? ORDER BY created_at")
			.param(riskPersonId)
			.query(TASK)
			.list();
	}

	public long overdueTasks(Jurisdiction who) {
		return jdbc.sql("SELECT count(*) FROM control_task WHERE region_code LIKE ? AND state IN ('OPEN', 'ACCEPTED') AND due_at < ?")
			.params(who.regionPattern(), Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	// ---- figures (the cockpit): counts by place, so that those of any area are sums over the places inside it; each
	// area's sums equal the totals of the lists above with the same jurisdiction and filters

	/** The states that the risk-person list's {@code activeOnly} filter selects. */
	public static final java.util.Set<RiskPerson.State> ACTIVE_IN_LISTS = java.util.Collections.unmodifiableSet(
			java.util.EnumSet.of(RiskPerson.State.PENDING, RiskPerson.State.CONTROLLED, RiskPerson.State.READY_FOR_RELEASE,
					RiskPerson.State.NOT_FOUND));

	/** Risk persons of one place (a grid, or the queue of a village, town or the city) in one category and state. */
	public record RiskPersonGroup(String regionCode, Category category, RiskPerson.State state, long count) {
	}

	public List<RiskPersonGroup> riskPersonsByPlace(Jurisdiction who) {
		return jdbc.sql("SELECT region_code, category, state, count(*) FROM control_risk_person WHERE region_code LIKE ? "
				+ "GROUP BY 1, 2, 3")
			.param(who.regionPattern())
			.query((rs, i) -> new RiskPersonGroup(rs.getString(1), Category.valueOf(rs.getString(2)),
					RiskPerson.State.valueOf(rs.getString(3)), rs.getLong(4)))
			.list();
	}

	/**
	 * Open tasks of one place: how many, how many past their deadline, how many escalated past the grid (the task
	 * list's {@code openOnly}, {@code overdue} and {@code escalated} filters).
	 */
	public record TaskGroup(String regionCode, long open, long overdue, long escalated) {
	}

	public List<TaskGroup> openTasksByPlace(Jurisdiction who) {
		return jdbc.sql("""
				SELECT region_code, count(*), count(*) FILTER (WHERE due_at < ?), count(*) FILTER (WHERE escalation_level >= 2)
				FROM control_task WHERE region_code LIKE ? AND state IN ('OPEN', 'ACCEPTED') GROUP BY 1""")
			.params(Timestamp.from(clock.instant()), who.regionPattern())
			.query((rs, i) -> new TaskGroup(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	/** Open violations (the unmanaged list) of one place for one reason. */
	public record ViolationGroup(String regionCode, Violation.Kind kind, long count) {
	}

	public List<ViolationGroup> openViolationsByPlace(Jurisdiction who) {
		return jdbc.sql("SELECT region_code, kind, count(*) FROM control_violation WHERE resolved_at IS NULL "
				+ "AND region_code LIKE ? GROUP BY 1, 2")
			.param(who.regionPattern())
			.query((rs, i) -> new ViolationGroup(rs.getString(1), Violation.Kind.valueOf(rs.getString(2)), rs.getLong(3)))
			.list();
	}

	/** Risk persons pushed (or registered) at one place on one day (the city's days). */
	public record PushedGroup(String regionCode, LocalDate day, long count) {
	}

	public List<PushedGroup> pushedByPlace(Jurisdiction who, LocalDate from) {
		return jdbc.sql("SELECT region_code, (pushed_at AT TIME ZONE ?)::date, count(*) FROM control_risk_person "
				+ "WHERE region_code LIKE ? AND pushed_at >= ? GROUP BY 1, 2")
			.params(clock.getZone().getId(), who.regionPattern(),
					Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()))
			.query((rs, i) -> new PushedGroup(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3)))
			.list();
	}

	private static RiskPerson riskPersonRow(ResultSet rs, int i) throws SQLException {
		return new RiskPerson(rs.getLong("id"), rs.getLong("person_id"), Category.valueOf(rs.getString("category")),
				RiskPerson.State.valueOf(rs.getString("state")), rs.getString("region_code"),
				Placement.Kind.valueOf(rs.getString("placement")), rs.getString("placement_note"), rs.getString("source"),
				rs.getObject("push_list_id", Long.class), rs.getObject("linked_person_id", Long.class),
				rs.getObject("last_exposure", LocalDate.class), rs.getTimestamp("pushed_at").toInstant(),
				rs.getString("protocol_id"), rs.getObject("plan_start", LocalDate.class),
				rs.getString("measure") == null ? null : MeasureKind.valueOf(rs.getString("measure")),
				instant(rs.getTimestamp("controlled_at")), instant(rs.getTimestamp("ended_at")), rs.getString("end_note"),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("work_unit"));
	}

	private static String likeText(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static @Nullable Instant instant(@Nullable Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

}
