package org.gridguard.inspection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gridguard.platform.ListQuery;
import org.gridguard.platform.NotFound;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads rectification orders and inspections inside the reader's scope ({@link InspectionScope}); one thing outside
 * it answers 404. The lists, their exports and the cockpit's figures share the conditions of
 * {@link RectificationOrder.State}: {@code OPEN} and {@code OVERDUE} do not overlap, so that open + overdue are all
 * orders not yet closed.
 */
@Service
@Transactional(readOnly = true)
public class RectificationQueries {

	private static final String OVERDUE = "o.state = 'OPEN' AND o.evidence_at IS NULL AND o.due_at < ?";

	private final JdbcClient jdbc;

	private final Clock clock;

	RectificationQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Filters of the order list; empty ones match everything.
	 *
	 * @param awaiting only orders with evidence in, awaiting re-inspection
	 */
	public record Filter(RectificationOrder.@Nullable State state, @Nullable Long venueId, boolean awaiting) {
	}

	public RectificationOrder get(long id, Jurisdiction who) {
		var params = new ArrayList<Object>();
		params.add(id);
		String scope = InspectionScope.condition(who, "o", params);
		return jdbc.sql("SELECT " + OrderWriter.COLUMNS + " FROM inspection_order o WHERE o.id = ? AND " + scope)
			.params(params)
			.query(OrderWriter.ORDER)
			.optional()
			.orElseThrow(() -> new NotFound("rectification order " + id));
	}

	public PageResult<RectificationOrder> search(Filter filter, Jurisdiction who, Paging paging) {
		return list(filter, who).page(jdbc, paging);
	}

	/** The order list as one query, for its pages and its export. */
	public ListQuery<RectificationOrder> list(Filter filter, Jurisdiction who) {
		var params = new ArrayList<Object>();
		var where = new StringBuilder(InspectionScope.condition(who, "o", params));
		Timestamp now = Timestamp.from(clock.instant());
		if (filter.state() != null) {
			switch (filter.state()) {
				case OPEN -> {
					where.append(" AND o.state = 'OPEN' AND NOT (" + OVERDUE + ")");
					params.add(now);
				}
				case OVERDUE -> {
					where.append(" AND " + OVERDUE);
					params.add(now);
				}
				case CLOSED -> where.append(" AND o.state = 'CLOSED'");
			}
		}
		if (filter.venueId() != null) {
			where.append(" AND o.venue_id = ?");
			params.add(filter.venueId());
		}
		if (filter.awaiting()) {
			where.append(" AND o.state = 'OPEN' AND o.evidence_at IS NOT NULL");
		}
		return new ListQuery<>(OrderWriter.COLUMNS, "inspection_order o WHERE " + where, params, "o.due_at, o.id",
				OrderWriter.ORDER);
	}

	/** Orders open (not overdue) and overdue in the reader's scope: the totals of the two lists. */
	public Counts counts(Jurisdiction who) {
		var params = new ArrayList<Object>();
		Timestamp now = Timestamp.from(clock.instant());
		params.add(now);
		params.add(now);
		String scope = InspectionScope.condition(who, "o", params);
		return jdbc.sql("SELECT count(*) FILTER (WHERE NOT (" + OVERDUE + ")), count(*) FILTER (WHERE " + OVERDUE
				+ ") FROM inspection_order o WHERE o.state = 'OPEN' AND " + scope)
			.params(params)
			.query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/** Open (not overdue) and overdue orders. */
	public record Counts(long open, long overdue) {
	}

	/** The orders an inspection opened (or, for a re-inspection, the order it re-inspected). */
	public List<RectificationOrder> ofInspection(long inspectionId, Jurisdiction who) {
		var params = new ArrayList<Object>();
		params.add(inspectionId);
		params.add(inspectionId);
		String scope = InspectionScope.condition(who, "o", params);
		return jdbc.sql("SELECT " + OrderWriter.COLUMNS + " FROM inspection_order o WHERE (o.inspection_id = ? OR o.id = "
				+ "(SELECT reinspects FROM inspection WHERE id = ?)) AND " + scope + " ORDER BY o.id")
			.params(params)
			.query(OrderWriter.ORDER)
			.list();
	}

	/** An inspection with its marks. */
	public InspectionRecord inspection(long id, Jurisdiction who) {
		var params = new ArrayList<Object>();
		params.add(id);
		String scope = InspectionScope.condition(who, "i", params);
		return jdbc.sql("SELECT i.* FROM inspection i WHERE i.id = ? AND " + scope)
			.params(params)
			.query((rs, n) -> record(rs))
			.optional()
			.orElseThrow(() -> new NotFound("inspection " + id));
	}

	/** The latest inspections of a place, newest first. */
	public List<InspectionRecord> recentAt(long venueId, Jurisdiction who, int limit) {
		var params = new ArrayList<Object>();
		params.add(venueId);
		String scope = InspectionScope.condition(who, "i", params);
		params.add(limit);
		return jdbc.sql("SELECT i.* FROM inspection i WHERE i.venue_id = ? AND " + scope
				+ " ORDER BY i.inspected_at DESC, i.id DESC LIMIT ?")
			.params(params)
			.query((rs, n) -> record(rs))
			.list();
	}

	private InspectionRecord record(java.sql.ResultSet rs) throws java.sql.SQLException {
		long id = rs.getLong("id");
		List<InspectionRecord.Mark> marks = jdbc.sql("""
				SELECT r.item_code, r.label, r.severity, r.passed, r.note FROM inspection_result r
				WHERE r.inspection_id = ? ORDER BY r.passed, r.item_code""")
			.param(id)
			.query((m, i) -> new InspectionRecord.Mark(m.getString(1), m.getString(2), Severity.valueOf(m.getString(3)),
					m.getBoolean(4), m.getString(5)))
			.list();
		return new InspectionRecord(id, rs.getLong("venue_id"), rs.getString("venue_name"), rs.getString("venue_code"),
				rs.getString("category"), rs.getString("sector"), rs.getString("region_code"), rs.getString("inspector"),
				rs.getTimestamp("inspected_at").toInstant(), rs.getInt("passed"), rs.getInt("failed"),
				rs.getObject("reinspects", Long.class), marks);
	}

	Instant now() {
		return clock.instant();
	}

}
