package org.gridguard.inspection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.gridguard.platform.Conflict;
import org.gridguard.platform.Messages;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one writer of a rectification order's state. Every transition is one conditional update whose row count
 * decides; zero rows is a {@link Conflict}: the order has moved on (closed, or evidence already in).
 */
@Component
class OrderWriter {

	static final String COLUMNS = "o.id, o.inspection_id, o.venue_id, o.venue_name, o.venue_code, o.sector, o.region_code, "
			+ "o.item_code, o.label, o.severity, o.note, o.responsible_person, o.responsible_phone, o.state, o.opened_at, "
			+ "o.due_at, o.evidence_note, o.evidence_at, o.evidence_by, o.reopened, o.closed_at, o.closed_by, o.escalation";

	static final org.springframework.jdbc.core.RowMapper<RectificationOrder> ORDER = (rs, i) -> new RectificationOrder(
			rs.getLong("id"), rs.getLong("inspection_id"), rs.getLong("venue_id"), rs.getString("venue_name"),
			rs.getString("venue_code"), rs.getString("sector"), rs.getString("region_code"), rs.getString("item_code"),
			rs.getString("label"), Severity.valueOf(rs.getString("severity")), rs.getString("note"),
			rs.getString("responsible_person"), rs.getString("responsible_phone"), "CLOSED".equals(rs.getString("state")),
			rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("due_at").toInstant(), rs.getString("evidence_note"),
			instant(rs.getTimestamp("evidence_at")), rs.getString("evidence_by"), rs.getInt("reopened"),
			instant(rs.getTimestamp("closed_at")), rs.getString("closed_by"), rs.getInt("escalation"));

	private final JdbcClient jdbc;

	private final Messages messages;

	OrderWriter(JdbcClient jdbc, Messages messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	/** An order to open for a failed item. */
	record NewOrder(long inspectionId, long venueId, String venueName, @Nullable String venueCode, String sector,
			String regionCode, String itemCode, String label, Severity severity, @Nullable String note,
			String responsiblePerson, @Nullable String responsiblePhone, Instant openedAt, Instant dueAt) {
	}

	long open(NewOrder o) {
		return jdbc.sql("""
				INSERT INTO inspection_order (inspection_id, venue_id, venue_name, venue_code, sector, region_code,
					item_code, label, severity, note, responsible_person, responsible_phone, opened_at, due_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(o.inspectionId(), o.venueId(), o.venueName(), o.venueCode(), o.sector(), o.regionCode(),
					o.itemCode(), o.label(), o.severity().name(), o.note(), o.responsiblePerson(),
					o.responsiblePhone(), Timestamp.from(o.openedAt()), Timestamp.from(o.dueAt()))
			.query(Long.class)
			.single();
	}

	/** Evidence in: only an open order without evidence takes it. */
	void answer(long id, String note, String by, Instant at) {
		int changed = jdbc.sql("""
				UPDATE inspection_order SET evidence_note = ?, evidence_at = ?, evidence_by = ?
				WHERE id = ? AND state = 'OPEN' AND evidence_at IS NULL""")
			.params(note, Timestamp.from(at), by, id)
			.update();
		if (changed == 0) {
			throw new Conflict("order", messages.get("inspection.order.notAwaitingEvidence"));
		}
	}

	/** A passed re-inspection closes an open order. */
	void close(long id, String by, Instant at) {
		int changed = jdbc.sql("UPDATE inspection_order SET state = 'CLOSED', closed_at = ?, closed_by = ? "
				+ "WHERE id = ? AND state = 'OPEN'")
			.params(Timestamp.from(at), by, id)
			.update();
		if (changed == 0) {
			throw new Conflict("order", messages.get("inspection.order.closedAlready"));
		}
	}

	/** A failed re-inspection reopens an open order: evidence cleared, a new deadline, escalation from the start. */
	void reopen(long id, Instant dueAt) {
		int changed = jdbc.sql("""
				UPDATE inspection_order SET evidence_note = NULL, evidence_at = NULL, evidence_by = NULL, due_at = ?,
					reopened = reopened + 1, escalation = 0
				WHERE id = ? AND state = 'OPEN'""")
			.params(Timestamp.from(dueAt), id)
			.update();
		if (changed == 0) {
			throw new Conflict("order", messages.get("inspection.order.closedAlready"));
		}
	}

	/**
	 * Raises the escalation of every order at {@code from} that is overdue since before {@code overdueBefore} to
	 * {@code to}, and gives the orders raised (each once, however many instances run).
	 */
	List<RectificationOrder> escalate(int from, int to, Instant overdueBefore) {
		return jdbc.sql("UPDATE inspection_order o SET escalation = ? WHERE o.state = 'OPEN' AND o.evidence_at IS NULL "
				+ "AND o.due_at < ? AND o.escalation = ? RETURNING " + COLUMNS)
			.params(to, Timestamp.from(overdueBefore), from)
			.query(ORDER)
			.list();
	}

	private static @Nullable Instant instant(@Nullable Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
