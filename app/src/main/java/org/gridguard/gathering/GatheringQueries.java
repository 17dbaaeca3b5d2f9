package org.gridguard.gathering;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridguard.platform.ListQuery;
import org.gridguard.platform.NotFound;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading meetings and events: one event with its steps and reasons, the lists (every filter through
 * {@link #list}, so that pages, exports, the API and the cockpit count the same rows), and the steps awaiting a
 * party. Who sees what is {@link Jurisdiction#eventScope()}.
 */
@Service
@Transactional(readOnly = true)
public class GatheringQueries {

	static final String COLUMNS = "g.id, g.name, g.organizer_id, g.organizer, g.responsible_person, g.responsible_phone, "
			+ "g.town_code, g.address, g.sector, g.starts_at, g.ends_at, g.expected_headcount, g.indoor, g.why_not_online, "
			+ "g.state, g.tier, g.response_level, g.decided_at, g.venue_id, g.code, g.plan_filename, g.filed_at, g.filed_by";

	static final RowMapper<Gathering> ROW = (rs, i) -> new Gathering(rs.getLong("id"), rs.getString("name"),
			rs.getObject("organizer_id", Long.class), rs.getString("organizer"), rs.getString("responsible_person"),
			rs.getString("responsible_phone"), rs.getString("town_code"), rs.getString("address"),
			rs.getString("sector"), rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
			rs.getInt("expected_headcount"), rs.getBoolean("indoor"), rs.getString("why_not_online"),
			Gathering.State.valueOf(rs.getString("state")), rs.getString("tier"), rs.getString("response_level"),
			instant(rs.getTimestamp("decided_at")), rs.getObject("venue_id", Long.class), rs.getString("code"),
			rs.getString("plan_filename"), rs.getTimestamp("filed_at").toInstant(), rs.getString("filed_by"));

	static final RowMapper<Step> STEP = (rs, i) -> new Step(rs.getLong("id"), rs.getLong("event_id"),
			rs.getInt("position"), Step.Kind.valueOf(rs.getString("kind")), rs.getString("audience"),
			rs.getString("region_code"), Step.State.valueOf(rs.getString("state")), rs.getTimestamp("due_at").toInstant(),
			instant(rs.getTimestamp("escalated_at")), instant(rs.getTimestamp("decided_at")), rs.getString("decided_by"),
			rs.getString("note"));

	private final JdbcClient jdbc;

	private final Clock clock;

	GatheringQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * What a list shows.
	 *
	 * @param state only events in this state
	 * @param today only approved events taking place today (running today)
	 * @param overdue only pending events with a step past its deadline
	 * @param awaitingMe only pending events with a step the reader may decide now
	 */
	public record Filter(Gathering.@Nullable State state, boolean today, boolean overdue, boolean awaitingMe) {

		public static Filter all() {
			return new Filter(null, false, false, false);
		}

	}

	public Optional<Gathering> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM gathering_event g WHERE g.id = ?").param(id).query(ROW).optional();
	}

	/** An event the reader may see; 404 otherwise, so that its existence does not leak. */
	public Gathering get(long id, Jurisdiction who) {
		return find(id).filter(g -> who.seesEvent(g.townCode(), g.sector(), g.organizerId()))
			.orElseThrow(() -> new NotFound("event " + id));
	}

	public List<Step> steps(long eventId) {
		return jdbc.sql("SELECT * FROM gathering_step WHERE event_id = ? ORDER BY position").param(eventId).query(STEP).list();
	}

	/** The steps of several events, by event. */
	public Map<Long, List<Step>> steps(java.util.Collection<Long> eventIds) {
		var result = new HashMap<Long, List<Step>>();
		if (!eventIds.isEmpty()) {
			jdbc.sql("SELECT * FROM gathering_step WHERE event_id IN (:ids) ORDER BY event_id, position")
				.param("ids", eventIds)
				.query(STEP)
				.list()
				.forEach(s -> result.computeIfAbsent(s.eventId(), k -> new ArrayList<>()).add(s));
		}
		return result;
	}

	/** The reasons of an event's refusal or rejection, in order. */
	public List<Reason> reasons(long eventId) {
		return reasons("EVENT", List.of(eventId)).getOrDefault(eventId, List.of());
	}

	Map<Long, List<Reason>> reasons(String subject, java.util.Collection<Long> ids) {
		var result = new HashMap<Long, List<Reason>>();
		if (!ids.isEmpty()) {
			jdbc.sql("""
					SELECT subject_id, message_key, args, health FROM gathering_reason
					WHERE subject = :subject AND subject_id IN (:ids) ORDER BY subject_id, position""")
				.param("subject", subject)
				.param("ids", ids)
				.query((rs, i) -> result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Reason(rs.getString(2), rs.getBoolean(4), strings(rs.getArray(3)))))
				.list();
		}
		return result;
	}

	public PageResult<Gathering> page(Filter filter, Jurisdiction who, Paging paging) {
		return list(filter, who).page(jdbc, paging);
	}

	/** Events the reader sees, with a filter, soonest first. */
	public ListQuery<Gathering> list(Filter filter, Jurisdiction who) {
		var where = new StringBuilder();
		var params = new ArrayList<Object>();
		Jurisdiction.EventScope scope = who.eventScope();
		if (scope.none()) {
			where.append("false");
		}
		else {
			where.append("g.town_code LIKE ?");
			params.add(scope.townPrefix() + "%");
			if (scope.sector() != null) {
				where.append(" AND g.sector = ?");
				params.add(scope.sector());
			}
			if (scope.organizer() != null) {
				where.append(" AND g.organizer_id = ?");
				params.add(scope.organizer());
			}
		}
		Instant now = clock.instant();
		if (filter.state() != null) {
			where.append(" AND g.state = ?");
			params.add(filter.state().name());
		}
		if (filter.today()) {
			LocalDate day = LocalDate.now(clock);
			where.append(" AND g.state = 'APPROVED' AND g.starts_at < ? AND g.ends_at > ?");
			params.add(Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
			params.add(Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant()));
		}
		if (filter.overdue()) {
			where.append(" AND g.state = 'PENDING' AND EXISTS (SELECT 1 FROM gathering_step s WHERE s.event_id = g.id "
					+ "AND s.state = 'PENDING' AND s.due_at < ?)");
			params.add(Timestamp.from(now));
		}
		if (filter.awaitingMe()) {
			where.append(" AND g.state = 'PENDING' AND EXISTS (SELECT 1 FROM gathering_step s WHERE s.event_id = g.id "
					+ "AND s.state = 'PENDING' AND NOT EXISTS (SELECT 1 FROM gathering_step e WHERE e.event_id = g.id "
					+ "AND e.position < s.position AND e.state <> 'APPROVED') AND (" + decidable(who, params) + "))");
		}
		return new ListQuery<>(COLUMNS, "gathering_event g WHERE " + where, params,
				filter.today() || filter.state() == Gathering.State.APPROVED ? "g.starts_at, g.id" : "g.starts_at DESC, g.id DESC",
				ROW);
	}

	/** The SQL condition on step {@code s} that the reader may decide it ({@link Jurisdiction#decidesEventStep}). */
	private static String decidable(Jurisdiction who, List<Object> params) {
		var audiences = new ArrayList<String>();
		audiences.add(who.role().name());
		if (who.sector() != null) {
			audiences.add(who.role().name() + ":" + who.sector());
		}
		var sql = new StringBuilder("s.audience IN (");
		for (int i = 0; i < audiences.size(); i++) {
			sql.append(i == 0 ? "?" : ", ?");
			params.add(audiences.get(i));
		}
		sql.append(") AND s.region_code LIKE ?");
		params.add(who.regionCode() + "%");
		if (who.decidesEventStep("", Region.CITY_CODE, true)) {
			sql.append(" OR s.escalated_at IS NOT NULL");
		}
		return sql.toString();
	}

	/** How many events a filter lists for the reader (the cockpit's figures are these counts). */
	public long count(Filter filter, Jurisdiction who) {
		ListQuery<Gathering> q = list(filter, who);
		return jdbc.sql("SELECT count(*) FROM " + q.from()).params(q.params()).query(Long.class).single();
	}

	/** The stored plan document, decrypted by the caller's module writer; empty when none. */
	Optional<byte[]> sealedPlan(long eventId) {
		return jdbc.sql("SELECT plan_content FROM gathering_event WHERE id = ? AND plan_content IS NOT NULL")
			.param(eventId)
			.query((rs, i) -> rs.getBytes(1))
			.optional();
	}

	Optional<String> planMediaType(long eventId) {
		return jdbc.sql("SELECT plan_media_type FROM gathering_event WHERE id = ? AND plan_content IS NOT NULL")
			.param(eventId)
			.query(String.class)
			.optional();
	}

	private static @Nullable Instant instant(@Nullable Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private static List<String> strings(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
