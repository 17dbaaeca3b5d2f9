package org.gridguard.inspection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gridguard.platform.AuditLog;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a rectification order after it opened: the responsible person answers with evidence (a note and
 * photos), an inspector re-inspects the item (a visit of its own, recorded as an inspection of that one item) and
 * closes the order or reopens it with a new deadline by its severity.
 */
@Service
@Transactional
public class Rectifications {

	private final JdbcClient jdbc;

	private final RectificationQueries queries;

	private final OrderWriter writer;

	private final Photos photos;

	private final InspectionProfile profile;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	Rectifications(JdbcClient jdbc, RectificationQueries queries, OrderWriter writer, Photos photos,
			InspectionProfile profile, AuditLog audit, Messages messages, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.writer = writer;
		this.photos = photos;
		this.profile = profile;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** The responsible person's answer: what was done, with photos. 409 once evidence is in or the order closed. */
	public RectificationOrder answer(long orderId, @Nullable String note, List<Photos.Upload> uploads,
			Jurisdiction who) {
		RectificationOrder order = queries.get(orderId, who);
		if (!who.answersFor(order.venueId())) {
			throw new AccessDeniedException("only the place's responsible person answers");
		}
		var problems = new ArrayList<FieldProblem>();
		String text = Inspections.clean(note);
		if (text == null || text.length() > 500) {
			problems.add(messages.problem("note", "inspection.evidence.note.invalid", 500));
		}
		List<Photos.Checked> checked = photos.check(uploads, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		writer.answer(orderId, text, who.username(), clock.instant());
		photos.store(checked, null, orderId, who.username());
		audit.record("INSPECTION_EVIDENCE", "inspection-order", String.valueOf(orderId), text);
		return queries.get(orderId, who);
	}

	/**
	 * A re-inspection of the order's item: passed closes the order, failed reopens it with a new deadline. 409 when
	 * the order is closed already.
	 */
	public RectificationOrder reinspect(long orderId, @Nullable Boolean passed, @Nullable String note,
			List<Photos.Upload> uploads, Jurisdiction who) {
		RectificationOrder order = queries.get(orderId, who);
		if (!who.mayInspect(order.regionCode(), order.sector())) {
			throw new AccessDeniedException("not an inspector of this place");
		}
		var problems = new ArrayList<FieldProblem>();
		if (passed == null) {
			problems.add(messages.problem("passed", "inspection.item.passed.missing"));
		}
		String text = Inspections.clean(note);
		if (text != null && text.length() > 500) {
			problems.add(messages.problem("note", "inspection.note.tooLong", 500));
		}
		List<Photos.Checked> checked = photos.check(uploads, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Instant now = clock.instant();
		if (passed) {
			writer.close(orderId, who.username(), now);
		}
		else {
			writer.reopen(orderId, now.plus(profile.deadline(order.severity())));
		}
		long visit = jdbc.sql("""
				INSERT INTO inspection (venue_id, venue_name, venue_code, category, sector, region_code, inspector,
					inspected_at, passed, failed, reinspects)
				SELECT venue_id, venue_name, venue_code, category, sector, region_code, ?, ?, ?, ?, ?
				FROM inspection WHERE id = ? RETURNING id""")
			.params(who.username(), Timestamp.from(now), passed ? 1 : 0, passed ? 0 : 1, orderId, order.inspectionId())
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO inspection_result (inspection_id, item_code, label, severity, passed, note) "
				+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(visit, order.itemCode(), order.label(), order.severity().name(), passed, text)
			.update();
		photos.store(checked, visit, null, who.username());
		audit.record(passed ? "INSPECTION_ORDER_CLOSE" : "INSPECTION_ORDER_REOPEN", "inspection-order",
				String.valueOf(orderId), text);
		return queries.get(orderId, who);
	}

}
