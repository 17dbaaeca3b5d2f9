package org.gridguard.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gridguard.platform.StoredText;
import org.gridguard.platform.Messages;
import org.gridguard.platform.Notification;
import org.gridguard.platform.Notifications;
import org.gridguard.platform.ListQuery;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.RegionManagement;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 不漏一人: keeps checking, in a few set-based statements, that every active risk person has a responsible grid
 * worker, was verified and put under a measure within the SLA, has a plan as strict as their category requires, has
 * today's checks and tests on schedule, and has not been scanned into a venue while isolated; other modules add their
 * own findings ({@link UnmanagedFindings}). Each finding is a violation that stays open until the cause goes away, and
 * escalates step by step (grid → village → town → city command) while it stays open.
 */
@Service
public class UnmanagedDetector {

	private static final Logger LOG = LoggerFactory.getLogger(UnmanagedDetector.class);

	private static final RowMapper<Violation> ROW = (rs, i) -> new Violation(rs.getLong("id"), rs.getLong("risk_person_id"),
			Violation.Kind.valueOf(rs.getString("kind")), rs.getString("ref"), rs.getString("region_code"),
			rs.getTimestamp("since").toInstant(), rs.getString("detail"), rs.getTimestamp("found_at").toInstant(),
			rs.getInt("escalation_level"),
			rs.getTimestamp("resolved_at") == null ? null : rs.getTimestamp("resolved_at").toInstant());

	/** Parameters: grids without workers (array); now ×5; now − 24 h. */
	private static final String DETECT = """
			INSERT INTO control_detected (risk_person_id, kind, ref, region_code, since, detail)
			SELECT rp.id, 'NO_WORKER', '', rp.region_code, rp.updated_at, NULL
				FROM control_risk_person rp
				WHERE rp.state IN ('PENDING', 'CONTROLLED', 'READY_FOR_RELEASE') AND rp.placement = 'GRID'
				AND rp.region_code = ANY (?::varchar[])
			UNION ALL
			SELECT rp.id, 'UNPLACED', '', rp.region_code, t.ack_due_at, rp.placement_note
				FROM control_risk_person rp JOIN control_task t ON t.risk_person_id = rp.id
				WHERE rp.state = 'PENDING' AND rp.placement = 'QUEUE' AND t.kind = 'VERIFY'
				AND t.state IN ('OPEN', 'ACCEPTED') AND t.ack_due_at < ?
			UNION ALL
			SELECT t.risk_person_id, 'ACK_OVERDUE', t.id::text, t.region_code, t.ack_due_at, NULL
				FROM control_task t JOIN control_risk_person rp ON rp.id = t.risk_person_id
				WHERE t.kind = 'VERIFY' AND t.state = 'OPEN' AND t.ack_due_at < ? AND t.due_at >= ? AND rp.placement = 'GRID'
			UNION ALL
			SELECT t.risk_person_id, 'VERIFY_OVERDUE', t.id::text, t.region_code, t.due_at, NULL
				FROM control_task t
				WHERE t.kind = 'VERIFY' AND t.state IN ('OPEN', 'ACCEPTED') AND t.due_at < ?
			UNION ALL
			SELECT rp.id, 'NOT_FOUND', '', rp.region_code, coalesce(rp.ended_at, rp.updated_at), rp.end_note
				FROM control_risk_person rp WHERE rp.state = 'NOT_FOUND'
			UNION ALL
			SELECT s.risk_person_id, CASE s.slot WHEN 'TEST' THEN 'TEST_OVERDUE' ELSE 'CHECK_MISSING' END,
					s.day || ' ' || s.slot, rp.region_code, s.due_at, NULL
				FROM control_schedule_item s JOIN control_risk_person rp ON rp.id = s.risk_person_id
				WHERE s.done_at IS NULL AND s.due_at < ? AND rp.state IN ('CONTROLLED', 'READY_FOR_RELEASE')
			UNION ALL
			SELECT a.risk_person_id, 'SCANNED_WHILE_ISOLATED', a.id::text, rp.region_code, a.at, a.venue_name
				FROM control_scan_alert a JOIN control_risk_person rp ON rp.id = a.risk_person_id
				WHERE a.at > ? AND rp.state IN ('PENDING', 'CONTROLLED', 'READY_FOR_RELEASE')""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final RegionManagement regions;

	private final Notifications notifications;

	private final Messages messages;

	private final Clock clock;

	private final LoopSettingsStore settings;

	private final DetectedExtras extras;

	UnmanagedDetector(JdbcClient jdbc, JdbcTemplate template, RegionManagement regions, Notifications notifications,
			Messages messages, Clock clock, LoopSettingsStore settings, DetectedExtras extras) {
		this.extras = extras;
		this.jdbc = jdbc;
		this.template = template;
		this.regions = regions;
		this.notifications = notifications;
		this.messages = messages;
		this.clock = clock;
		this.settings = settings;
	}

	/** What a detection run found. */
	public record Run(int open, int opened, int resolved, long millis) {
	}

	/** Finds every violation now, opens the new ones and resolves those whose cause went away. */
	@Transactional
	public Run detect() {
		long start = System.nanoTime();
		Instant now = clock.instant();
		String[] noWorker = regions.gridsWithoutWorkers(Region.CITY_CODE).toArray(String[]::new);
		int[] counts = template.execute((Connection con) -> {
			try (var lock = con.createStatement()) {
				// one detection at a time: two would wait on each other's new rows
				lock.execute("SELECT pg_advisory_xact_lock(7002)");
			}
			try (var create = con.createStatement()) {
				create.execute("""
						CREATE TEMP TABLE IF NOT EXISTS control_detected (risk_person_id bigint, kind varchar(30),
							ref varchar(60), region_code varchar(15) COLLATE "C", since timestamptz, detail varchar(300))
							ON COMMIT DELETE ROWS""");
				create.execute("TRUNCATE control_detected");
			}
			Timestamp ts = Timestamp.from(now);
			try (PreparedStatement ps = con.prepareStatement(DETECT)) {
				ps.setArray(1, con.createArrayOf("varchar", noWorker));
				for (int i = 2; i <= 6; i++) {
					ps.setTimestamp(i, ts);
				}
				ps.setTimestamp(7, Timestamp.from(now.minus(Duration.ofHours(24))));
				ps.executeUpdate();
			}
			extras.insert(con, now);
			int opened;
			try (PreparedStatement ps = con.prepareStatement("""
					INSERT INTO control_violation (risk_person_id, kind, ref, region_code, since, detail, found_at)
					SELECT DISTINCT ON (risk_person_id, kind, ref) risk_person_id, kind, ref, region_code, since, detail, ?
					FROM control_detected ORDER BY risk_person_id, kind, ref, since
					ON CONFLICT (risk_person_id, kind, ref) WHERE resolved_at IS NULL DO NOTHING""")) {
				ps.setTimestamp(1, ts);
				opened = ps.executeUpdate();
			}
			int resolved;
			try (PreparedStatement ps = con.prepareStatement("""
					UPDATE control_violation v SET resolved_at = ? WHERE v.resolved_at IS NULL AND NOT EXISTS (
						SELECT 1 FROM control_detected d WHERE d.risk_person_id = v.risk_person_id AND d.kind = v.kind
						AND d.ref = v.ref)""")) {
				ps.setTimestamp(1, ts);
				resolved = ps.executeUpdate();
			}
			try (var move = con.createStatement()) {
				// a person re-placed in another grid takes their open violations along
				move.executeUpdate("""
						UPDATE control_violation v SET region_code = d.region_code FROM control_detected d
						WHERE v.resolved_at IS NULL AND d.risk_person_id = v.risk_person_id AND d.kind = v.kind
						AND d.ref = v.ref AND v.region_code <> d.region_code""");
			}
			int open;
			try (var count = con.createStatement(); ResultSet rs = count.executeQuery(
					"SELECT count(*) FROM control_violation WHERE resolved_at IS NULL")) {
				rs.next();
				open = rs.getInt(1);
			}
			return new int[] { open, opened, resolved };
		});
		return new Run(counts[0], counts[1], counts[2], (System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * Raises each open violation to the level its age calls for (by default grid at once, village after 1 h, town
	 * after 2 h, city command after 4 h) and tells each newly reached level, one summary per area.
	 */
	@Transactional
	public int escalate() {
		Instant now = clock.instant();
		List<Duration> escalationAfter = settings.settings().escalation();
		// levels in SQL: only the violations that climb come back to the application
		var caseExpr = new StringBuilder("CASE");
		for (int level = escalationAfter.size(); level >= 1; level--) {
			caseExpr.append(" WHEN ? >= since + make_interval(secs => ?) THEN ").append(level);
		}
		caseExpr.append(" ELSE 0 END");
		var params = new ArrayList<Object>();
		for (int level = escalationAfter.size(); level >= 1; level--) {
			params.add(Timestamp.from(now));
			params.add(escalationAfter.get(level - 1).toSeconds());
		}
		params.add(escalationAfter.size());
		params.add(Timestamp.from(now));
		List<Object[]> climbed = jdbc.sql("""
				WITH due AS (
					SELECT id, escalation_level AS old_level, %s AS level
					FROM control_violation WHERE resolved_at IS NULL AND escalation_level < ?),
				changed AS (
					UPDATE control_violation v SET escalation_level = d.level, escalated_at = ?
					FROM due d WHERE v.id = d.id AND d.level > d.old_level
					RETURNING v.id, v.kind, v.ref, v.region_code, d.old_level, d.level),
				tasks AS (
					UPDATE control_task t SET escalation_level = greatest(t.escalation_level, c.level), escalated_at = now()
					FROM changed c WHERE c.kind IN ('VERIFY_OVERDUE', 'ACK_OVERDUE') AND t.id = c.ref::bigint
					RETURNING t.id)
				SELECT kind, region_code, old_level, level FROM changed""".formatted(caseExpr))
			.params(params)
			.query((rs, i) -> new Object[] { rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4) })
			.list();
		Map<String, Map<Violation.Kind, Integer>> summaries = new TreeMap<>();
		for (Object[] c : climbed) {
			Violation.Kind kind = Violation.Kind.valueOf((String) c[0]);
			for (int level = (Integer) c[2] + 1; level <= (Integer) c[3]; level++) {
				String key = level + "|" + recipient(level, (String) c[1]);
				summaries.computeIfAbsent(key, k -> new HashMap<>()).merge(kind, 1, Integer::sum);
			}
		}
		summaries.forEach((key, kinds) -> {
			String[] parts = key.split("\\|");
			int level = Integer.parseInt(parts[0]);
			String audience = parts[1];
			String region = parts[2];
			int total = kinds.values().stream().mapToInt(Integer::intValue).sum();
			String body = String.join("，", kinds.entrySet()
				.stream()
				.map(e -> messages.get("control.violation." + e.getKey()) + " " + e.getValue())
				.toList());
			List<String> phones = "GRID_WORKER".equals(audience) ? regions.workerPhones(region) : List.of();
			notifications.send(Notifications.Draft
				.toAudience(audience, region, level >= 3 ? Notification.Severity.ALERT : Notification.Severity.WARNING,
						StoredText.of("control.notify.unmanaged", total, regions.fullName(region)), body, "/control/unmanaged",
						"control")
				.withDedupeKey("control:escalate:" + key + ":" + now.toEpochMilli())
				.withMobiles(phones));
		});
		if (!climbed.isEmpty()) {
			LOG.info("Escalated {} violation(s) to {} recipient group(s)", climbed.size(), summaries.size());
		}
		return climbed.size();
	}

	/** The escalation level a violation open since {@code since} has reached at {@code now}. */
	static int levelFor(Instant since, Instant now, List<Duration> after) {
		int level = 0;
		for (int l = 1; l <= after.size(); l++) {
			if (!now.isBefore(since.plus(after.get(l - 1)))) {
				level = l;
			}
		}
		return level;
	}

	/** "AUDIENCE|region" that hears about a violation at a level. */
	static String recipient(int level, String region) {
		String village = region.length() >= 12 ? region.substring(0, 12) : region;
		String town = region.length() >= 9 ? region.substring(0, 9) : region;
		switch (level) {
			case 1:
				return region.length() == 15 ? "GRID_WORKER|" + region : recipient(2, region);
			case 2:
				return region.length() >= 12 ? "VILLAGE_OFFICER|" + village : recipient(3, region);
			case 3:
				return region.length() >= 9 ? "TOWN_OFFICER|" + town : recipient(4, region);
			default:
				return "CITY_ADMIN|" + Region.CITY_CODE;
		}
	}

	/** Detection and escalation in one transaction (the temporary table lives only within it). */
	@Scheduled(fixedDelayString = "${gridguard.control.detector-interval:60s}", initialDelayString = "${gridguard.control.detector-delay:20s}")
	@Transactional
	public void scheduled() {
		Run run = detect();
		escalate();
		if (run.opened() > 0 || run.resolved() > 0) {
			LOG.info("Unmanaged detector: {} open, {} new, {} resolved, {} ms", run.open(), run.opened(), run.resolved(),
					run.millis());
		}
	}

	/** Open violations inside a jurisdiction, oldest first. */
	@Transactional(readOnly = true)
	public PageResult<Violation> open(Jurisdiction who, Violation.@org.jspecify.annotations.Nullable Kind kind,
			Paging paging) {
		return openList(who, kind).page(jdbc, paging);
	}

	/** Every open violation of {@link #open}, oldest first (for the export). */
	public ListQuery<Violation> openList(Jurisdiction who, Violation.@org.jspecify.annotations.Nullable Kind kind) {
		String where = " WHERE resolved_at IS NULL AND region_code LIKE ?" + (kind == null ? "" : " AND kind = ?");
		var params = new ArrayList<Object>();
		params.add(who.regionPattern());
		if (kind != null) {
			params.add(kind.name());
		}
		return new ListQuery<>("*", "control_violation" + where, params, "since, id", ROW);
	}

	/** Every open violation inside a jurisdiction (for the API). */
	@Transactional(readOnly = true)
	public List<Violation> allOpen(Jurisdiction who) {
		return jdbc.sql("SELECT * FROM control_violation WHERE resolved_at IS NULL AND region_code LIKE ? ORDER BY since, id")
			.param(who.regionPattern())
			.query(ROW)
			.list();
	}

	@Transactional(readOnly = true)
	public List<Violation> ofRiskPerson(long riskPersonId) {
		return jdbc.sql("SELECT * FROM control_violation WHERE risk_person_id = ? ORDER BY resolved_at IS NULL DESC, since DESC")
			.param(riskPersonId)
			.query(ROW)
			.list();
	}

	@Transactional(readOnly = true)
	public Map<Violation.Kind, Long> openCounts(Jurisdiction who) {
		var counts = new java.util.EnumMap<Violation.Kind, Long>(Violation.Kind.class);
		jdbc.sql("SELECT kind, count(*) FROM control_violation WHERE resolved_at IS NULL AND region_code LIKE ? GROUP BY kind")
			.param(who.regionPattern())
			.query((rs, i) -> counts.put(Violation.Kind.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

}
