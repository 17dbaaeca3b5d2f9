package org.gridguard.tracing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gridguard.region.Jurisdiction;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The venue notices that investigations issued (a crowded venue told by notice instead of door to door), for modules
 * that publish them further. Only the venue and the time window: never who was there or how many. A caller sees the
 * notices of the investigations it may see ({@link InvestigationManagement#list}).
 */
@Service
@Transactional(readOnly = true)
public class VenueNotices {

	private static final RowMapper<VenueNotice> ROW = (rs, i) -> new VenueNotice(rs.getLong("id"),
			rs.getLong("investigation_id"), rs.getLong("venue_id"), rs.getTimestamp("window_from").toInstant(),
			rs.getTimestamp("window_to").toInstant(), rs.getTimestamp("issued_at").toInstant());

	private static final String VISIBLE = """
			(? OR i.case_region LIKE ? OR EXISTS (SELECT 1 FROM tracing_candidate c
				WHERE c.investigation_id = i.id AND c.region_code LIKE ?))""";

	private final JdbcClient jdbc;

	VenueNotices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One venue notice: the visitors of {@code venueId} between {@code windowFrom} and {@code windowTo} were told of the
	 * health risk at {@code issuedAt}.
	 */
	public record VenueNotice(long id, long investigationId, long venueId, Instant windowFrom, Instant windowTo,
			Instant issuedAt) {
	}

	/** The latest venue notices the caller may see, newest first. */
	public List<VenueNotice> recent(Jurisdiction who, int limit) {
		return jdbc.sql("SELECT n.* FROM tracing_venue_notice n JOIN tracing_investigation i ON i.id = n.investigation_id"
				+ " WHERE " + VISIBLE + " ORDER BY n.issued_at DESC, n.id DESC LIMIT ?")
			.params(who.isCityWide(), who.regionPattern(), who.regionPattern(), limit)
			.query(ROW)
			.list();
	}

	/** A venue notice, if the caller may see it. */
	public Optional<VenueNotice> find(long id, Jurisdiction who) {
		return jdbc.sql("SELECT n.* FROM tracing_venue_notice n JOIN tracing_investigation i ON i.id = n.investigation_id"
				+ " WHERE n.id = ? AND " + VISIBLE)
			.params(id, who.isCityWide(), who.regionPattern(), who.regionPattern())
			.query(ROW)
			.optional();
	}

}
