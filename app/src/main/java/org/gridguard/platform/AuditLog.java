package org.gridguard.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail: logins, changes, and every view of personal data in full. Entries are written in the caller's
 * transaction (a change and its audit entry commit together); the actor is the authenticated user, or
 * {@code system} for scheduled work.
 */
@Service
public class AuditLog {

	public static final String SYSTEM = "system";

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records an action of the current user.
	 * @param action what happened, e.g. {@code PERSON_VIEW_FULL}, {@code GRID_MERGE}
	 * @param subjectType kind of thing acted on, e.g. {@code person}
	 * @param subjectId its id
	 * @param detail free text, no secrets
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public void record(String action, @Nullable String subjectType, @Nullable String subjectId, @Nullable String detail) {
		recordAs(currentActor(), action, subjectType, subjectId, detail);
	}

	@Transactional(propagation = Propagation.SUPPORTS)
	public void recordAs(String actor, String action, @Nullable String subjectType, @Nullable String subjectId,
			@Nullable String detail) {
		jdbc.sql("""
				INSERT INTO platform_audit_event (at, actor, action, subject_type, subject_id, detail, remote_addr)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(clock.instant()), truncate(actor, 100), action, subjectType,
					subjectId == null ? null : truncate(subjectId, 100), detail, remoteAddress())
			.update();
	}

	/** Entries matching every non-empty criterion, newest first. */
	@Transactional(readOnly = true)
	public PageResult<AuditEntry> search(AuditQuery query, Paging paging, ZoneId zone) {
		return searchList(query, zone).page(jdbc, paging);
	}

	/** Every entry of {@link #search} with these criteria, newest first (for the export). */
	public ListQuery<AuditEntry> searchList(AuditQuery query, ZoneId zone) {
		var where = new StringBuilder(" WHERE 1=1");
		var params = new ArrayList<Object>();
		if (query.actor() != null && !query.actor().isBlank()) {
			where.append(" AND actor = ?");
			params.add(query.actor().trim());
		}
		if (query.action() != null && !query.action().isBlank()) {
			where.append(" AND action = ?");
			params.add(query.action().trim());
		}
		if (query.subject() != null && !query.subject().isBlank()) {
			where.append(" AND (subject_id = ? OR subject_type = ?)");
			params.add(query.subject().trim());
			params.add(query.subject().trim());
		}
		if (query.from() != null) {
			where.append(" AND at >= ?");
			params.add(Timestamp.from(query.from().atStartOfDay(zone).toInstant()));
		}
		if (query.to() != null) {
			where.append(" AND at < ?");
			params.add(Timestamp.from(query.to().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		return new ListQuery<>("id, at, actor, action, subject_type, subject_id, detail, remote_addr",
				"platform_audit_event" + where, params, "at DESC, id DESC",
				(rs, i) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
	}

	/** The latest entries about one subject, newest first. */
	@Transactional(readOnly = true)
	public List<AuditEntry> forSubject(String subjectType, String subjectId, int limit) {
		return jdbc.sql("""
				SELECT id, at, actor, action, subject_type, subject_id, detail, remote_addr
				FROM platform_audit_event WHERE subject_type = ? AND subject_id = ?
				ORDER BY at DESC, id DESC LIMIT ?""")
			.params(subjectType, subjectId, limit)
			.query((rs, i) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
			.list();
	}

	private static String currentActor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || !auth.isAuthenticated() ? SYSTEM : auth.getName();
	}

	private static @Nullable String remoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static String truncate(String value, int max) {
		return value.length() <= max ? value : value.substring(0, max);
	}

	/** One audit entry. */
	public record AuditEntry(long id, Instant at, String actor, String action, @Nullable String subjectType,
			@Nullable String subjectId, @Nullable String detail, @Nullable String remoteAddr) {
	}

	/** Search criteria; empty ones match everything. Dates are days in the city's time zone, inclusive. */
	public record AuditQuery(@Nullable String actor, @Nullable String action, @Nullable String subject,
			@Nullable LocalDate from, @Nullable LocalDate to) {
	}

}
