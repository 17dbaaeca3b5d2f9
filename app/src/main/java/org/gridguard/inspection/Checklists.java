package org.gridguard.inspection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.gridguard.platform.AuditLog;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.region.Jurisdiction;
import org.gridguard.venue.VenueCategory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checklists: one per venue category and one for grids, each item with a severity. The standard items come
 * with the schema; the city admin adds items, changes their severity and takes them out of use (an item is never
 * deleted, so that past inspections keep their meaning).
 */
@Service
@Transactional
public class Checklists {

	/** The checklist of grids (网格); the others are named by their {@link VenueCategory}. */
	public static final String GRID = "GRID";

	static final RowMapper<ChecklistItem> ITEM = (rs, i) -> new ChecklistItem(rs.getLong("id"), rs.getString("target"),
			rs.getString("code"), rs.getString("label"), Severity.valueOf(rs.getString("severity")),
			rs.getInt("position"), rs.getBoolean("active"));

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Messages messages;

	Checklists(JdbcClient jdbc, AuditLog audit, Messages messages) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.messages = messages;
	}

	/** Every target that has a checklist: the venue categories in their order, then grids. */
	@Transactional(readOnly = true)
	public List<String> targets() {
		var targets = new ArrayList<String>();
		Arrays.stream(VenueCategory.values()).forEach(c -> targets.add(c.name()));
		targets.add(GRID);
		return targets;
	}

	/** The items of a target's checklist, in order; with {@code all}, also the items out of use. */
	@Transactional(readOnly = true)
	public List<ChecklistItem> items(String target, boolean all) {
		return jdbc.sql("""
				SELECT i.*, c.target FROM inspection_checklist_item i JOIN inspection_checklist c ON c.id = i.checklist_id
				WHERE c.target = ? AND (i.active OR ?) ORDER BY i.position, i.id""")
			.params(target, all)
			.query(ITEM)
			.list();
	}

	/** Adds an item at the end of a target's checklist (city admin). */
	public ChecklistItem add(String target, @Nullable String label, @Nullable String severity, Jurisdiction who) {
		requireEditor(who);
		long checklist = checklist(target);
		var problems = new ArrayList<FieldProblem>();
		String text = label == null ? "" : label.strip();
		if (text.isEmpty() || text.length() > 200 || text.startsWith("#")) {
			problems.add(messages.problem("label", "inspection.checklist.label.invalid"));
		}
		Severity level = severity(severity, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		int position = jdbc.sql("SELECT coalesce(max(position), 0) + 10 FROM inspection_checklist_item WHERE checklist_id = ?")
			.param(checklist)
			.query(Integer.class)
			.single();
		String code = "C" + jdbc.sql("SELECT nextval('inspection_checklist_item_id_seq')").query(Long.class).single();
		jdbc.sql("""
				INSERT INTO inspection_checklist_item (checklist_id, code, label, severity, position)
				VALUES (?, ?, ?, ?, ?)""")
			.params(checklist, code, text, level.name(), position)
			.update();
		audit.record("INSPECTION_CHECKLIST_ADD", "inspection-checklist", target, code + " · " + text);
		return items(target, true).stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
	}

	/** Changes an item's severity and whether it is in use (city admin). */
	public void change(String target, String code, @Nullable String severity, boolean active, Jurisdiction who) {
		requireEditor(who);
		var problems = new ArrayList<FieldProblem>();
		Severity level = severity(severity, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		int changed = jdbc.sql("""
				UPDATE inspection_checklist_item SET severity = ?, active = ?
				WHERE code = ? AND checklist_id = (SELECT id FROM inspection_checklist WHERE target = ?)""")
			.params(level.name(), active, code, target)
			.update();
		if (changed == 0) {
			throw new NotFound("checklist item " + target + "/" + code);
		}
		audit.record("INSPECTION_CHECKLIST_CHANGE", "inspection-checklist", target,
				code + " · " + level + (active ? "" : " · off"));
	}

	private long checklist(String target) {
		return jdbc.sql("SELECT id FROM inspection_checklist WHERE target = ?")
			.param(target)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFound("checklist " + target));
	}

	private Severity severity(@Nullable String text, List<FieldProblem> problems) {
		try {
			return Severity.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(messages.problem("severity", "inspection.checklist.severity.invalid"));
			return Severity.MINOR;
		}
	}

	private static void requireEditor(Jurisdiction who) {
		if (!who.editsChecklists()) {
			throw new AccessDeniedException("checklists are edited by the city command");
		}
	}

}
