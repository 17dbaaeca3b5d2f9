package org.gridguard.quarantine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gridguard.platform.NotFound;
import org.gridguard.platform.ListQuery;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the quarantine module, each inside the caller's reach: sites by {@link Jurisdiction#seesSite}, stays at
 * the sites the caller sees, transfers of the persons in the caller's region or sent to the caller's own site.
 */
@Service
@Transactional(readOnly = true)
public class SiteQueries {

	static final String SITE_COLUMNS = """
			s.*, coalesce(r.rooms, 0) AS rooms, coalesce(r.beds, 0) AS beds, coalesce(r.occupied, 0) AS occupied,
			coalesce(r.free, 0) AS free, coalesce(r.disinfection, 0) AS disinfection, coalesce(r.out_of_service, 0) AS out_of_service,
			coalesce(r.residents, 0) AS residents""";

	static final String SITE_FROM = """
			quarantine_site s LEFT JOIN LATERAL (SELECT count(*) AS rooms, sum(beds) AS beds,
				count(*) FILTER (WHERE state = 'OCCUPIED') AS occupied, count(*) FILTER (WHERE state = 'FREE') AS free,
				count(*) FILTER (WHERE state = 'DISINFECTION') AS disinfection,
				count(*) FILTER (WHERE state = 'OUT_OF_SERVICE') AS out_of_service, sum(occupants) AS residents
				FROM quarantine_room WHERE site_id = s.id) r ON true""";

	static final RowMapper<Site> SITE = (rs, i) -> new Site(rs.getLong("id"), rs.getString("name"),
			Site.Kind.valueOf(rs.getString("kind")), rs.getString("town_code"), rs.getString("address"),
			rs.getString("operator"), rs.getString("head_name"), rs.getString("head_phone"), rs.getString("zones"),
			rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(), rs.getInt("rooms"), rs.getInt("beds"),
			rs.getInt("occupied"), rs.getInt("free"), rs.getInt("disinfection"), rs.getInt("out_of_service"),
			rs.getInt("residents"));

	static final RowMapper<Site.Room> ROOM = (rs, i) -> new Site.Room(rs.getLong("id"), rs.getLong("site_id"),
			rs.getString("number"), rs.getString("building"), rs.getObject("floor", Integer.class), rs.getInt("beds"),
			Site.RoomKind.valueOf(rs.getString("kind")), Site.RoomState.valueOf(rs.getString("state")),
			rs.getInt("occupants"));

	static final RowMapper<Transfer> TRANSFER = (rs, i) -> new Transfer(rs.getLong("id"), rs.getLong("risk_person_id"),
			rs.getLong("person_id"), rs.getString("region_code"), Transfer.State.valueOf(rs.getString("state")),
			rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("due_at").toInstant(),
			rs.getObject("site_id", Long.class), rs.getString("vehicle"), rs.getString("escort"),
			instant(rs.getTimestamp("ended_at")), rs.getString("end_reason"));

	static final String STAY_COLUMNS = "t.*, r.number AS room";

	static final RowMapper<Stay> STAY = SiteQueries::stayRow;

	private final JdbcClient jdbc;

	private final Clock clock;

	SiteQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	// ---- sites

	/** The sites the caller sees, optionally inside a region (by the site's town), by town and name. */
	public List<Site> sites(Jurisdiction who, @Nullable String region) {
		return allSites(region).stream().filter(s -> who.seesSite(s.id(), s.townCode())).toList();
	}

	/** Every site of {@link #sites}, in the same order (for its export). */
	public ListQuery<Site> siteList(Jurisdiction who, @Nullable String region) {
		String prefix = region == null || region.isBlank() ? "" : region.strip();
		return new ListQuery<>(SITE_COLUMNS, SITE_FROM + " WHERE s.town_code LIKE ? AND s.id = ANY (?)",
				List.of(prefix + "%", sites(who, region).stream().map(Site::id).toArray(Long[]::new)),
				"s.town_code, s.name, s.id", SITE);
	}

	List<Site> allSites(@Nullable String region) {
		String prefix = region == null || region.isBlank() ? "" : region.strip();
		return jdbc.sql("SELECT " + SITE_COLUMNS + " FROM " + SITE_FROM + " WHERE s.town_code LIKE ? ORDER BY s.town_code, s.name, s.id")
			.param(prefix + "%")
			.query(SITE)
			.list();
	}

	/** A site the caller sees, or 404. */
	public Site site(long id, Jurisdiction who) {
		return find(id).filter(s -> who.seesSite(s.id(), s.townCode())).orElseThrow(() -> new NotFound("site " + id));
	}

	/** A site the caller runs (its staff, the city command), or 404. */
	public Site siteToRun(long id, Jurisdiction who) {
		Site site = site(id, who);
		if (!who.runsSite(id)) {
			throw new NotFound("site " + id);
		}
		return site;
	}

	java.util.Optional<Site> find(long id) {
		return jdbc.sql("SELECT " + SITE_COLUMNS + " FROM " + SITE_FROM + " WHERE s.id = ?").param(id).query(SITE).optional();
	}

	public List<Site.Room> rooms(long siteId) {
		return jdbc.sql("SELECT * FROM quarantine_room WHERE site_id = ? ORDER BY building NULLS FIRST, floor NULLS FIRST, number, id")
			.param(siteId)
			.query(ROOM)
			.list();
	}

	public List<Site.Group> groups(long siteId) {
		return jdbc.sql("SELECT * FROM quarantine_site_group WHERE site_id = ?")
			.param(siteId)
			.query((rs, i) -> new Site.Group(Site.Team.valueOf(rs.getString("kind")), rs.getString("leader_name"),
					rs.getString("leader_phone")))
			.list()
			.stream()
			.sorted(java.util.Comparator.comparing(Site.Group::team))
			.toList();
	}

	/** Ids of the sites the caller sees (for lists of stays). */
	List<Long> visibleSiteIds(Jurisdiction who) {
		return sites(who, null).stream().map(Site::id).toList();
	}

	// ---- transfers

	/** Filters for transfer lists; empty criteria match everything. */
	public record TransferFilter(Transfer.@Nullable State state, boolean overdue, @Nullable String region) {
	}

	/**
	 * Transfers of the persons in the caller's region, or sent to the caller's own site: pending ones the most urgent
	 * first, then the others the latest first.
	 */
	public PageResult<Transfer> transfers(TransferFilter filter, Jurisdiction who, Paging paging) {
		return transferList(filter, who).page(jdbc, paging);
	}

	/** Every transfer of {@link #transfers} with this filter, in the list's order (for its export). */
	public ListQuery<Transfer> transferList(TransferFilter filter, Jurisdiction who) {
		var params = new ArrayList<Object>();
		String where = transferWhere(filter, who, params);
		return new ListQuery<>("*", "quarantine_transfer" + where, params,
				"state = 'PENDING' DESC, CASE WHEN state = 'PENDING' THEN due_at END, coalesce(ended_at, created_at) DESC, id DESC",
				TRANSFER);
	}

	String transferWhere(TransferFilter filter, Jurisdiction who, List<Object> params) {
		var where = new StringBuilder(" WHERE (region_code LIKE ? OR site_id = ?)");
		params.add(who.regionPattern());
		params.add(who.workSite() == null ? -1L : who.workSite());
		if (filter.state() != null) {
			where.append(" AND state = ?");
			params.add(filter.state().name());
		}
		if (filter.overdue()) {
			where.append(" AND state = 'PENDING' AND due_at < ?");
			params.add(Timestamp.from(clock.instant()));
		}
		if (filter.region() != null && !filter.region().isBlank()) {
			where.append(" AND region_code LIKE ?");
			params.add(filter.region().strip() + "%");
		}
		return where.toString();
	}

	/** A transfer of a person in the caller's region, or sent to the caller's own site; 404 otherwise. */
	public Transfer transfer(long id, Jurisdiction who) {
		Transfer transfer = findTransfer(id).orElseThrow(() -> new NotFound("transfer " + id));
		boolean ownSite = transfer.siteId() != null && transfer.siteId().equals(who.workSite());
		if (!who.covers(transfer.regionCode()) && !ownSite) {
			throw new NotFound("transfer " + id);
		}
		return transfer;
	}

	java.util.Optional<Transfer> findTransfer(long id) {
		return jdbc.sql("SELECT * FROM quarantine_transfer WHERE id = ?").param(id).query(TRANSFER).optional();
	}

	/** The transfer orders of a risk person, newest first. */
	public List<Transfer> transfersOf(long riskPersonId) {
		return jdbc.sql("SELECT * FROM quarantine_transfer WHERE risk_person_id = ? ORDER BY created_at DESC, id DESC")
			.param(riskPersonId)
			.query(TRANSFER)
			.list();
	}

	// ---- stays

	/** Filters for stay lists. */
	public record StayFilter(@Nullable Long siteId, Stay.@Nullable State state, @Nullable String region) {
	}

	/** Stays at the sites the caller sees, the newest admission first. */
	public PageResult<Stay> stays(StayFilter filter, Jurisdiction who, Paging paging) {
		return stayList(filter, who).page(jdbc, paging);
	}

	/** Every stay of {@link #stays} with this filter, the newest admission first (for its export). */
	public ListQuery<Stay> stayList(StayFilter filter, Jurisdiction who) {
		var params = new ArrayList<Object>();
		String from = stayFrom(filter, visibleSiteIds(who), params);
		return new ListQuery<>(STAY_COLUMNS, from, params, "t.admitted_at DESC, t.id DESC", STAY);
	}

	String stayFrom(StayFilter filter, List<Long> siteIds, List<Object> params) {
		var where = new StringBuilder("quarantine_stay t JOIN quarantine_room r ON r.id = t.room_id "
				+ "JOIN quarantine_site s ON s.id = t.site_id WHERE t.site_id = ANY (?)");
		params.add(siteIds.toArray(Long[]::new));
		if (filter.siteId() != null) {
			where.append(" AND t.site_id = ?");
			params.add(filter.siteId());
		}
		if (filter.state() != null) {
			where.append(" AND t.state = ?");
			params.add(filter.state().name());
		}
		if (filter.region() != null && !filter.region().isBlank()) {
			where.append(" AND s.town_code LIKE ?");
			params.add(filter.region().strip() + "%");
		}
		return where.toString();
	}

	/** A stay at a site the caller sees, or 404. */
	public Stay stay(long id, Jurisdiction who) {
		Stay stay = findStay(id).orElseThrow(() -> new NotFound("stay " + id));
		site(stay.siteId(), who);
		return stay;
	}

	java.util.Optional<Stay> findStay(long id) {
		return jdbc.sql("SELECT " + STAY_COLUMNS + " FROM quarantine_stay t JOIN quarantine_room r ON r.id = t.room_id WHERE t.id = ?")
			.param(id)
			.query(STAY)
			.optional();
	}

	/** The stay of a risk person at a site now, if any. */
	public java.util.Optional<Stay> currentStay(long riskPersonId) {
		return jdbc.sql("SELECT " + STAY_COLUMNS + " FROM quarantine_stay t JOIN quarantine_room r ON r.id = t.room_id "
				+ "WHERE t.risk_person_id = ? AND t.state = 'IN'")
			.param(riskPersonId)
			.query(STAY)
			.optional();
	}

	/** Everyone staying at a site now, by room. */
	public List<Stay> residents(long siteId) {
		return jdbc.sql("SELECT " + STAY_COLUMNS + " FROM quarantine_stay t JOIN quarantine_room r ON r.id = t.room_id "
				+ "WHERE t.site_id = ? AND t.state = 'IN' ORDER BY r.building NULLS FIRST, r.floor NULLS FIRST, r.number, t.id")
			.param(siteId)
			.query(STAY)
			.list();
	}

	/** The release samples of a stay: {@code PERSON}, {@code OBJECTS}, {@code ROOM} → {@code NEGATIVE}/{@code POSITIVE}. */
	public Map<String, String> sampleResults(long stayId) {
		var results = new java.util.HashMap<String, String>();
		samples(stayId).forEach((k, v) -> results.put(k.name(), v));
		return results;
	}

	/** The release samples of a stay (person, objects, room): kind → result. */
	Map<ReleaseGate.SampleKind, String> samples(long stayId) {
		var samples = new EnumMap<ReleaseGate.SampleKind, String>(ReleaseGate.SampleKind.class);
		jdbc.sql("SELECT kind, result FROM quarantine_sample WHERE stay_id = ?")
			.param(stayId)
			.query((rs, i) -> samples.put(ReleaseGate.SampleKind.valueOf(rs.getString(1)), rs.getString(2)))
			.list();
		return samples;
	}

	// ---- by day

	/** Admissions and releases of one day at the sites listed. */
	public record Day(LocalDate day, long admitted, long released) {
	}

	/** Admissions and releases by day over the last {@code days} days (today last). */
	public List<Day> byDay(List<Long> siteIds, int days) {
		LocalDate today = LocalDate.now(clock);
		var result = new ArrayList<Day>();
		Long[] ids = siteIds.toArray(Long[]::new);
		for (int d = days - 1; d >= 0; d--) {
			LocalDate day = today.minusDays(d);
			Timestamp from = Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
			Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
			long admitted = jdbc.sql("SELECT count(*) FROM quarantine_stay WHERE site_id = ANY (?) AND admitted_at >= ? AND admitted_at < ?")
				.params(ids, from, to)
				.query(Long.class)
				.single();
			long released = jdbc.sql("SELECT count(*) FROM quarantine_stay WHERE site_id = ANY (?) AND state = 'RELEASED' "
					+ "AND ended_at >= ? AND ended_at < ?")
				.params(ids, from, to)
				.query(Long.class)
				.single();
			result.add(new Day(day, admitted, released));
		}
		return result;
	}

	private static Stay stayRow(ResultSet rs, int i) throws SQLException {
		return new Stay(rs.getLong("id"), rs.getObject("transfer_id", Long.class), rs.getLong("risk_person_id"),
				rs.getLong("person_id"), rs.getString("region_code"), rs.getLong("site_id"), rs.getLong("room_id"),
				rs.getString("room"), Stay.State.valueOf(rs.getString("state")), rs.getTimestamp("admitted_at").toInstant(),
				rs.getString("admitted_by"), rs.getObject("planned_release_on", LocalDate.class),
				instant(rs.getTimestamp("ended_at")), rs.getString("ended_by"), rs.getObject("handed_over", Boolean.class));
	}

	static @Nullable Instant instant(@Nullable Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

}
