package org.gridguard.responsibility;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridguard.platform.AuditLog;
import org.gridguard.platform.ListQuery;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.gridguard.shared.Sector;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the four parties of each subject and answers "who answers for this" and "what does this party answer for".
 * Modules assign parties when they create or change a subject, in the same transaction.
 */
@Service
@Transactional
public class ResponsibilityManagement {

	private static final RowMapper<Assignment> ROW = (rs, i) -> new Assignment(
			new Subject(Subject.Type.valueOf(rs.getString("subject_type")), rs.getLong("subject_id")),
			rs.getString("subject_label"),
			new FourParties(rs.getString("territory_code"),
					rs.getString("sector") == null ? null : Sector.valueOf(rs.getString("sector")),
					rs.getString("unit_name"), rs.getString("unit_contact"), rs.getString("unit_phone"),
					rs.getString("individual_name"), rs.getString("individual_phone")),
			rs.getBoolean("active"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));

	private final JdbcClient jdbc;

	private final org.springframework.jdbc.core.JdbcTemplate template;

	private final AuditLog audit;

	private final Clock clock;

	ResponsibilityManagement(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.audit = audit;
		this.clock = clock;
	}

	/** Sets (or replaces) the parties of a subject. */
	public void assign(Subject subject, String label, FourParties parties, String by) {
		jdbc.sql("""
				INSERT INTO responsibility_assignment (subject_type, subject_id, subject_label, territory_code, sector,
					unit_name, unit_contact, unit_phone, individual_name, individual_phone, active, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?)
				ON CONFLICT (subject_type, subject_id) DO UPDATE SET subject_label = excluded.subject_label,
					territory_code = excluded.territory_code, sector = excluded.sector, unit_name = excluded.unit_name,
					unit_contact = excluded.unit_contact, unit_phone = excluded.unit_phone,
					individual_name = excluded.individual_name, individual_phone = excluded.individual_phone,
					active = true, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
			.params(subject.type().name(), subject.id(), truncate(label, 200), parties.territoryCode(),
					parties.sector() == null ? null : parties.sector().name(), parties.unitName(), parties.unitContact(),
					parties.unitPhone(), parties.individualName(), parties.individualPhone(),
					Timestamp.from(clock.instant()), by)
			.update();
	}

	/** Sets the parties of many subjects at once (bulk imports). */
	public void assignAll(List<Assignment> assignments, String by) {
		Timestamp now = Timestamp.from(clock.instant());
		template.batchUpdate("""
				INSERT INTO responsibility_assignment (subject_type, subject_id, subject_label, territory_code, sector,
					unit_name, unit_contact, unit_phone, individual_name, individual_phone, active, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?)
				ON CONFLICT (subject_type, subject_id) DO UPDATE SET subject_label = excluded.subject_label,
					territory_code = excluded.territory_code, sector = excluded.sector, unit_name = excluded.unit_name,
					unit_contact = excluded.unit_contact, unit_phone = excluded.unit_phone,
					individual_name = excluded.individual_name, individual_phone = excluded.individual_phone,
					active = true, updated_at = excluded.updated_at, updated_by = excluded.updated_by""",
				assignments.stream().map(a -> new Object[] { a.subject().type().name(), a.subject().id(),
						truncate(a.label(), 200), a.parties().territoryCode(),
						a.parties().sector() == null ? null : a.parties().sector().name(), a.parties().unitName(),
						a.parties().unitContact(), a.parties().unitPhone(), a.parties().individualName(),
						a.parties().individualPhone(), now, by }).toList());
	}

	/** Moves one subject to another territory (a queued person placed in a grid). */
	public void moveSubject(Subject subject, String territoryCode) {
		jdbc.sql("UPDATE responsibility_assignment SET territory_code = ?, updated_at = ? WHERE subject_type = ? AND subject_id = ?")
			.params(territoryCode, Timestamp.from(clock.instant()), subject.type().name(), subject.id())
			.update();
	}

	/** The subject no longer needs answering for (released person, closed venue …); its record is kept. */
	public void close(Subject subject) {
		jdbc.sql("UPDATE responsibility_assignment SET active = false, updated_at = ? WHERE subject_type = ? AND subject_id = ?")
			.params(Timestamp.from(clock.instant()), subject.type().name(), subject.id())
			.update();
	}

	/** Moves every active subject of a territory to another (grids merged). */
	public int moveTerritory(String from, String to) {
		return jdbc.sql("UPDATE responsibility_assignment SET territory_code = ? WHERE territory_code = ? AND active")
			.params(to, from)
			.update();
	}

	@Transactional(readOnly = true)
	public Optional<Assignment> of(Subject subject) {
		return jdbc.sql("SELECT * FROM responsibility_assignment WHERE subject_type = ? AND subject_id = ?")
			.params(subject.type().name(), subject.id())
			.query(ROW)
			.optional();
	}

	/** The assignments of many subjects of one type, keyed by subject id (for lists). */
	@Transactional(readOnly = true)
	public Map<Long, Assignment> ofAll(Subject.Type type, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		var result = new HashMap<Long, Assignment>();
		jdbc.sql("SELECT * FROM responsibility_assignment WHERE subject_type = :type AND subject_id IN (:ids)")
			.param("type", type.name())
			.param("ids", ids)
			.query(ROW)
			.list()
			.forEach(a -> result.put(a.subject().id(), a));
		return result;
	}

	/**
	 * Active subjects matching a party filter and visible to {@code who}: region roles see subjects of their
	 * territory, departments those of their sector, city-wide roles all.
	 */
	@Transactional(readOnly = true)
	public PageResult<Assignment> answeredFor(PartyFilter filter, Jurisdiction who, Paging paging) {
		return answeredForList(filter, who).page(jdbc, paging);
	}

	/** Every subject of {@link #answeredFor} with this filter, in the list's order (for its export). */
	public ListQuery<Assignment> answeredForList(PartyFilter filter, Jurisdiction who) {
		var where = new StringBuilder(" WHERE active");
		var params = new ArrayList<Object>();
		if (who.isSectorBound()) {
			where.append(" AND sector = ? AND territory_code LIKE ?");
			params.add(who.sector());
			params.add(who.regionCode() + "%");
		}
		else {
			where.append(" AND territory_code LIKE ?");
			params.add(who.regionPattern());
		}
		if (filter.territory() != null && !filter.territory().isBlank()) {
			where.append(" AND territory_code LIKE ?");
			params.add(filter.territory().strip() + "%");
		}
		if (filter.sector() != null) {
			where.append(" AND sector = ?");
			params.add(filter.sector().name());
		}
		if (filter.unit() != null && !filter.unit().isBlank()) {
			where.append(" AND unit_name LIKE ?");
			params.add("%" + filter.unit().strip() + "%");
		}
		if (filter.individual() != null && !filter.individual().isBlank()) {
			where.append(" AND (individual_name LIKE ? OR unit_contact LIKE ?)");
			params.add("%" + filter.individual().strip() + "%");
			params.add("%" + filter.individual().strip() + "%");
		}
		if (filter.type() != null) {
			where.append(" AND subject_type = ?");
			params.add(filter.type().name());
		}
		return new ListQuery<>("*", "responsibility_assignment" + where, params,
				"subject_type, territory_code, subject_label, subject_id", ROW);
	}

	/** Counts of active subjects per type for a party filter (a party's overview). */
	@Transactional(readOnly = true)
	public Map<Subject.Type, Long> countByType(@Nullable String territory, @Nullable Sector sector) {
		var counts = new java.util.EnumMap<Subject.Type, Long>(Subject.Type.class);
		jdbc.sql("""
				SELECT subject_type, count(*) FROM responsibility_assignment
				WHERE active AND territory_code LIKE ? AND (CAST(? AS varchar) IS NULL OR sector = ?) GROUP BY 1""")
			.params((territory == null ? "" : territory) + "%", sector == null ? null : sector.name(),
					sector == null ? null : sector.name())
			.query((rs, i) -> counts.put(Subject.Type.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	/** Grids merged: their subjects now answer to the target grid. */
	@org.springframework.modulith.events.ApplicationModuleListener
	void on(org.gridguard.region.GridMerged event) {
		int moved = moveTerritory(event.source(), event.target());
		if (moved > 0) {
			audit.recordAs(AuditLog.SYSTEM, "RESPONSIBILITY_MOVE", "region", event.source(), moved + " → " + event.target());
		}
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

}
