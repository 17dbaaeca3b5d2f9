package org.gridguard.response;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gridguard.platform.AuditLog;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.ListQuery;
import org.gridguard.platform.PagedQuery;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drills (演练): the city command records a drill held (date, scenario, the plan exercised, participants, findings)
 * with its follow-up actions, each with an owning party and a deadline; more actions can be added later. Everything
 * typed is checked at once and every problem named; a follow-up row left entirely empty is no action.
 */
@Service
@Transactional
public class Drills {

	/** Drills with the counts of their open and overdue follow-up actions; the parameter is today. */
	private static final String FROM = """
			response_drill d, LATERAL (SELECT count(*) FILTER (WHERE f.state = 'OPEN') AS open_count,
				count(*) FILTER (WHERE f.state = 'OPEN' AND f.due_on < ?) AS overdue_count
				FROM response_follow_up f WHERE f.drill_id = d.id) c""";

	private final JdbcClient jdbc;

	private final Plans plans;

	private final Owners owners;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	Drills(JdbcClient jdbc, Plans plans, Owners owners, AuditLog audit, Messages messages, Clock clock) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.owners = owners;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** A drill as typed. */
	public record NewDrill(@Nullable String heldOn, @Nullable String scenario, @Nullable String title,
			@Nullable Long planId, @Nullable String participants, @Nullable String findings) {
	}

	/** A follow-up action as typed. */
	public record NewFollowUp(@Nullable String action, @Nullable String owner, @Nullable String ownerContact,
			@Nullable String dueOn) {

		boolean empty() {
			return blank(action) && blank(owner) && blank(ownerContact) && blank(dueOn);
		}

		private static boolean blank(@Nullable String s) {
			return s == null || s.isBlank();
		}

	}

	/** Records a drill with its follow-up actions ({@code followUps[i].field} names a problem of row i). */
	public Drill record(NewDrill input, List<NewFollowUp> followUps, Jurisdiction who) {
		var problems = new ArrayList<FieldProblem>();
		LocalDate today = LocalDate.now(clock);
		LocalDate held = date("heldOn", input.heldOn(), problems);
		if (held != null && held.isAfter(today)) {
			problems.add(messages.problem("heldOn", "response.drill.heldInFuture"));
		}
		Scenario scenario = null;
		try {
			scenario = Scenario.valueOf(input.scenario() == null ? "" : input.scenario().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(messages.problem("scenario", "response.scenario.required"));
		}
		String title = text("title", input.title(), 200, true, problems);
		Plan plan = null;
		if (input.planId() != null) {
			try {
				plan = plans.get(input.planId());
			}
			catch (NotFound ex) {
				problems.add(messages.problem("planId", "response.drill.planUnknown"));
			}
		}
		String participants = text("participants", input.participants(), 2000, true, problems);
		String findings = text("findings", input.findings(), 4000, false, problems);
		var actions = new ArrayList<Checked>();
		for (int i = 0; i < followUps.size(); i++) {
			if (!followUps.get(i).empty()) {
				actions.add(check("followUps[" + i + "].", followUps.get(i), held, problems));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(FieldLabels.labelled(problems, messages));
		}
		long id = jdbc.sql("""
				INSERT INTO response_drill (held_on, scenario, title, plan_id, plan_version, participants, findings,
					recorded_at, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(Date.valueOf(held), scenario.name(), title, plan == null ? null : plan.id(),
					plan == null ? null : plan.latestVersion(), participants, findings, Timestamp.from(clock.instant()),
					who.username())
			.query(Long.class)
			.single();
		audit.record("RESPONSE_DRILL_RECORD", "response_drill", String.valueOf(id), held + " · " + title);
		for (Checked action : actions) {
			insert(id, action, who);
		}
		return get(id);
	}

	/** Adds a follow-up action to a drill. */
	public FollowUp addFollowUp(long drillId, NewFollowUp input, Jurisdiction who) {
		Drill drill = get(drillId);
		var problems = new ArrayList<FieldProblem>();
		Checked action = check("", input, drill.heldOn(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(FieldLabels.labelled(problems, messages));
		}
		long id = insert(drillId, action, who);
		return followUps(drillId).stream().filter(f -> f.id() == id).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	public PageResult<Drill> list(Paging paging) {
		return PagedQuery.page(jdbc, "d.*, c.open_count, c.overdue_count", FROM,
				List.of(Date.valueOf(LocalDate.now(clock))), "d.held_on DESC, d.id DESC", (rs, i) -> drill(rs), paging);
	}

	/** Every drill of {@link #list}, in the same order (for the list's export). */
	public ListQuery<Drill> listQuery() {
		return new ListQuery<>("d.*, c.open_count, c.overdue_count", FROM, List.of(Date.valueOf(LocalDate.now(clock))),
				"d.held_on DESC, d.id DESC", (rs, i) -> drill(rs));
	}

	@Transactional(readOnly = true)
	public Drill get(long id) {
		return jdbc.sql("SELECT d.*, c.open_count, c.overdue_count FROM " + FROM + " WHERE d.id = ?")
			.params(Date.valueOf(LocalDate.now(clock)), id)
			.query((rs, i) -> drill(rs))
			.optional()
			.orElseThrow(() -> new NotFound("drill " + id));
	}

	/** A drill's follow-up actions, open ones first by deadline. */
	@Transactional(readOnly = true)
	public List<FollowUp> followUps(long drillId) {
		return jdbc.sql("SELECT * FROM response_follow_up WHERE drill_id = ? ORDER BY state DESC, due_on, id")
			.param(drillId)
			.query((rs, i) -> FollowUps.followUp(rs))
			.list();
	}

	/** A follow-up row that passed the checks. */
	private record Checked(String action, Owner owner, LocalDate dueOn) {
	}

	private @Nullable Checked check(String prefix, NewFollowUp input, @Nullable LocalDate held,
			List<FieldProblem> problems) {
		int before = problems.size();
		String action = text(prefix + "action", input.action(), 500, true, problems);
		Owner owner = owners.parse(prefix + "owner", input.owner(), input.ownerContact(), problems);
		LocalDate due = date(prefix + "dueOn", input.dueOn(), problems);
		if (due != null && held != null && due.isBefore(held)) {
			problems.add(messages.problem(prefix + "dueOn", "response.followUp.dueBeforeDrill"));
		}
		return problems.size() > before ? null : new Checked(action, owner, due);
	}

	private long insert(long drillId, Checked action, Jurisdiction who) {
		long id = jdbc.sql("""
				INSERT INTO response_follow_up (drill_id, action, owner_kind, owner_ref, owner_contact, due_on,
					created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(drillId, action.action(), action.owner().kind().name(), action.owner().ref(),
					action.owner().contact(), Date.valueOf(action.dueOn()), Timestamp.from(clock.instant()),
					who.username())
			.query(Long.class)
			.single();
		audit.record("RESPONSE_FOLLOW_UP_ADD", "response_drill", String.valueOf(drillId),
				id + " · " + action.owner().choice() + " · " + action.dueOn());
		return id;
	}

	private @Nullable LocalDate date(String field, @Nullable String text, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(messages.problem(field, "response.date.required"));
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(messages.problem(field, "response.date.format", text.strip()));
			return null;
		}
	}

	private @Nullable String text(String field, @Nullable String text, int max, boolean required,
			List<FieldProblem> problems) {
		String t = text == null || text.isBlank() ? null : text.strip();
		if (t == null && required) {
			problems.add(messages.problem(field, "response.text.required"));
		}
		else if (t != null && t.length() > max) {
			problems.add(messages.problem(field, "response.text.tooLong", max));
		}
		return t;
	}

	private static Drill drill(ResultSet rs) throws SQLException {
		return new Drill(rs.getLong("id"), rs.getObject("held_on", LocalDate.class),
				Scenario.valueOf(rs.getString("scenario")), rs.getString("title"),
				rs.getObject("plan_id") == null ? null : rs.getLong("plan_id"),
				rs.getObject("plan_version") == null ? null : rs.getInt("plan_version"), rs.getString("participants"),
				rs.getString("findings"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"),
				rs.getInt("open_count"), rs.getInt("overdue_count"));
	}

}
