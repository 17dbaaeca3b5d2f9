package org.gridguard.venue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gridguard.platform.AuditLog;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.status.FactKind;
import org.gridguard.status.StatusManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The list of risk areas the city admin keeps, and visitors' declarations of a recent stay in one: a declaration
 * becomes a status fact (HIGH/MID/LOW_RISK_AREA) for the declaration window, so the status rules decide the colour.
 */
@Service
@Transactional
public class RiskAreas {

	private static final RowMapper<RiskArea> ROW = (rs, i) -> new RiskArea(rs.getLong("id"), rs.getString("name"),
			rs.getString("level"), rs.getObject("since", LocalDate.class),
			rs.getTimestamp("ended_at") == null ? null : rs.getTimestamp("ended_at").toInstant());

	private final JdbcClient jdbc;

	private final StatusManagement status;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	private final VenueProperties properties;

	RiskAreas(JdbcClient jdbc, StatusManagement status, AuditLog audit, Messages messages, Clock clock,
			VenueProperties properties) {
		this.jdbc = jdbc;
		this.status = status;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
		this.properties = properties;
	}

	/** Areas currently listed, highest level first. */
	@Transactional(readOnly = true)
	public List<RiskArea> listed() {
		return jdbc.sql("SELECT * FROM venue_risk_area WHERE ended_at IS NULL ORDER BY level = 'LOW', level = 'MID', name")
			.query(ROW)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<RiskArea> find(long id) {
		return jdbc.sql("SELECT * FROM venue_risk_area WHERE id = ?").param(id).query(ROW).optional();
	}

	public RiskArea add(@Nullable String name, @Nullable String level, @Nullable LocalDate since, String by) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > 100) {
			throw InvalidInput.of("name", messages.get("venue.risk.name.invalid"));
		}
		if (!"HIGH".equals(level) && !"MID".equals(level) && !"LOW".equals(level)) {
			throw InvalidInput.of("level", messages.get("venue.risk.level.invalid"));
		}
		LocalDate from = since == null ? LocalDate.now(clock) : since;
		long id = jdbc.sql("INSERT INTO venue_risk_area (name, level, since, created_at, created_by) VALUES (?, ?, ?, ?, ?) RETURNING id")
			.params(clean, level, Date.valueOf(from), Timestamp.from(clock.instant()), by)
			.query(Long.class)
			.single();
		audit.record("VENUE_RISK_AREA_ADD", "venue_risk_area", String.valueOf(id), level + " · " + clean);
		return find(id).orElseThrow();
	}

	public void end(long id) {
		RiskArea area = find(id).orElseThrow(() -> new NotFound("risk area " + id));
		jdbc.sql("UPDATE venue_risk_area SET ended_at = ? WHERE id = ? AND ended_at IS NULL")
			.params(Timestamp.from(clock.instant()), id)
			.update();
		audit.record("VENUE_RISK_AREA_END", "venue_risk_area", String.valueOf(id), area.name());
	}

	/**
	 * Records that persons declared a recent stay in a listed area: a status fact for each, valid for the declaration
	 * window. Returns the area, or throws when it is not listed.
	 */
	public RiskArea declare(long[] personIds, long areaId) {
		RiskArea area = find(areaId).filter(a -> a.endedAt() == null)
			.orElseThrow(() -> InvalidInput.of("riskArea", messages.get("venue.risk.unknown")));
		FactKind kind = switch (area.level()) {
			case "HIGH" -> FactKind.HIGH_RISK_AREA;
			case "MID" -> FactKind.MID_RISK_AREA;
			default -> FactKind.LOW_RISK_AREA;
		};
		Instant now = clock.instant();
		for (long personId : personIds) {
			status.assertFact(personId, kind, "venue:risk-area:" + areaId, area.name(), now,
					now.plus(properties.declarationValidity()));
		}
		return area;
	}

}
