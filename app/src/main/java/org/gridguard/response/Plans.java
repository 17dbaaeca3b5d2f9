package org.gridguard.response;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergency plans (应急预案): the city command registers a plan for a scenario with its owning party and first
 * document; the command or the owner uploads new versions, each kept with who uploaded it and what changed. Every
 * upload is checked ({@link PlanFiles}) and audited.
 */
@Service
@Transactional
public class Plans {

	private final JdbcClient jdbc;

	private final PlanFiles files;

	private final Owners owners;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	Plans(JdbcClient jdbc, PlanFiles files, Owners owners, AuditLog audit, Messages messages, Clock clock) {
		this.jdbc = jdbc;
		this.files = files;
		this.owners = owners;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** An uploaded document: its name, its size and its bytes (read only once the size is known to be allowed). */
	public record Upload(@Nullable String filename, long size, Supplier<byte[]> content) {
	}

	/** A version's document. */
	public record PlanFile(String filename, String mediaType, byte[] content) {
	}

	/** The largest document accepted, in bytes. */
	public long maxBytes() {
		return files.maxBytes();
	}

	/** Registers a plan with its first version; every field that is wrong is named, and nothing is kept then. */
	public Plan create(@Nullable String scenario, @Nullable String title, @Nullable String owner,
			@Nullable String ownerContact, Upload upload, @Nullable String note, Jurisdiction who) {
		var problems = new ArrayList<FieldProblem>();
		Scenario s = scenario(scenario, problems);
		String t = title == null ? "" : title.strip();
		if (t.isEmpty() || t.length() > 200) {
			problems.add(messages.problem("title", "response.plan.title"));
		}
		Owner o = owners.parse("owner", owner, ownerContact, problems);
		String n = note(note, problems);
		PlanFiles.Checked file = files.check("file", upload.filename(), upload.size(), upload.content(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(FieldLabels.labelled(problems, messages));
		}
		Instant now = clock.instant();
		long id = jdbc.sql("""
				INSERT INTO response_plan (scenario, title, owner_kind, owner_ref, owner_contact, created_at, created_by,
					updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(s.name(), t, o.kind().name(), o.ref(), o.contact(), Timestamp.from(now), who.username(),
					Timestamp.from(now))
			.query(Long.class)
			.single();
		audit.record("RESPONSE_PLAN_CREATE", "response_plan", String.valueOf(id), s + " · " + t);
		store(id, file, n, who);
		return get(id);
	}

	/** Uploads a new version of a plan (the city command or the plan's owner). */
	public PlanVersion addVersion(long planId, Upload upload, @Nullable String note, Jurisdiction who) {
		Plan plan = get(planId);
		if (!who.isCityAdmin() && !plan.owner().includes(who)) {
			throw new AccessDeniedException("only the command and the owner of plan " + planId + " upload versions");
		}
		var problems = new ArrayList<FieldProblem>();
		String n = note(note, problems);
		PlanFiles.Checked file = files.check("file", upload.filename(), upload.size(), upload.content(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(FieldLabels.labelled(problems, messages));
		}
		return store(planId, file, n, who);
	}

	/** One page of the plans, of one scenario or all, by scenario and title. */
	@Transactional(readOnly = true)
	public PageResult<Plan> page(@Nullable Scenario scenario, Paging paging) {
		return scenario == null
				? PagedQuery.page(jdbc, "*", "response_plan", List.of(), "scenario, title, id", (rs, i) -> plan(rs), paging)
				: PagedQuery.page(jdbc, "*", "response_plan WHERE scenario = ?", List.of(scenario.name()),
						"scenario, title, id", (rs, i) -> plan(rs), paging);
	}

	/** Every plan of {@link #page}, in the same order (for the list's export). */
	public ListQuery<Plan> pageList(@Nullable Scenario scenario) {
		return scenario == null ? new ListQuery<>("*", "response_plan", List.of(), "scenario, title, id", (rs, i) -> plan(rs))
				: new ListQuery<>("*", "response_plan WHERE scenario = ?", List.of(scenario.name()), "scenario, title, id",
						(rs, i) -> plan(rs));
	}

	/** Every plan (to choose from), of one scenario or all. */
	@Transactional(readOnly = true)
	public List<Plan> list(@Nullable Scenario scenario) {
		return jdbc.sql("SELECT * FROM response_plan WHERE (?::varchar IS NULL OR scenario = ?) ORDER BY scenario, title, id")
			.params(scenario == null ? null : scenario.name(), scenario == null ? null : scenario.name())
			.query((rs, i) -> plan(rs))
			.list();
	}

	@Transactional(readOnly = true)
	public Plan get(long id) {
		return jdbc.sql("SELECT * FROM response_plan WHERE id = ?")
			.param(id)
			.query((rs, i) -> plan(rs))
			.optional()
			.orElseThrow(() -> new NotFound("plan " + id));
	}

	/** The versions of a plan, the newest first. */
	@Transactional(readOnly = true)
	public List<PlanVersion> versions(long planId) {
		return jdbc.sql("""
				SELECT plan_id, version, filename, media_type, size_bytes, sha256, note, uploaded_at, uploaded_by
				FROM response_plan_version WHERE plan_id = ? ORDER BY version DESC""")
			.param(planId)
			.query((rs, i) -> new PlanVersion(rs.getLong("plan_id"), rs.getInt("version"), rs.getString("filename"),
					rs.getString("media_type"), rs.getInt("size_bytes"), HexFormat.of().formatHex(rs.getBytes("sha256")),
					rs.getString("note"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by")))
			.list();
	}

	@Transactional(readOnly = true)
	public PlanFile file(long planId, int version) {
		return jdbc.sql("SELECT filename, media_type, content FROM response_plan_version WHERE plan_id = ? AND version = ?")
			.params(planId, version)
			.query((rs, i) -> new PlanFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional()
			.orElseThrow(() -> new NotFound("plan " + planId + " version " + version));
	}

	private PlanVersion store(long planId, PlanFiles.Checked file, @Nullable String note, Jurisdiction who) {
		Instant now = clock.instant();
		// the counter's row lock orders concurrent uploads of one plan: each gets its own number
		int version = jdbc.sql("""
				UPDATE response_plan SET latest_version = latest_version + 1, updated_at = ? WHERE id = ?
				RETURNING latest_version""")
			.params(Timestamp.from(now), planId)
			.query(Integer.class)
			.single();
		jdbc.sql("""
				INSERT INTO response_plan_version (plan_id, version, filename, media_type, size_bytes, sha256, content,
					note, uploaded_at, uploaded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(planId, version, file.filename(), file.mediaType(), file.content().length, file.sha256(),
					file.content(), note, Timestamp.from(now), who.username())
			.update();
		audit.record("RESPONSE_PLAN_VERSION", "response_plan", String.valueOf(planId),
				"v" + version + " " + file.filename() + " (" + file.content().length + " bytes)");
		return new PlanVersion(planId, version, file.filename(), file.mediaType(), file.content().length,
				HexFormat.of().formatHex(file.sha256()), note, now, who.username());
	}

	private @Nullable Scenario scenario(@Nullable String text, List<FieldProblem> problems) {
		try {
			return Scenario.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(messages.problem("scenario", "response.scenario.required"));
			return null;
		}
	}

	private @Nullable String note(@Nullable String note, List<FieldProblem> problems) {
		String n = note == null || note.isBlank() ? null : note.strip();
		if (n != null && n.length() > 500) {
			problems.add(messages.problem("note", "response.text.tooLong", 500));
		}
		return n;
	}

	static Plan plan(ResultSet rs) throws SQLException {
		return new Plan(rs.getLong("id"), Scenario.valueOf(rs.getString("scenario")), rs.getString("title"),
				new Owner(Owner.Kind.valueOf(rs.getString("owner_kind")), rs.getString("owner_ref"),
						rs.getString("owner_contact")),
				rs.getInt("latest_version"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				rs.getTimestamp("updated_at").toInstant());
	}

}
