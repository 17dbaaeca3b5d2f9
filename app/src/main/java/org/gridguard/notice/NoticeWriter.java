package org.gridguard.notice;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one writer of notices. Every step of a notice's way is one conditional update whose row count decides (a draft
 * is changed only while it is a draft, approved only while submitted, published only while approved, withdrawn only
 * while published), so that two people acting on one notice at once never both succeed.
 */
@Component
class NoticeWriter {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	NoticeWriter(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * A new draft; for a venue notice of an investigation only while no other live notice was drafted from it (empty
	 * then).
	 */
	Optional<Long> insert(NoticeContent content, @Nullable Long venueId, @Nullable Long venueNoticeId, Instant now,
			String by) {
		Optional<Long> id = jdbc.sql("""
				INSERT INTO notice (state, title, body, effective_from, effective_until, venue_id, venue_notice_id,
					supersedes_id, drafted_at, drafted_by, updated_at, updated_by)
				VALUES ('DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (venue_notice_id) WHERE state <> 'DISCARDED' DO NOTHING RETURNING id""")
			.params(content.title(), content.body(), timestamp(content.effectiveFrom()),
					timestamp(content.effectiveUntil()), venueId, venueNoticeId, content.supersedesId(),
					Timestamp.from(now), by, Timestamp.from(now), by)
			.query(Long.class)
			.optional();
		id.ifPresent(notice -> insertAreas(notice, content.areas()));
		return id;
	}

	/** Changes a draft: its drafter, or anyone when {@code anyEditor}. Whether it was such a draft. */
	boolean update(long id, NoticeContent content, Instant now, String by, boolean anyEditor) {
		boolean updated = jdbc.sql("""
				UPDATE notice SET title = ?, body = ?, effective_from = ?, effective_until = ?, supersedes_id = ?,
					updated_at = ?, updated_by = ?
				WHERE id = ? AND state = 'DRAFT' AND (? OR drafted_by = ?)""")
			.params(content.title(), content.body(), timestamp(content.effectiveFrom()),
					timestamp(content.effectiveUntil()), content.supersedesId(), Timestamp.from(now), by, id, anyEditor, by)
			.update() == 1;
		if (updated) {
			// the row is locked by the update until commit: nobody else replaces the areas meanwhile
			jdbc.sql("DELETE FROM notice_risk_area WHERE notice_id = ?").param(id).update();
			insertAreas(id, content.areas());
		}
		return updated;
	}

	private void insertAreas(long noticeId, List<Notice.ListedArea> areas) {
		var rows = new ArrayList<Object[]>(areas.size());
		for (int i = 0; i < areas.size(); i++) {
			Notice.ListedArea a = areas.get(i);
			rows.add(new Object[] { noticeId, i, a.areaId(), a.name(), a.level() });
		}
		template.batchUpdate("INSERT INTO notice_risk_area (notice_id, position, area_id, name, level) VALUES (?, ?, ?, ?, ?)",
				rows);
	}

	/** Hands a draft to the city command. */
	boolean submit(long id, Instant now, String by, boolean anyEditor) {
		return jdbc.sql("""
				UPDATE notice SET state = 'SUBMITTED', submitted_at = ?, submitted_by = ?
				WHERE id = ? AND state = 'DRAFT' AND (? OR drafted_by = ?)""")
			.params(Timestamp.from(now), by, id, anyEditor, by)
			.update() == 1;
	}

	/** Throws a draft away. */
	boolean discard(long id, Instant now, String by, boolean anyEditor) {
		return jdbc.sql("""
				UPDATE notice SET state = 'DISCARDED', updated_at = ?, updated_by = ?
				WHERE id = ? AND state = 'DRAFT' AND (? OR drafted_by = ?)""")
			.params(Timestamp.from(now), by, id, anyEditor, by)
			.update() == 1;
	}

	/** Approves a submitted notice; with {@code separate}, only by someone who neither drafted nor last edited it. */
	boolean approve(long id, Instant now, String by, boolean separate) {
		return jdbc.sql("""
				UPDATE notice SET state = 'APPROVED', approved_at = ?, approved_by = ?
				WHERE id = ? AND state = 'SUBMITTED' AND (NOT ? OR (drafted_by <> ? AND updated_by <> ?))""")
			.params(Timestamp.from(now), by, id, separate, by, by)
			.update() == 1;
	}

	/** Sends a submitted or approved notice back to its drafter, with the reason. */
	boolean sendBack(long id, String reason, Instant now, String by) {
		return jdbc.sql("""
				UPDATE notice SET state = 'DRAFT', returned_at = ?, returned_by = ?, return_reason = ?, approved_at = NULL,
					approved_by = NULL
				WHERE id = ? AND state IN ('SUBMITTED', 'APPROVED')""")
			.params(Timestamp.from(now), by, reason, id)
			.update() == 1;
	}

	/**
	 * Takes the next number of {@code year}. The counter row stays locked until the transaction ends: concurrent
	 * publishers queue on it, and a rollback gives the number back, so numbers have neither gaps nor duplicates.
	 */
	int nextNumber(int year) {
		return jdbc.sql("""
				INSERT INTO notice_number_counter (year, last) VALUES (?, 1)
				ON CONFLICT (year) DO UPDATE SET last = notice_number_counter.last + 1 RETURNING last""")
			.param(year)
			.query(Integer.class)
			.single();
	}

	/**
	 * Publishes an approved notice that has not lapsed by {@code now}, with its number and issuer; it takes effect at
	 * its own start time, or now.
	 */
	boolean publish(long id, int year, int seq, String number, String issuer, Instant now, String by) {
		return jdbc.sql("""
				UPDATE notice SET state = 'PUBLISHED', year = ?, seq = ?, number = ?, issuer = ?, published_at = ?,
					published_by = ?, effective_from = coalesce(effective_from, ?)
				WHERE id = ? AND state = 'APPROVED' AND (effective_until IS NULL OR effective_until > ?)""")
			.params(year, seq, number, issuer, Timestamp.from(now), by, Timestamp.from(now), id, Timestamp.from(now))
			.update() == 1;
	}

	/** Withdraws a published notice, giving the reason and, when a later one replaces it, which. */
	boolean withdraw(long id, String reason, @Nullable Long supersededBy, Instant now, String by) {
		return jdbc.sql("""
				UPDATE notice SET state = 'WITHDRAWN', withdrawn_at = ?, withdrawn_by = ?, withdraw_reason = ?,
					superseded_by = ?
				WHERE id = ? AND state = 'PUBLISHED'""")
			.params(Timestamp.from(now), by, reason, supersededBy, id)
			.update() == 1;
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

}
