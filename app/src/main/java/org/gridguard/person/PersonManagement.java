package org.gridguard.person;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridguard.platform.AuditLog;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.ListQuery;
import org.gridguard.platform.PersonalDataCipher;
import org.gridguard.platform.PersonalDataReads;
import org.gridguard.region.GridMerged;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.RegionLevel;
import org.gridguard.region.RegionManagement;
import org.gridguard.shared.IdNumber;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.gridguard.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds, registers and places persons. Every read takes the caller's jurisdiction: a person is visible when the
 * region they live in lies inside it; persons living outside the city are visible to city-wide roles only.
 */
@Service
@Transactional
public class PersonManagement {

	static final RowMapper<Person> PERSON = (rs, i) -> new Person(rs.getLong("id"), rs.getString("name"),
			IdType.valueOf(rs.getString("id_type")), rs.getString("id_masked"), rs.getString("phone_masked"),
			rs.getString("gender"), rs.getObject("birth_year", Integer.class),
			rs.getObject("household_id", Long.class), rs.getString("region_code"), rs.getString("address"),
			rs.getBoolean("resident"));

	private static final RowMapper<Household> HOUSEHOLD = (rs, i) -> new Household(rs.getLong("id"),
			rs.getString("grid_code"), rs.getString("address"), rs.getInt("members"));

	private static final String PERSON_COLUMNS = "id, name, id_type, id_masked, phone_masked, gender, "
			+ "extract(year FROM birth_date)::int AS birth_year, household_id, region_code, address, resident";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final PersonalDataCipher cipher;

	private final RegionManagement regions;

	private final AuditLog audit;

	private final PersonalDataReads reads;

	private final Messages messages;

	private final Clock clock;

	private final ObjectProvider<PersonVisibility> grants;

	private final HouseholdAddresses households;

	PersonManagement(JdbcClient jdbc, JdbcTemplate template, PersonalDataCipher cipher, RegionManagement regions,
			AuditLog audit, PersonalDataReads reads, Messages messages, Clock clock,
			ObjectProvider<PersonVisibility> grants, HouseholdAddresses households) {
		this.households = households;
		this.grants = grants;
		this.jdbc = jdbc;
		this.template = template;
		this.cipher = cipher;
		this.regions = regions;
		this.audit = audit;
		this.reads = reads;
		this.messages = messages;
		this.clock = clock;
	}

	// ---- reading

	/**
	 * Persons visible to {@code who} matching the query, masked: a bulk read (audited with its size, counted against
	 * the reader's budget). Identifying searches are audited as such too.
	 */
	public PageResult<Person> search(Jurisdiction who, PersonQuery query, Paging paging) {
		PageResult<Person> result = searchList(who, query).page(jdbc, paging);
		String region = query.regionCode() == null ? "" : query.regionCode().strip();
		reads.served("person-list", null, result.items().size(), region.isEmpty() ? null : "region " + region);
		return result;
	}

	/**
	 * Every person of {@link #search} with this query, in the list's order, for its export (which audits and counts
	 * what it serves). Identifying searches are audited here.
	 */
	public ListQuery<Person> searchList(Jurisdiction who, PersonQuery query) {
		var where = new StringBuilder();
		var params = new ArrayList<Object>();
		visibility(who, where, params);
		String region = query.regionCode() == null ? "" : query.regionCode().strip();
		if (!region.isEmpty()) {
			where.append(" AND region_code LIKE ?");
			params.add(region + "%");
		}
		String text = query.text() == null ? "" : query.text().strip();
		if (!text.isEmpty()) {
			IdNumber.Parsed id = IdNumber.parse(text, LocalDate.now(clock));
			PhoneNumber.Parsed phone = PhoneNumber.parse(text);
			if (id.valid()) {
				where.append(" AND id_number_hash = ?");
				params.add(cipher.hash(id.id().value()));
				audit.record("PERSON_SEARCH_ID", "person", id.id().masked(), null);
			}
			else if (phone.valid()) {
				where.append(" AND phone_hash = ?");
				params.add(cipher.hash(phone.phone().value()));
				audit.record("PERSON_SEARCH_PHONE", "person", phone.phone().masked(), null);
			}
			else if (text.contains("*")) {
				where.append(" AND id_masked LIKE ?");
				params.add(escapeLike(text.toUpperCase()).replace('*', '_'));
			}
			else {
				where.append(" AND name LIKE ?");
				params.add("%" + escapeLike(text) + "%");
			}
		}
		String order = switch (query.sort() == null ? "" : query.sort()) {
			case "age" -> "extract(year FROM birth_date) NULLS LAST, name, id";
			case "recent" -> "created_at DESC, id DESC";
			default -> "region_code, name, id";
		};
		return new ListQuery<>(PERSON_COLUMNS, "person WHERE" + where, params, order, PERSON);
	}

	/** One person, masked; 404 outside the jurisdiction. The view is audited and counted against the budget. */
	public Person get(long id, Jurisdiction who) {
		Person person = find(id).filter(p -> visible(p, who)).orElseThrow(() -> new NotFound("person " + id));
		audit.record("PERSON_VIEW", "person", String.valueOf(id), null);
		reads.charge(1);
		return person;
	}

	/**
	 * Several persons by id for a list that another module shows to the current user, who may see them all (the
	 * module has checked): a bulk read, audited with its size and counted against the reader's budget.
	 * @param list what the list is, e.g. {@code risk-persons}, {@code venue-visits}
	 * @param subjectId the thing listed (a venue, an investigation), if any
	 * @param detail free text for the audit entry, no personal data
	 */
	public Map<Long, Person> readForList(java.util.Collection<Long> ids, String list, @Nullable String subjectId,
			@Nullable String detail) {
		Map<Long, Person> found = findAll(ids);
		reads.served(list, subjectId, found.size(), detail);
		return found;
	}

	/**
	 * Of several persons, those {@code who} may see (the others are left out): a bulk read of them, audited with its
	 * size and counted against the reader's budget.
	 */
	public Map<Long, Person> readVisible(java.util.Collection<Long> ids, Jurisdiction who, String list,
			@Nullable String subjectId) {
		var visible = new HashMap<Long, Person>();
		findAll(ids).forEach((id, person) -> {
			if (visible(person, who)) {
				visible.put(id, person);
			}
		});
		reads.served(list, subjectId, visible.size(), null);
		return visible;
	}

	/** One person without access check or audit, for other modules that already checked. */
	@Transactional(readOnly = true)
	public Optional<Person> find(long id) {
		return jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM person WHERE id = ?").param(id).query(PERSON).optional();
	}

	/** Several persons by id, for lists of other modules (masked). */
	@Transactional(readOnly = true)
	public Map<Long, Person> findAll(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		var result = new HashMap<Long, Person>();
		template.execute((Connection con) -> {
			try (PreparedStatement ps = con.prepareStatement("SELECT " + PERSON_COLUMNS + " FROM person WHERE id = ANY (?)")) {
				ps.setArray(1, con.createArrayOf("bigint", ids.toArray()));
				try (ResultSet rs = ps.executeQuery()) {
					int i = 0;
					while (rs.next()) {
						Person p = PERSON.mapRow(rs, i++);
						result.put(p.id(), p);
					}
				}
			}
			return null;
		});
		return result;
	}

	/**
	 * Whether a person is visible: they live inside the jurisdiction, or another module grants the view (e.g. a risk
	 * person under control in the caller's grid).
	 */
	public boolean visible(Person person, Jurisdiction who) {
		if (who.seesPersonLivingAt(person.regionCode())) {
			return true;
		}
		if (!who.role().seesResidents()) {
			return false;
		}
		for (PersonVisibility grant : grants) {
			if (grant.grants(person.id(), who)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The full identity number, phone and birth date of a person, for a detail page inside the jurisdiction; audited.
	 */
	public Revealed reveal(long id, Jurisdiction who) {
		Person person = find(id).filter(p -> visible(p, who)).orElseThrow(() -> new NotFound("person " + id));
		Revealed revealed = jdbc.sql("SELECT id_number_enc, phone_enc, birth_date FROM person WHERE id = ?")
			.param(id)
			.query((rs, i) -> new Revealed(person, cipher.decrypt(rs.getBytes(1)),
					rs.getBytes(2) == null ? null : cipher.decrypt(rs.getBytes(2)), rs.getObject(3, LocalDate.class)))
			.single();
		audit.record("PERSON_VIEW_FULL", "person", String.valueOf(id), person.idMasked());
		reads.charge(1);
		return revealed;
	}

	/** A person with identity number, phone and birth date in full. */
	public record Revealed(Person person, String idNumber, @Nullable String phone, @Nullable LocalDate birthDate) {
	}

	/** The person holding a document, if known. */
	@Transactional(readOnly = true)
	public Optional<Person> findByDocument(IdDocument document) {
		return jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM person WHERE id_type = ? AND id_number_hash = ?")
			.params(document.type().name(), cipher.hash(document.hashKey()))
			.query(PERSON)
			.optional();
	}

	/** Decrypted mobile number of a person, for notifications; not shown to users. */
	@Transactional(readOnly = true)
	public Optional<String> phoneOf(long id) {
		return jdbc.sql("SELECT phone_enc FROM person WHERE id = ? AND phone_enc IS NOT NULL")
			.param(id)
			.query((rs, i) -> cipher.decrypt(rs.getBytes(1)))
			.optional();
	}

	/** Decrypted identity number of a person, for integrations that must return it (e.g. tracing results). */
	@Transactional(readOnly = true)
	public Optional<String> idNumberOf(long id) {
		return jdbc.sql("SELECT id_number_enc FROM person WHERE id = ?")
			.param(id)
			.query((rs, i) -> cipher.decrypt(rs.getBytes(1)))
			.optional();
	}

	/** Decrypted identity numbers of many persons, for integrations that must return them (tracing results). */
	@Transactional(readOnly = true)
	public Map<Long, String> idNumbersOf(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		var result = new HashMap<Long, String>();
		template.execute((Connection con) -> {
			try (PreparedStatement ps = con.prepareStatement("SELECT id, id_number_enc FROM person WHERE id = ANY (?)")) {
				ps.setArray(1, con.createArrayOf("bigint", ids.toArray()));
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						result.put(rs.getLong(1), cipher.decrypt(rs.getBytes(2)));
					}
				}
			}
			return null;
		});
		return result;
	}

	@Transactional(readOnly = true)
	public long countLivingIn(String regionCode) {
		return jdbc.sql("SELECT count(*) FROM person WHERE region_code LIKE ?")
			.param(regionCode + "%")
			.query(Long.class)
			.single();
	}

	// ---- households

	public Household household(long id, Jurisdiction who) {
		Household household = jdbc.sql("""
				SELECT h.id, h.grid_code, h.address, (SELECT count(*) FROM person p WHERE p.household_id = h.id) AS members
				FROM person_household h WHERE h.id = ?""")
			.param(id)
			.query(HOUSEHOLD)
			.optional()
			.filter(h -> who.covers(h.gridCode()))
			.orElseThrow(() -> new NotFound("household " + id));
		return household;
	}

	/**
	 * The members of a household inside the jurisdiction (404 outside), for a page: a bulk read, audited with its
	 * size and counted against the reader's budget.
	 */
	public List<Person> readMembers(long householdId, Jurisdiction who) {
		household(householdId, who);
		List<Person> members = members(householdId);
		reads.served("household", String.valueOf(householdId), members.size(), null);
		return members;
	}

	/** The members of a household, without access check or audit, for work of the system. */
	@Transactional(readOnly = true)
	public List<Person> members(long householdId) {
		return jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM person WHERE household_id = ? ORDER BY birth_year NULLS LAST, id")
			.param(householdId)
			.query(PERSON)
			.list();
	}

	@Transactional(readOnly = true)
	public PageResult<Household> households(String gridCode, Jurisdiction who, Paging paging) {
		return householdList(gridCode, who).page(jdbc, paging);
	}

	/** Every household of {@link #households}, in the list's order (for its export); 404 outside the jurisdiction. */
	public ListQuery<Household> householdList(String gridCode, Jurisdiction who) {
		if (!who.covers(gridCode)) {
			throw new NotFound("grid " + gridCode);
		}
		return new ListQuery<>(
				"h.id, h.grid_code, h.address, (SELECT count(*) FROM person p WHERE p.household_id = h.id) AS members",
				"person_household h WHERE h.grid_code = ?", List.of(gridCode), "h.address, h.id", HOUSEHOLD);
	}

	/**
	 * Moves households, with their members, to another active grid inside the caller's jurisdiction. Returns how
	 * many households moved.
	 */
	public int moveHouseholds(List<Long> householdIds, String targetGrid, Jurisdiction who) {
		if (householdIds.isEmpty()) {
			throw InvalidInput.of("households", messages.get("person.move.noneSelected"));
		}
		Region target = regions.find(targetGrid).orElse(null);
		if (target == null || target.level() != RegionLevel.GRID || !target.active() || !who.canAdminister(targetGrid)) {
			throw InvalidInput.of("target", messages.get("person.move.badTarget"));
		}
		int moved = 0;
		for (Long id : householdIds) {
			Household household = household(id, who);
			if (!who.canAdminister(household.gridCode())) {
				throw new NotFound("household " + id);
			}
			if (household.gridCode().equals(targetGrid)) {
				continue;
			}
			moveHousehold(id, targetGrid);
			audit.record("HOUSEHOLD_MOVE", "household", String.valueOf(id), household.gridCode() + " → " + targetGrid);
			moved++;
		}
		return moved;
	}

	/** Splits a grid: opens a new grid in the same village and moves the chosen households into it. */
	public Region splitGrid(String gridCode, List<Long> householdIds, String newGridName, Jurisdiction who) {
		Region grid = regions.get(gridCode);
		if (grid.level() != RegionLevel.GRID || grid.parentCode() == null) {
			throw InvalidInput.of("grid", messages.get("person.move.badTarget"));
		}
		if (householdIds.isEmpty()) {
			throw InvalidInput.of("households", messages.get("person.move.noneSelected"));
		}
		Region created = regions.createGrid(grid.parentCode(), newGridName, who);
		moveHouseholds(householdIds, created.code(), who);
		return created;
	}

	private void moveHousehold(long householdId, String targetGrid) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("UPDATE person_household SET grid_code = ?, updated_at = ? WHERE id = ?")
			.params(targetGrid, now, householdId)
			.update();
		jdbc.sql("UPDATE person SET region_code = ?, updated_at = ? WHERE household_id = ?")
			.params(targetGrid, now, householdId)
			.update();
	}

	/** When grids merge, everyone living in the retired grid now lives in the target. */
	@ApplicationModuleListener
	void on(GridMerged event) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("UPDATE person_household SET grid_code = ?, updated_at = ? WHERE grid_code = ?")
			.params(event.target(), now, event.source())
			.update();
		jdbc.sql("UPDATE person SET region_code = ?, updated_at = ? WHERE region_code = ?")
			.params(event.target(), now, event.source())
			.update();
	}

	// ---- registering

	/** Registers a resident; every problem of the input is reported at once, by field. */
	public Person createResident(NewResident input, Jurisdiction who) {
		var problems = new ArrayList<FieldProblem>();
		String name = input.name() == null ? "" : input.name().strip();
		if (name.isEmpty() || name.length() > 50) {
			problems.add(messages.problem("name", "person.name.invalid"));
		}
		IdDocument.Parsed doc = IdDocument.parse(input.idType(), input.idNumber(), LocalDate.now(clock), "idNumber",
				messages);
		if (doc.problem() != null) {
			problems.add(doc.problem());
		}
		else if (findByDocument(doc.document()).isPresent()) {
			problems.add(messages.problem("idNumber", "person.idNumber.exists"));
		}
		String phone = null;
		if (input.phone() != null && !input.phone().isBlank()) {
			PhoneNumber.Parsed parsed = PhoneNumber.parse(input.phone());
			if (parsed.phone() == null) {
				problems.add(messages.problem("phone", "validation.phone.format"));
			}
			else {
				phone = parsed.phone().value();
			}
		}
		String grid;
		String address;
		Long householdId = input.householdId();
		if (householdId != null) {
			Household household;
			try {
				household = household(householdId, who);
			}
			catch (NotFound ex) {
				throw InvalidInput.of("householdId", messages.get("person.household.unknown"));
			}
			grid = household.gridCode();
			address = household.address();
		}
		else {
			grid = input.gridCode() == null ? "" : input.gridCode().strip();
			Optional<Region> region = regions.find(grid);
			if (region.isEmpty() || region.get().level() != RegionLevel.GRID || !region.get().active()) {
				problems.add(messages.problem("gridCode", "person.grid.unknown"));
			}
			else if (!who.covers(grid)) {
				problems.add(messages.problem("gridCode", "person.grid.outside"));
			}
			address = input.address() == null ? "" : input.address().strip();
			if (address.isEmpty() || address.length() > 200) {
				problems.add(messages.problem("address", "person.address.invalid"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Timestamp now = Timestamp.from(clock.instant());
		if (householdId == null) {
			householdId = jdbc.sql("INSERT INTO person_household (grid_code, address, address_key, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?) RETURNING id")
				.params(grid, address, regions.addressLocator().householdKey(address, grid.substring(0, 12)), now, now)
				.query(Long.class)
				.single();
		}
		IdDocument document = doc.document();
		LocalDate birth = null;
		String gender = null;
		if (document.type() == IdType.RESIDENT_ID) {
			IdNumber number = IdNumber.parse(document.number(), LocalDate.now(clock)).orElseThrow();
			birth = number.birthDate();
			gender = number.male() ? "M" : "F";
		}
		long id = jdbc.sql("""
				INSERT INTO person (name, id_type, id_number_enc, id_number_hash, id_masked, phone_enc, phone_hash,
					phone_masked, gender, birth_date, household_id, region_code, address, resident, source, work_unit,
					created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, 'manual', ?, ?, ?) RETURNING id""")
			.params(name, document.type().name(), cipher.encrypt(document.number()), cipher.hash(document.hashKey()),
					document.masked(), phone == null ? null : cipher.encrypt(phone),
					phone == null ? null : cipher.hash(phone), phone == null ? null : new PhoneNumber(phone).masked(),
					gender, birth == null ? null : Date.valueOf(birth), householdId, grid, address,
					input.workUnit() == null || input.workUnit().isBlank() ? null : WorkUnits.clean(input.workUnit()), now,
					now)
			.query(Long.class)
			.single();
		audit.record("PERSON_CREATE", "person", String.valueOf(id), document.masked());
		return find(id).orElseThrow();
	}

	/**
	 * Matches each input to a known person by document, registering the unknown ones (as non-residents, not yet
	 * placed), in bulk. Returns the person ids in input order. Existing persons are never overwritten; a phone is
	 * added when they had none.
	 */
	public long[] resolveAll(List<PersonInput> inputs, String source) {
		long[] ids = new long[inputs.size()];
		if (inputs.isEmpty()) {
			return ids;
		}
		HexFormat hex = HexFormat.of();
		var hashes = new byte[inputs.size()][];
		var wanted = new HashMap<String, Integer>();
		for (int i = 0; i < inputs.size(); i++) {
			hashes[i] = cipher.hash(inputs.get(i).document().hashKey());
			wanted.putIfAbsent(inputs.get(i).document().type().name() + ":" + hex.formatHex(hashes[i]), i);
		}
		Map<String, Long> known = lookup(hashes);
		Timestamp now = Timestamp.from(clock.instant());
		var toInsert = new ArrayList<Object[]>();
		for (var entry : wanted.entrySet()) {
			if (known.containsKey(entry.getKey())) {
				continue;
			}
			PersonInput in = inputs.get(entry.getValue());
			IdDocument document = in.document();
			LocalDate birth = null;
			String gender = null;
			if (document.type() == IdType.RESIDENT_ID) {
				IdNumber number = new IdNumber(document.number());
				birth = number.birthDate();
				gender = number.male() ? "M" : "F";
			}
			String phone = in.phone();
			toInsert.add(new Object[] { truncate(in.name(), 50), document.type().name(), cipher.encrypt(document.number()),
					hashes[entry.getValue()], document.masked(), phone == null ? null : cipher.encrypt(phone),
					phone == null ? null : cipher.hash(phone), phone == null ? null : new PhoneNumber(phone).masked(),
					gender, birth == null ? null : Date.valueOf(birth), in.address() == null ? null : truncate(in.address(), 200),
					source, now, now });
		}
		if (!toInsert.isEmpty()) {
			template.batchUpdate("""
					INSERT INTO person (name, id_type, id_number_enc, id_number_hash, id_masked, phone_enc, phone_hash,
						phone_masked, gender, birth_date, address, resident, source, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?)
					ON CONFLICT (id_type, id_number_hash) DO NOTHING""", toInsert);
			known = lookup(hashes);
		}
		for (int i = 0; i < inputs.size(); i++) {
			Long id = known.get(inputs.get(i).document().type().name() + ":" + hex.formatHex(hashes[i]));
			if (id == null) {
				throw new IllegalStateException("person not registered: row " + i);
			}
			ids[i] = id;
		}
		return ids;
	}

	private Map<String, Long> lookup(byte[][] hashes) {
		HexFormat hex = HexFormat.of();
		var result = new HashMap<String, Long>();
		template.execute((Connection con) -> {
			try (PreparedStatement ps = con.prepareStatement(
					"SELECT id, id_type, id_number_hash FROM person WHERE id_number_hash = ANY (?)")) {
				Array array = con.createArrayOf("bytea", hashes);
				ps.setArray(1, array);
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						result.put(rs.getString(2) + ":" + hex.formatHex(rs.getBytes(3)), rs.getLong(1));
					}
				}
			}
			catch (SQLException ex) {
				throw ex;
			}
			return null;
		});
		return result;
	}

	/**
	 * The grids of households registered at these addresses, for placing pushed persons by address: the same address
	 * written another way (with or without city and town, 2-1-602 for 2幢1单元602室) finds the household. Addresses
	 * found in more than one grid are left out: they do not place anyone.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> gridsOfAddresses(java.util.Collection<String> addresses) {
		return households.gridsOfAddresses(addresses);
	}

	/**
	 * Places persons who are not registered residents where they are now known to stay (a grid, or a village or town
	 * queue while unplaced), so that the officers there see them; registered residents keep their grid.
	 */
	public void placeNonResidents(Map<Long, String> regionByPerson) {
		if (regionByPerson.isEmpty()) {
			return;
		}
		Timestamp now = Timestamp.from(clock.instant());
		Long[] ids = regionByPerson.keySet().toArray(Long[]::new);
		String[] regions = new String[ids.length];
		for (int i = 0; i < ids.length; i++) {
			regions[i] = regionByPerson.get(ids[i]);
		}
		// one statement for a whole chunk of a list: an update per person costs a round trip each
		template.update("""
				UPDATE person p SET region_code = x.r, updated_at = ? FROM unnest(?::bigint[], ?::varchar[]) AS x(id, r)
				WHERE p.id = x.id AND NOT p.resident AND p.region_code IS DISTINCT FROM x.r""", now, ids, regions);
	}

	/** Places a non-resident or unplaced person in a region (a grid once the address is known). */
	public void place(long personId, String regionCode) {
		jdbc.sql("UPDATE person SET region_code = ?, updated_at = ? WHERE id = ?")
			.params(regionCode, Timestamp.from(clock.instant()), personId)
			.update();
	}

	private static void visibility(Jurisdiction who, StringBuilder where, List<Object> params) {
		if (who.isCityWide()) {
			// everyone: placed in the city, not placed yet, or living elsewhere; no condition lets an index keep the order
			where.append(" TRUE");
		}
		else {
			where.append(" region_code LIKE ?");
			params.add(who.regionPattern());
		}
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

}
