package org.gridguard.quarantine;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.gridguard.platform.AuditLog;
import org.gridguard.platform.Conflict;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 人文关怀: residents' requests (meals, medicine, psychological support …) recorded by the site's staff and tracked to
 * closure.
 */
@Service
@Transactional
public class Care {

	/** Message keys: {@code quarantine.care.kind.<NAME>}. */
	public enum Kind {

		MEALS, MEDICINE, PSYCHOLOGICAL, OTHER

	}

	/** A request and, once closed, what was done. */
	public record Request(long id, long stayId, String room, Kind kind, @Nullable String note, boolean open,
			Instant createdAt, String createdBy, @Nullable Instant closedAt, @Nullable String closedBy,
			@Nullable String outcome) {
	}

	private final QuarantineWriter writer;

	private final SiteQueries queries;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	Care(QuarantineWriter writer, SiteQueries queries, JdbcClient jdbc, AuditLog audit, Messages messages, Clock clock) {
		this.writer = writer;
		this.queries = queries;
		this.jdbc = jdbc;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** Records a resident's request. */
	public long request(long stayId, @Nullable Kind kind, @Nullable String note, Jurisdiction who) {
		Stay stay = queries.stay(stayId, who);
		queries.siteToRun(stay.siteId(), who);
		if (kind == null) {
			throw InvalidInput.of("kind", messages.get("quarantine.care.kind.invalid"));
		}
		String text = SiteRegistry.clean(note);
		if (text.length() > 500) {
			throw InvalidInput.of("note", messages.get("quarantine.text.tooLong", 500));
		}
		long id = writer.insertCare(stayId, stay.siteId(), kind, text.isEmpty() ? null : text, clock.instant(),
				who.username());
		audit.record("QUARANTINE_CARE", "quarantine_stay", String.valueOf(stayId), kind.name());
		return id;
	}

	/** Closes a request with what was done; a request is closed once. */
	public void close(long siteId, long requestId, @Nullable String outcome, Jurisdiction who) {
		queries.siteToRun(siteId, who);
		String text = SiteRegistry.clean(outcome);
		if (text.length() > 500) {
			throw InvalidInput.of("outcome", messages.get("quarantine.text.tooLong", 500));
		}
		if (!writer.closeCare(siteId, requestId, text.isEmpty() ? null : text, clock.instant(), who.username())) {
			throw new Conflict("state", messages.get("quarantine.care.closed"));
		}
	}

	/** A site's requests: open ones first, then the latest closed. */
	@Transactional(readOnly = true)
	public List<Request> of(long siteId, Jurisdiction who) {
		queries.site(siteId, who);
		return jdbc.sql("""
				SELECT c.*, r.number AS room FROM quarantine_care_request c JOIN quarantine_stay t ON t.id = c.stay_id
				JOIN quarantine_room r ON r.id = t.room_id WHERE c.site_id = ?
				ORDER BY c.state = 'OPEN' DESC, c.created_at DESC, c.id DESC LIMIT 100""")
			.param(siteId)
			.query((rs, i) -> new Request(rs.getLong("id"), rs.getLong("stay_id"), rs.getString("room"),
					Kind.valueOf(rs.getString("kind")), rs.getString("note"), "OPEN".equals(rs.getString("state")),
					rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
					instant(rs.getTimestamp("closed_at")), rs.getString("closed_by"), rs.getString("outcome")))
			.list();
	}

	private static @Nullable Instant instant(@Nullable Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

}
