package org.gridguard.gathering;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gridguard.account.AccountManagement;
import org.gridguard.account.NewAccount;
import org.gridguard.account.OrganizerUnits;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.RegionLevel;
import org.gridguard.region.RegionManagement;
import org.gridguard.region.Role;
import org.gridguard.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizer units (举办单位): registered in a town by the town's officers or the city command, each with a contact
 * person; accounts of the role {@link Role#ORGANIZER} are bound to one and file its events. The account pages offer
 * the units through {@link OrganizerUnits}.
 */
@Service
@Transactional
public class Organizers implements OrganizerUnits {

	private static final RowMapper<Organizer> ROW = (rs, i) -> new Organizer(rs.getLong("id"), rs.getString("name"),
			rs.getString("town_code"), rs.getString("contact_name"), rs.getString("contact_phone"));

	private final JdbcClient jdbc;

	private final RegionManagement regions;

	private final AccountManagement accounts;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	Organizers(JdbcClient jdbc, RegionManagement regions, AccountManagement accounts, AuditLog audit,
			Messages messages, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.accounts = accounts;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** A registered organizer unit. */
	public record Organizer(long id, String name, String townCode, String contactName, String contactPhone) {
	}

	public Organizer register(@Nullable String name, @Nullable String townCode, @Nullable String contactName,
			@Nullable String contactPhone, Jurisdiction who) {
		var problems = new ArrayList<FieldProblem>();
		String n = name == null ? "" : name.strip();
		if (n.isEmpty() || n.length() > 200) {
			problems.add(messages.problem("name", "gathering.organizer.name.invalid"));
		}
		String town = townCode == null ? "" : townCode.strip();
		Optional<Region> region = town.isEmpty() ? Optional.empty() : regions.find(town);
		if (region.isEmpty() || region.get().level() != RegionLevel.TOWN || !region.get().active()) {
			problems.add(messages.problem("townCode", "gathering.town.unknown"));
		}
		else if (!who.mayRegisterOrganizers(town)) {
			problems.add(messages.problem("townCode", "gathering.town.outside"));
		}
		String contact = contactName == null ? "" : contactName.strip();
		if (contact.isEmpty() || contact.length() > 60) {
			problems.add(messages.problem("contactName", "gathering.organizer.contact.invalid"));
		}
		PhoneNumber.Parsed phone = PhoneNumber.parse(contactPhone);
		if (phone.phone() == null) {
			problems.add(messages.problem("contactPhone", "validation.phone.format"));
		}
		if (problems.isEmpty() && jdbc.sql("SELECT count(*) FROM gathering_organizer WHERE town_code = ? AND name = ?")
			.params(town, n)
			.query(Long.class)
			.single() > 0) {
			problems.add(messages.problem("name", "gathering.organizer.name.taken"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		long id = jdbc.sql("""
				INSERT INTO gathering_organizer (name, town_code, contact_name, contact_phone, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(n, town, contact, phone.phone().value(), Timestamp.from(clock.instant()), who.username())
			.query(Long.class)
			.single();
		audit.record("GATHERING_ORGANIZER_REGISTER", "gathering_organizer", String.valueOf(id), n);
		return get(id);
	}

	/** Creates a sign-in account bound to a unit (role {@link Role#ORGANIZER}, at the unit's town). */
	public void createAccount(long organizerId, @Nullable String username, @Nullable String displayName,
			@Nullable String password, Jurisdiction who) {
		Organizer unit = visible(organizerId, who);
		if (!who.mayRegisterOrganizers(unit.townCode())) {
			throw new NotFound("organizer " + organizerId);
		}
		accounts.create(new NewAccount(username, displayName, unit.contactPhone(), Role.ORGANIZER, unit.townCode(),
				null, null, null, password, false, unit.id()), who);
	}

	@Transactional(readOnly = true)
	public Organizer get(long id) {
		return jdbc.sql("SELECT * FROM gathering_organizer WHERE id = ?").param(id).query(ROW).optional()
			.orElseThrow(() -> new NotFound("organizer " + id));
	}

	/** A unit its own accounts, the command of its town and the city see; 404 for everyone else. */
	@Transactional(readOnly = true)
	public Organizer visible(long id, Jurisdiction who) {
		Organizer unit = get(id);
		boolean own = who.organizerUnit() != null && who.organizerUnit() == id;
		if (!own && !who.mayRegisterOrganizers(unit.townCode()) && !who.seesEvent(unit.townCode(), "", null)) {
			throw new NotFound("organizer " + id);
		}
		return unit;
	}

	/** The units inside a jurisdiction's area, by town and name (organizers: their own). */
	@Transactional(readOnly = true)
	public List<Organizer> list(Jurisdiction who) {
		if (who.organizerUnit() != null) {
			return List.of(get(who.organizerUnit()));
		}
		Jurisdiction.EventScope scope = who.eventScope();
		if (scope.none()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM gathering_organizer WHERE town_code LIKE ? ORDER BY town_code, name, id")
			.param(scope.townPrefix() + "%")
			.query(ROW)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Unit> choosable(Jurisdiction who) {
		return list(who).stream()
			.filter(o -> who.mayRegisterOrganizers(o.townCode()))
			.map(o -> new Unit(o.id(), o.name(), o.townCode()))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Unit> find(long id) {
		return jdbc.sql("SELECT * FROM gathering_organizer WHERE id = ?")
			.param(id)
			.query(ROW)
			.optional()
			.map(o -> new Unit(o.id(), o.name(), o.townCode()));
	}

}
