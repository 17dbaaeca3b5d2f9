package org.gridguard.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * Reading notices: every notice for those who draft and approve them, and the published ones for everyone (the public
 * pages and API, and other modules such as the cockpit).
 */
@Service
@Transactional(readOnly = true)
public class NoticeQueries {

	private final JdbcClient jdbc;

	NoticeQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Notice> find(long id) {
		return withAreas(jdbc.sql("SELECT * FROM notice WHERE id = ?").param(id).query(NoticeQueries::row).list())
			.stream()
			.findFirst();
	}

	/** A notice, for those who draft or approve notices (404 for anyone else, and for unknown ids). */
	public Notice get(long id, Jurisdiction who) {
		if (!who.mayDraftNotices()) {
			throw new NotFound("notice " + id);
		}
		return find(id).orElseThrow(() -> new NotFound("notice " + id));
	}

	/** A notice, for those who draft or approve notices; empty for anyone else. */
	public Optional<Notice> find(long id, Jurisdiction who) {
		return who.mayDraftNotices() ? find(id) : Optional.empty();
	}

	/** All notices, or those in one state; the latest change first. Discarded drafts only when asked for. */
	public PageResult<Notice> list(Notice.@Nullable State state, Jurisdiction who, Paging paging) {
		if (!who.mayDraftNotices()) {
			return new PageResult<>(List.of(), paging.page(), paging.size(), 0);
		}
		String where = state == null ? " WHERE state <> 'DISCARDED'" : " WHERE state = ?";
		List<Object> params = state == null ? List.of() : List.of(state.name());
		PageResult<Notice> page = PagedQuery.page(jdbc, "*", "notice" + where, params,
				"coalesce(withdrawn_at, published_at, approved_at, submitted_at, updated_at) DESC, id DESC",
				NoticeQueries::row, paging);
		return new PageResult<>(withAreas(page.items()), page.page(), page.size(), page.total());
	}

	/** Every notice of {@link #list}, in the same order, without their areas (for the export). */
	public ListQuery<Notice> listQuery(Notice.@Nullable State state, Jurisdiction who) {
		String where = !who.mayDraftNotices() ? " WHERE false"
				: state == null ? " WHERE state <> 'DISCARDED'" : " WHERE state = ?";
		List<Object> params = state == null || !who.mayDraftNotices() ? List.of() : List.of(state.name());
		return new ListQuery<>("*", "notice" + where, params,
				"coalesce(withdrawn_at, published_at, approved_at, submitted_at, updated_at) DESC, id DESC",
				NoticeQueries::row);
	}

	/** Published notices not withdrawn and not lapsed at {@code now}, the latest first. */
	public List<Notice> inForce(Instant now) {
		return withAreas(jdbc.sql("""
				SELECT * FROM notice WHERE state = 'PUBLISHED' AND (effective_until IS NULL OR effective_until > ?)
				ORDER BY published_at DESC, id DESC""")
			.param(Timestamp.from(now))
			.query(NoticeQueries::row)
			.list());
	}

	/** The latest published notices no longer in force at {@code now} (withdrawn or lapsed). */
	public List<Notice> noLongerInForce(Instant now, int limit) {
		return withAreas(jdbc.sql("""
				SELECT * FROM notice WHERE state = 'WITHDRAWN' OR (state = 'PUBLISHED' AND effective_until <= ?)
				ORDER BY coalesce(withdrawn_at, effective_until) DESC, id DESC LIMIT ?""")
			.params(Timestamp.from(now), limit)
			.query(NoticeQueries::row)
			.list());
	}

	/** A notice the public may see by its number: published, or published and withdrawn since. */
	public Optional<Notice> published(int year, int seq) {
		return withAreas(jdbc.sql("SELECT * FROM notice WHERE year = ? AND seq = ? AND state IN ('PUBLISHED', 'WITHDRAWN')")
			.params(year, seq)
			.query(NoticeQueries::row)
			.list()).stream().findFirst();
	}

	/** The live (not discarded) notices drafted from these venue notices of investigations, by venue notice. */
	public Map<Long, Notice> fromVenueNotices(Collection<Long> venueNoticeIds) {
		var result = new HashMap<Long, Notice>();
		if (venueNoticeIds.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT * FROM notice WHERE venue_notice_id IN (:ids) AND state <> 'DISCARDED'")
			.param("ids", venueNoticeIds)
			.query(NoticeQueries::row)
			.list()
			.forEach(n -> result.put(n.venueNoticeId(), n));
		return result;
	}

	/** The numbers of the year's published notices, ascending. */
	public List<Integer> numbersOf(int year) {
		return jdbc.sql("SELECT seq FROM notice WHERE year = ? ORDER BY seq").param(year).query(Integer.class).list();
	}

	private List<Notice> withAreas(List<Notice> notices) {
		if (notices.isEmpty()) {
			return notices;
		}
		var areas = new HashMap<Long, List<Notice.ListedArea>>();
		jdbc.sql("SELECT * FROM notice_risk_area WHERE notice_id IN (:ids) ORDER BY notice_id, position")
			.param("ids", notices.stream().map(Notice::id).toList())
			.query((rs, i) -> areas.computeIfAbsent(rs.getLong("notice_id"), k -> new ArrayList<>())
				.add(new Notice.ListedArea(rs.getLong("area_id"), rs.getString("name"), rs.getString("level"))))
			.list();
		return notices.stream().map(n -> n.withRiskAreas(areas.getOrDefault(n.id(), List.of()))).toList();
	}

	private static Notice row(ResultSet rs, int i) throws SQLException {
		return new Notice(rs.getLong("id"), Notice.State.valueOf(rs.getString("state")), rs.getString("title"),
				rs.getString("body"), instant(rs, "effective_from"), instant(rs, "effective_until"),
				rs.getObject("venue_id", Long.class), rs.getObject("venue_notice_id", Long.class),
				rs.getObject("supersedes_id", Long.class), List.of(), rs.getTimestamp("drafted_at").toInstant(),
				rs.getString("drafted_by"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"),
				instant(rs, "submitted_at"), rs.getString("submitted_by"), rs.getString("return_reason"),
				instant(rs, "approved_at"), rs.getString("approved_by"), rs.getObject("year", Integer.class),
				rs.getObject("seq", Integer.class), rs.getString("number"), rs.getString("issuer"),
				instant(rs, "published_at"), rs.getString("published_by"), instant(rs, "withdrawn_at"),
				rs.getString("withdrawn_by"), rs.getString("withdraw_reason"), rs.getObject("superseded_by", Long.class));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

}
