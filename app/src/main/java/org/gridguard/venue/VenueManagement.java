package org.gridguard.venue;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.gridguard.account.AccountManagement;
import org.gridguard.account.NewAccount;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.ListQuery;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.RegionManagement;
import org.gridguard.region.Role;
import org.gridguard.responsibility.FourParties;
import org.gridguard.responsibility.ResponsibilityManagement;
import org.gridguard.responsibility.Subject;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.gridguard.shared.PhoneNumber;
import org.gridguard.shared.Sector;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers venues with their four parties, issues, replaces and revokes their codes, puts special places under closed
 * management, and reads venues and their visitor logs inside the caller's jurisdiction (404 outside it).
 */
@Service
@Transactional
public class VenueManagement {

	/** Crockford-like alphabet without 0/O, 1/I/L, so that a code read aloud or typed is unambiguous. */
	private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	static final String COLUMNS = "v.id, v.name, v.category, v.region_code, v.address, v.capacity, v.sector, "
			+ "v.unit_name, v.unit_contact, v.unit_phone, v.manager_name, v.manager_phone, v.closure, v.closure_reason, "
			+ "v.closure_since, v.active, (SELECT c.code FROM venue_code c WHERE c.venue_id = v.id AND c.revoked_at IS NULL) AS code";

	static final RowMapper<Venue> VENUE = (rs, i) -> new Venue(rs.getLong("id"), rs.getString("name"),
			VenueCategory.valueOf(rs.getString("category")), rs.getString("region_code"), rs.getString("address"),
			rs.getObject("capacity", Integer.class), Sector.valueOf(rs.getString("sector")), rs.getString("unit_name"),
			rs.getString("unit_contact"), rs.getString("unit_phone"), rs.getString("manager_name"),
			rs.getString("manager_phone"), Closure.valueOf(rs.getString("closure")), rs.getString("closure_reason"),
			rs.getTimestamp("closure_since") == null ? null : rs.getTimestamp("closure_since").toInstant(),
			rs.getBoolean("active"), rs.getString("code"));

	private static final RowMapper<VenueCode> CODE = (rs, i) -> new VenueCode(rs.getString("code"),
			rs.getLong("venue_id"), rs.getTimestamp("issued_at").toInstant(), rs.getString("issued_by"),
			rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(),
			rs.getString("revoked_by"));

	private final JdbcClient jdbc;

	private final RegionManagement regions;

	private final ResponsibilityManagement responsibility;

	private final AccountManagement accounts;

	private final PersonManagement persons;

	private final VenueRegistry registry;

	private final AuditLog audit;

	private final Messages messages;

	private final MessageSource source;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	VenueManagement(JdbcClient jdbc, RegionManagement regions, ResponsibilityManagement responsibility,
			AccountManagement accounts, PersonManagement persons, VenueRegistry registry, AuditLog audit,
			Messages messages, MessageSource source, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.responsibility = responsibility;
		this.accounts = accounts;
		this.persons = persons;
		this.registry = registry;
		this.audit = audit;
		this.messages = messages;
		this.source = source;
		this.clock = clock;
	}

	// ---- registering

	/**
	 * Registers a venue, issues its first code and records its four parties (属地 = its region, 部门 = its sector,
	 * 单位 = the operator, 个人 = the manager). Every problem of the input is reported at once, by field.
	 */
	public Venue register(NewVenue input, Jurisdiction who) {
		var problems = new ArrayList<FieldProblem>();
		String name = clean(input.name());
		if (name.isEmpty() || name.length() > 100) {
			problems.add(messages.problem("name", "venue.name.invalid"));
		}
		VenueCategory category = category(input.category());
		if (category == null) {
			problems.add(messages.problem("category", "venue.category.invalid"));
		}
		Sector sector = null;
		String sectorText = clean(input.sector());
		if (!sectorText.isEmpty()) {
			try {
				sector = Sector.valueOf(sectorText);
			}
			catch (IllegalArgumentException ex) {
				problems.add(messages.problem("sector", "venue.sector.invalid"));
			}
		}
		else if (category != null) {
			sector = category.sector();
		}
		String regionCode = clean(input.regionCode());
		Optional<Region> region = regionCode.isEmpty() ? Optional.empty() : regions.find(regionCode);
		if (region.isEmpty() || !region.get().active() || regionCode.length() < 9) {
			problems.add(messages.problem("regionCode", "venue.region.unknown"));
		}
		else if (sector != null && !VenueAccess.registers(who, regionCode, sector)) {
			problems.add(messages.problem("regionCode", "venue.region.outside"));
		}
		String address = clean(input.address());
		if (address.isEmpty() || address.length() > 200) {
			problems.add(messages.problem("address", "venue.address.invalid"));
		}
		if (input.capacity() != null && (input.capacity() < 1 || input.capacity() > 1_000_000)) {
			problems.add(messages.problem("capacity", "venue.capacity.invalid"));
		}
		String managerName = clean(input.managerName());
		if (managerName.isEmpty() || managerName.length() > 60) {
			problems.add(messages.problem("managerName", "venue.managerName.invalid"));
		}
		String managerPhone = phone(input.managerPhone(), "managerPhone", true, problems);
		String unitName = optional(input.unitName(), 200, "unitName", problems);
		String unitContact = optional(input.unitContact(), 60, "unitContact", problems);
		String unitPhone = phone(input.unitPhone(), "unitPhone", false, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Timestamp now = Timestamp.from(clock.instant());
		long id = jdbc.sql("""
				INSERT INTO venue (name, category, region_code, address, capacity, sector, unit_name, unit_contact,
					unit_phone, manager_name, manager_phone, created_at, created_by, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(name, category.name(), regionCode, address, input.capacity(), sector.name(), unitName, unitContact,
					unitPhone, managerName, managerPhone, now, who.username(), now)
			.query(Long.class)
			.single();
		issueCode(id, who.username());
		responsibility.assign(Subject.venue(id), name, new FourParties(regionCode, sector,
				unitName == null ? name : unitName, unitContact, unitPhone, managerName, managerPhone), who.username());
		audit.record("VENUE_REGISTER", "venue", String.valueOf(id), name + " · " + category);
		registry.reloadAfterCommit();
		return find(id).orElseThrow();
	}

	/** A category by its name or its Chinese label; {@code null} when neither. */
	@Nullable VenueCategory category(@Nullable String text) {
		String t = clean(text);
		if (t.isEmpty()) {
			return null;
		}
		for (VenueCategory c : VenueCategory.values()) {
			if (c.name().equalsIgnoreCase(t)
					|| t.equals(source.getMessage(c.messageKey(), null, "", Locale.SIMPLIFIED_CHINESE))) {
				return c;
			}
		}
		return null;
	}

	// ---- reading

	@Transactional(readOnly = true)
	public Optional<Venue> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM venue v WHERE v.id = ?").param(id).query(VENUE).optional();
	}

	/** A venue the caller sees, or 404. */
	@Transactional(readOnly = true)
	public Venue get(long id, Jurisdiction who) {
		return find(id).filter(v -> VenueAccess.sees(who, v)).orElseThrow(() -> new NotFound("venue " + id));
	}

	/** A venue the caller runs (codes, roster, desk, closure), or 404. */
	@Transactional(readOnly = true)
	public Venue getToRun(long id, Jurisdiction who) {
		return find(id).filter(v -> VenueAccess.runs(who, v)).orElseThrow(() -> new NotFound("venue " + id));
	}

	/** Whether the caller may run a venue they see. */
	public boolean runs(Venue venue, Jurisdiction who) {
		return VenueAccess.runs(who, venue);
	}

	/** Whether the caller may register venues at all. */
	public boolean mayRegister(Jurisdiction who) {
		return who.mayRegisterVenues();
	}

	/** Venues the caller sees, filtered, in region and name order. */
	@Transactional(readOnly = true)
	public PageResult<Venue> search(Jurisdiction who, VenueQuery query, Paging paging) {
		return searchList(who, query).page(jdbc, paging);
	}

	/** Every venue of {@link #search} with this query, in the list's order (for its export). */
	public ListQuery<Venue> searchList(Jurisdiction who, VenueQuery query) {
		var params = new ArrayList<Object>();
		var where = new StringBuilder(" WHERE ").append(VenueAccess.condition(who, params));
		String text = clean(query.text());
		if (!text.isEmpty()) {
			where.append(" AND (v.name LIKE ? OR v.address LIKE ? OR EXISTS (SELECT 1 FROM venue_code c WHERE c.venue_id = v.id AND c.code = ?))");
			String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			params.add(like);
			params.add(like);
			params.add(text.toUpperCase(Locale.ROOT));
		}
		VenueCategory category = category(query.category());
		if (category != null) {
			where.append(" AND v.category = ?");
			params.add(category.name());
		}
		String region = clean(query.region());
		if (!region.isEmpty()) {
			where.append(" AND v.region_code LIKE ?");
			params.add(region + "%");
		}
		String closure = clean(query.closure());
		if (!closure.isEmpty()) {
			where.append(" AND v.closure = ?");
			params.add(closure);
		}
		return new ListQuery<>(COLUMNS, "venue v" + where, params, "v.region_code, v.name, v.id", VENUE);
	}

	/** Several venues by id, for other modules' figures (no access check: callers filter by region themselves). */
	@Transactional(readOnly = true)
	public Map<Long, Venue> findAll(java.util.Collection<Long> ids) {
		var result = new java.util.HashMap<Long, Venue>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT " + COLUMNS + " FROM venue v WHERE v.id = ANY (?::bigint[])")
				.param(ids.toArray(Long[]::new))
				.query(VENUE)
				.list()
				.forEach(v -> result.put(v.id(), v));
		}
		return result;
	}

	/** Check-ins stored per venue with arrival on {@code day} (city time zone): venue id → number. */
	@Transactional(readOnly = true)
	public Map<Long, Long> checkInsPerVenue(LocalDate day) {
		var result = new java.util.HashMap<Long, Long>();
		jdbc.sql("SELECT venue_id, count(*) FROM venue_check_in WHERE at >= ? AND at < ? GROUP BY venue_id")
			.params(Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant()),
					Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
			.query((rs, i) -> result.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return result;
	}

	/**
	 * Of these check-ins (as the feed delivers them: person, venue, arrival in epoch seconds), how many are stored,
	 * per venue; a check-in given {@code n} times counts at most {@code n} times.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Long> storedPerVenue(long[] persons, long[] venues, long[] arrivals) {
		var result = new java.util.HashMap<Long, Long>();
		if (persons.length == 0) {
			return result;
		}
		jdbc.sql("""
				SELECT k.v, sum(least(k.n, (SELECT count(*) FROM venue_check_in c WHERE c.person_id = k.p AND c.venue_id = k.v
					AND c.at >= to_timestamp(k.a) AND c.at < to_timestamp(k.a + 1))))
				FROM (SELECT p, v, a, count(*) AS n FROM unnest(?::bigint[], ?::bigint[], ?::bigint[]) AS t(p, v, a)
					GROUP BY p, v, a) k
				GROUP BY k.v""")
			.params(java.util.Arrays.stream(persons).boxed().toArray(Long[]::new),
					java.util.Arrays.stream(venues).boxed().toArray(Long[]::new),
					java.util.Arrays.stream(arrivals).boxed().toArray(Long[]::new))
			.query((rs, i) -> result.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return result;
	}

	/** Every code a venue has had, newest first. */
	@Transactional(readOnly = true)
	public List<VenueCode> codes(long venueId) {
		return jdbc.sql("SELECT * FROM venue_code WHERE venue_id = ? ORDER BY issued_at DESC, code")
			.param(venueId)
			.query(CODE)
			.list();
	}

	/** The venue an active code stands for; empty when the code is unknown, revoked or its venue closed down. */
	@Transactional(readOnly = true)
	public Optional<Venue> byCode(String code) {
		VenueRegistry.Ref ref = registry.active(code.strip().toUpperCase(Locale.ROOT));
		return ref == null ? Optional.empty() : find(ref.id());
	}

	/** Whether a code was issued once and has been revoked (so that an old poster can say so). */
	public boolean revoked(String code) {
		VenueRegistry.Code c = registry.code(code.strip().toUpperCase(Locale.ROOT));
		return c != null && c.revoked();
	}

	/**
	 * The visitor log of a venue, newest first, for the days {@code [from, to]} (city time zone); names and numbers
	 * masked. Viewing it is a bulk read of personal data (audited with its size, counted against the reader's budget).
	 */
	public PageResult<Visit> visits(long venueId, LocalDate from, LocalDate to, Visit.@Nullable Only only,
			Jurisdiction who, Paging paging) {
		PageResult<CheckInRow> rows = visitList(venueId, from, to, only, who).page(jdbc, paging);
		Map<Long, Person> people = persons.readForList(rows.items().stream().map(CheckInRow::personId).distinct().toList(),
				"venue-visits", String.valueOf(venueId), from + " … " + to);
		return new PageResult<>(visitsOf(rows.items(), people), paging.page(), paging.size(), rows.total());
	}

	/** One check-in of a visitor log, before the visitor's (masked) name and number are looked up. */
	public record CheckInRow(Instant at, Instant until, @Nullable Instant leftAt, long personId, String colour,
			boolean admitted, String channel) {
	}

	/**
	 * Every check-in of {@link #visits}, newest first, for the export, which looks the visitors up a chunk at a time
	 * ({@link #visitsForExport}); 404 for a venue the caller does not see.
	 */
	public ListQuery<CheckInRow> visitList(long venueId, LocalDate from, LocalDate to, Visit.@Nullable Only only,
			Jurisdiction who) {
		get(venueId, who);
		Timestamp start = Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
		String which = only == null ? "" : switch (only) {
			case REFUSED -> " AND NOT admitted";
			case RED -> " AND colour = 'RED'";
		};
		return new ListQuery<>("at, until, left_at, person_id, colour, admitted, channel",
				"venue_check_in WHERE venue_id = ? AND at >= ? AND at < ?" + which, List.of(venueId, start, end),
				"at DESC, person_id",
				(rs, i) -> new CheckInRow(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
						rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getLong(4), rs.getString(5),
						rs.getBoolean(6), rs.getString(7)));
	}

	/** The visits of these check-ins with the visitors masked as the log shows them (the export audits them itself). */
	public List<Visit> visitsForExport(List<CheckInRow> rows) {
		return visitsOf(rows, persons.findAll(rows.stream().map(CheckInRow::personId).distinct().toList()));
	}

	private static List<Visit> visitsOf(List<CheckInRow> rows, Map<Long, Person> people) {
		return rows.stream().map(r -> {
			Person p = people.get(r.personId());
			return new Visit(r.at(), r.until(), r.leftAt(), r.personId(), p == null ? "?" : Masking.name(p.name()),
					p == null ? "?" : p.idMasked(), r.colour(), r.admitted(), r.channel());
		}).toList();
	}

	/** Check-ins at a venue today and how many of them were refused. */
	@Transactional(readOnly = true)
	public long[] todayCounts(long venueId) {
		ZonedDateTime start = LocalDate.now(clock).atStartOfDay(clock.getZone());
		return jdbc.sql("SELECT count(*), count(*) FILTER (WHERE NOT admitted) FROM venue_check_in WHERE venue_id = ? AND at >= ?")
			.params(venueId, Timestamp.from(start.toInstant()))
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	// ---- codes

	/** Replaces a venue's code: the old one is revoked (old posters say so), a new one is issued. */
	public VenueCode regenerateCode(long venueId, Jurisdiction who) {
		Venue venue = getToRun(venueId, who);
		revokeActive(venueId, who.username());
		String code = issueCode(venueId, who.username());
		audit.record("VENUE_CODE_REGENERATE", "venue", String.valueOf(venueId), venue.name());
		registry.reloadAfterCommit();
		return codes(venueId).stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
	}

	/** Revokes a venue's code without a replacement: scans of it are refused until a new code is issued. */
	public void revokeCode(long venueId, Jurisdiction who) {
		Venue venue = getToRun(venueId, who);
		if (revokeActive(venueId, who.username()) == 0) {
			throw InvalidInput.of("code", messages.get("venue.code.noneActive"));
		}
		audit.record("VENUE_CODE_REVOKE", "venue", String.valueOf(venueId), venue.name());
		registry.reloadAfterCommit();
	}

	private int revokeActive(long venueId, String by) {
		return jdbc.sql("UPDATE venue_code SET revoked_at = ?, revoked_by = ? WHERE venue_id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(clock.instant()), by, venueId)
			.update();
	}

	private String issueCode(long venueId, String by) {
		for (int attempt = 0; attempt < 5; attempt++) {
			var code = new StringBuilder("YK");
			for (int i = 0; i < 10; i++) {
				code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
			}
			int inserted = jdbc.sql("INSERT INTO venue_code (code, venue_id, issued_at, issued_by) VALUES (?, ?, ?, ?) "
					+ "ON CONFLICT (code) DO NOTHING")
				.params(code.toString(), venueId, Timestamp.from(clock.instant()), by)
				.update();
			if (inserted == 1) {
				return code.toString();
			}
		}
		throw new IllegalStateException("could not draw a free venue code");
	}

	// ---- closed management

	/**
	 * Puts a special place under closed management (全封闭 or 只出不进) or opens it again. Visitors are then refused at
	 * the door with the reason; staff on a closed-loop shift still enter a CLOSED place.
	 */
	public Venue setClosure(long venueId, Closure closure, @Nullable String reason, Jurisdiction who) {
		Venue venue = getToRun(venueId, who);
		if (closure != Closure.OPEN && !venue.special()) {
			throw InvalidInput.of("closure", messages.get("venue.closure.notSpecial"));
		}
		String why = clean(reason);
		if (closure != Closure.OPEN && (why.isEmpty() || why.length() > 200)) {
			throw InvalidInput.of("reason", messages.get("venue.closure.reasonRequired"));
		}
		jdbc.sql("UPDATE venue SET closure = ?, closure_reason = ?, closure_since = ?, updated_at = ? WHERE id = ?")
			.params(closure.name(), closure == Closure.OPEN ? null : why,
					closure == Closure.OPEN ? null : Timestamp.from(clock.instant()), Timestamp.from(clock.instant()),
					venueId)
			.update();
		audit.record("VENUE_CLOSURE", "venue", String.valueOf(venueId), closure + (why.isEmpty() ? "" : " · " + why));
		registry.reloadAfterCommit();
		return find(venueId).orElseThrow();
	}

	// ---- manager accounts

	/** Creates the sign-in account of a venue's manager (city admin only, as for every account of that role). */
	public void createManagerAccount(long venueId, String username, String displayName, String password,
			Jurisdiction who) {
		Venue venue = getToRun(venueId, who);
		accounts.create(new NewAccount(username, displayName, venue.managerPhone(), Role.VENUE_MANAGER,
				venue.regionCode(), null, venueId, null, password, false), who);
	}

	// ---- helpers

	private @Nullable String phone(@Nullable String raw, String field, boolean required, List<FieldProblem> problems) {
		if (raw == null || raw.isBlank()) {
			if (required) {
				problems.add(messages.problem(field, "validation.phone.empty"));
			}
			return null;
		}
		PhoneNumber.Parsed parsed = PhoneNumber.parse(raw);
		if (parsed.phone() == null) {
			problems.add(messages.problem(field, "validation.phone.format"));
			return null;
		}
		return parsed.phone().value();
	}

	private @Nullable String optional(@Nullable String raw, int max, String field, List<FieldProblem> problems) {
		String s = clean(raw);
		if (s.isEmpty()) {
			return null;
		}
		if (s.length() > max) {
			problems.add(messages.problem(field, "venue.text.tooLong", max));
			return null;
		}
		return s;
	}

	static String clean(@Nullable String s) {
		return s == null ? "" : s.strip();
	}

}
