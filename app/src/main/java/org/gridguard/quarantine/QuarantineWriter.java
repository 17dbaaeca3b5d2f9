package org.gridguard.quarantine;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one writer of the quarantine module's state. Every state transition is one conditional update whose row count
 * decides (a room is taken only while it has a free bed and nobody of another party in it; a transfer is admitted
 * only while pending; a stay ends once), so that concurrent requests never both succeed.
 */
@Component
class QuarantineWriter {

	private final JdbcClient jdbc;

	QuarantineWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- sites and rooms

	long insertSite(String name, Site.Kind kind, String townCode, String address, @Nullable String operator,
			@Nullable String headName, @Nullable String headPhone, @Nullable String zones, Instant now, String by) {
		return jdbc.sql("""
				INSERT INTO quarantine_site (name, kind, town_code, address, operator, head_name, head_phone, zones,
					created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(name, kind.name(), townCode, address, operator, headName, headPhone, zones, Timestamp.from(now), by)
			.query(Long.class)
			.single();
	}

	void insertRoom(long siteId, NewSite.NewRoom room) {
		jdbc.sql("INSERT INTO quarantine_room (site_id, number, building, floor, beds, kind) VALUES (?, ?, ?, ?, ?, ?)")
			.params(siteId, room.number(), room.building(), room.floor(), room.beds(), String.valueOf(room.kind()))
			.update();
	}

	void setGroup(long siteId, Site.Team team, String leader, @Nullable String phone) {
		jdbc.sql("""
				INSERT INTO quarantine_site_group (site_id, kind, leader_name, leader_phone) VALUES (?, ?, ?, ?)
				ON CONFLICT (site_id, kind) DO UPDATE SET leader_name = excluded.leader_name, leader_phone = excluded.leader_phone""")
			.params(siteId, team.name(), leader, phone)
			.update();
	}

	/**
	 * Takes one bed of a room for a party: only while the room is free, or occupied by the same party with a bed
	 * left. Concurrent takers of the last bed are serialised by the row lock; the loser's condition no longer holds.
	 */
	boolean takeBed(long roomId, String party) {
		return jdbc.sql("""
				UPDATE quarantine_room SET occupants = occupants + 1, state = 'OCCUPIED', party = ?
				WHERE id = ? AND state IN ('FREE', 'OCCUPIED') AND occupants < beds AND (occupants = 0 OR party = ?)""")
			.params(party, roomId, party)
			.update() == 1;
	}

	/** One person leaves a room; the last one out leaves it for terminal disinfection. */
	void leaveRoom(long roomId) {
		jdbc.sql("""
				UPDATE quarantine_room SET occupants = occupants - 1,
					state = CASE WHEN occupants = 1 THEN 'DISINFECTION' ELSE state END,
					party = CASE WHEN occupants = 1 THEN NULL ELSE party END
				WHERE id = ? AND occupants > 0""")
			.param(roomId)
			.update();
	}

	/** Moves a room of a site from one state to another; whether it was in {@code from}. */
	boolean moveRoom(long siteId, long roomId, Site.RoomState from, Site.RoomState to) {
		return jdbc.sql("UPDATE quarantine_room SET state = ? WHERE id = ? AND site_id = ? AND state = ? AND occupants = 0")
			.params(to.name(), roomId, siteId, from.name())
			.update() == 1;
	}

	// ---- transfers

	/**
	 * Opens a transfer order unless the person already has a pending one, already has one for this measure, or is
	 * staying at a site.
	 */
	Optional<Long> openTransfer(long riskPersonId, long personId, String regionCode, Instant measureAt, Instant now,
			Instant due) {
		return jdbc.sql("""
				INSERT INTO quarantine_transfer (risk_person_id, person_id, region_code, state, measure_at, created_at, due_at)
				SELECT ?, ?, ?, 'PENDING', ?, ?, ?
				WHERE NOT EXISTS (SELECT 1 FROM quarantine_stay WHERE risk_person_id = ? AND state = 'IN')
				ON CONFLICT DO NOTHING RETURNING id""")
			.params(riskPersonId, personId, regionCode, Timestamp.from(measureAt), Timestamp.from(now), Timestamp.from(due),
					riskPersonId)
			.query(Long.class)
			.optional();
	}

	boolean dispatch(long transferId, @Nullable Long siteId, @Nullable String vehicle, @Nullable String escort) {
		return jdbc.sql("UPDATE quarantine_transfer SET site_id = ?, vehicle = ?, escort = ? WHERE id = ? AND state = 'PENDING'")
			.params(siteId, vehicle, escort, transferId)
			.update() == 1;
	}

	/** Claims a pending transfer for an admission at a site. */
	boolean admitTransfer(long transferId, long siteId, Instant now, String by) {
		return jdbc.sql("""
				UPDATE quarantine_transfer SET state = 'ADMITTED', site_id = ?, ended_at = ?, ended_by = ?
				WHERE id = ? AND state = 'PENDING'""")
			.params(siteId, Timestamp.from(now), by, transferId)
			.update() == 1;
	}

	/** Cancels a risk person's pending transfer; the number cancelled (0 or 1). */
	int cancelPending(long riskPersonId, String reason, Instant now, String by) {
		return jdbc.sql("""
				UPDATE quarantine_transfer SET state = 'CANCELLED', ended_at = ?, ended_by = ?, end_reason = ?
				WHERE risk_person_id = ? AND state = 'PENDING'""")
			.params(Timestamp.from(now), by, reason, riskPersonId)
			.update();
	}

	// ---- stays

	long insertStay(@Nullable Long transferId, long riskPersonId, long personId, String regionCode, long siteId,
			long roomId, Instant now, String by, @Nullable LocalDate plannedRelease) {
		return jdbc.sql("""
				INSERT INTO quarantine_stay (transfer_id, risk_person_id, person_id, region_code, site_id, room_id, state,
					admitted_at, admitted_by, planned_release_on)
				VALUES (?, ?, ?, ?, ?, ?, 'IN', ?, ?, ?) RETURNING id""")
			.params(transferId, riskPersonId, personId, regionCode, siteId, roomId, Timestamp.from(now), by,
					plannedRelease == null ? null : Date.valueOf(plannedRelease))
			.query(Long.class)
			.single();
	}

	/** Ends a stay that is still in; whether it was. */
	boolean endStay(long stayId, Stay.State to, Instant now, String by) {
		return jdbc.sql("UPDATE quarantine_stay SET state = ?, ended_at = ?, ended_by = ? WHERE id = ? AND state = 'IN'")
			.params(to.name(), Timestamp.from(now), by, stayId)
			.update() == 1;
	}

	void handedOver(long stayId, boolean handedOver) {
		jdbc.sql("UPDATE quarantine_stay SET handed_over = ? WHERE id = ?").params(handedOver, stayId).update();
	}

	void recordSample(long stayId, ReleaseGate.SampleKind kind, String result, LocalDate on, Instant now, String by) {
		jdbc.sql("""
				INSERT INTO quarantine_sample (stay_id, kind, result, sampled_on, recorded_at, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (stay_id, kind) DO UPDATE SET result = excluded.result, sampled_on = excluded.sampled_on,
					recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by""")
			.params(stayId, kind.name(), result, Date.valueOf(on), Timestamp.from(now), by)
			.update();
	}

	// ---- staff

	long insertStaff(long siteId, String name, Site.Team team, int ppeLevel, Instant now) {
		return jdbc.sql("INSERT INTO quarantine_staff (site_id, name, team, ppe_level, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id")
			.params(siteId, name, team.name(), ppeLevel, Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	boolean staffTested(long siteId, long staffId, LocalDate on) {
		return jdbc.sql("""
				UPDATE quarantine_staff SET last_test_on = greatest(coalesce(last_test_on, ?), ?)
				WHERE id = ? AND site_id = ? AND active""")
			.params(Date.valueOf(on), Date.valueOf(on), staffId, siteId)
			.update() == 1;
	}

	boolean staffShift(long siteId, long staffId, @Nullable LocalDate from, @Nullable LocalDate until) {
		return jdbc.sql("UPDATE quarantine_staff SET shift_from = ?, shift_until = ? WHERE id = ? AND site_id = ? AND active")
			.params(from == null ? null : Date.valueOf(from), until == null ? null : Date.valueOf(until), staffId, siteId)
			.update() == 1;
	}

	boolean staffPpe(long siteId, long staffId, Site.Team team, int level) {
		return jdbc.sql("UPDATE quarantine_staff SET team = ?, ppe_level = ? WHERE id = ? AND site_id = ? AND active")
			.params(team.name(), level, staffId, siteId)
			.update() == 1;
	}

	boolean staffLeaves(long siteId, long staffId) {
		return jdbc.sql("UPDATE quarantine_staff SET active = false WHERE id = ? AND site_id = ? AND active")
			.params(staffId, siteId)
			.update() == 1;
	}

	// ---- care

	long insertCare(long stayId, long siteId, Care.Kind kind, @Nullable String note, Instant now, String by) {
		return jdbc.sql("""
				INSERT INTO quarantine_care_request (stay_id, site_id, kind, note, state, created_at, created_by)
				VALUES (?, ?, ?, ?, 'OPEN', ?, ?) RETURNING id""")
			.params(stayId, siteId, kind.name(), note, Timestamp.from(now), by)
			.query(Long.class)
			.single();
	}

	boolean closeCare(long siteId, long requestId, @Nullable String outcome, Instant now, String by) {
		return jdbc.sql("""
				UPDATE quarantine_care_request SET state = 'DONE', closed_at = ?, closed_by = ?, outcome = ?
				WHERE id = ? AND site_id = ? AND state = 'OPEN'""")
			.params(Timestamp.from(now), by, outcome, requestId, siteId)
			.update() == 1;
	}

}
