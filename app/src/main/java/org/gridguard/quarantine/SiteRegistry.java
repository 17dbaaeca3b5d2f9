package org.gridguard.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.gridguard.account.AccountManagement;
import org.gridguard.account.NewAccount;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.Conflict;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.RegionLevel;
import org.gridguard.region.RegionManagement;
import org.gridguard.region.Role;
import org.gridguard.responsibility.FourParties;
import org.gridguard.responsibility.ResponsibilityManagement;
import org.gridguard.responsibility.Subject;
import org.gridguard.shared.PhoneNumber;
import org.gridguard.shared.Sector;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers sites with their rooms, zones, head and working groups, records each site's four parties (属地 = the
 * town, 部门 = 卫健, 单位 = the operator, 个人 = the site head), moves rooms between disinfection, service and out of
 * service, and creates the sign-in accounts of site staff.
 */
@Service
@Transactional
public class SiteRegistry {

	private final QuarantineWriter writer;

	private final SiteQueries queries;

	private final RegionManagement regions;

	private final ResponsibilityManagement responsibility;

	private final AccountManagement accounts;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	SiteRegistry(QuarantineWriter writer, SiteQueries queries, RegionManagement regions,
			ResponsibilityManagement responsibility, AccountManagement accounts, AuditLog audit, Messages messages,
			Clock clock) {
		this.writer = writer;
		this.queries = queries;
		this.regions = regions;
		this.responsibility = responsibility;
		this.accounts = accounts;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** Registers a site with its rooms; every problem of the input is reported at once, by field. */
	public Site register(NewSite input, Jurisdiction who) {
		var problems = new ArrayList<FieldProblem>();
		String name = clean(input.name());
		if (name.isEmpty() || name.length() > 100) {
			problems.add(messages.problem("name", "quarantine.site.name.invalid"));
		}
		else if (queries.allSites(null).stream().anyMatch(s -> s.name().equals(name))) {
			problems.add(messages.problem("name", "quarantine.site.name.taken"));
		}
		Site.Kind kind = Site.Kind.HOTEL;
		if (!clean(input.kind()).isEmpty()) {
			try {
				kind = Site.Kind.valueOf(clean(input.kind()));
			}
			catch (IllegalArgumentException ex) {
				problems.add(messages.problem("kind", "quarantine.site.kind.invalid"));
			}
		}
		String townCode = clean(input.townCode());
		Optional<Region> town = townCode.isEmpty() ? Optional.empty() : regions.find(townCode);
		if (town.isEmpty() || town.get().level() != RegionLevel.TOWN) {
			problems.add(messages.problem("townCode", "quarantine.site.town.unknown"));
		}
		else if (!who.mayCommandSites(townCode)) {
			problems.add(messages.problem("townCode", "quarantine.site.town.outside"));
		}
		String address = clean(input.address());
		if (address.isEmpty() || address.length() > 200) {
			problems.add(messages.problem("address", "quarantine.site.address.invalid"));
		}
		String headName = optional(input.headName(), 60, "headName", problems);
		String headPhone = phone(input.headPhone(), "headPhone", problems);
		String operator = optional(input.operator(), 200, "operator", problems);
		String zones = optional(input.zones(), 1000, "zones", problems);
		problems.addAll(roomProblems(input.rooms()));
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Instant now = clock.instant();
		long id = writer.insertSite(name, kind, townCode, address, operator, headName, headPhone, zones, now,
				who.username());
		input.rooms().forEach(r -> writer.insertRoom(id, r));
		responsibility.assign(Subject.site(id), name, new FourParties(townCode, Sector.HEALTH,
				operator == null ? name : operator, headName, headPhone, headName, headPhone), who.username());
		audit.record("QUARANTINE_SITE_REGISTER", "quarantine_site", String.valueOf(id),
				name + " · " + input.rooms().size());
		return queries.find(id).orElseThrow();
	}

	private List<FieldProblem> roomProblems(List<NewSite.NewRoom> rooms) {
		var problems = new ArrayList<FieldProblem>();
		if (rooms.isEmpty()) {
			problems.add(messages.problem("rooms", "quarantine.rooms.empty"));
		}
		var numbers = new HashSet<String>();
		for (int i = 0; i < rooms.size(); i++) {
			NewSite.NewRoom r = rooms.get(i);
			String field = "rooms[" + i + "]";
			if (r.number() == null || r.number().isBlank() || r.number().length() > 20) {
				problems.add(messages.problem(field + ".number", "quarantine.room.number.invalid"));
			}
			else if (!numbers.add(r.number())) {
				problems.add(messages.problem(field + ".number", "quarantine.room.number.twice", r.number()));
			}
			if (r.kind() == null) {
				problems.add(messages.problem(field + ".kind", "quarantine.room.kind.invalid"));
			}
			if (r.beds() < 1 || r.beds() > 12 || r.kind() == Site.RoomKind.SINGLE && r.beds() != 1) {
				problems.add(messages.problem(field + ".beds", "quarantine.room.beds.invalid"));
			}
		}
		return problems;
	}

	/** Sets a working group's leader (the head and the city command). */
	public void setGroup(long siteId, Site.@Nullable Team team, @Nullable String leader, @Nullable String phone,
			Jurisdiction who) {
		queries.siteToRun(siteId, who);
		var problems = new ArrayList<FieldProblem>();
		if (team == null) {
			problems.add(messages.problem("team", "quarantine.team.invalid"));
		}
		String name = clean(leader);
		if (name.isEmpty() || name.length() > 60) {
			problems.add(messages.problem("leader", "quarantine.team.leader.invalid"));
		}
		String cleanPhone = phone(phone, "phone", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		writer.setGroup(siteId, team, name, cleanPhone);
	}

	/** Terminal disinfection of a room is done: it is free again. */
	public void disinfected(long siteId, long roomId, Jurisdiction who) {
		move(siteId, roomId, Site.RoomState.DISINFECTION, Site.RoomState.FREE, who);
	}

	/** Takes a free room out of service (repairs …). */
	public void outOfService(long siteId, long roomId, Jurisdiction who) {
		move(siteId, roomId, Site.RoomState.FREE, Site.RoomState.OUT_OF_SERVICE, who);
	}

	/** Brings a room back into service. */
	public void backInService(long siteId, long roomId, Jurisdiction who) {
		move(siteId, roomId, Site.RoomState.OUT_OF_SERVICE, Site.RoomState.FREE, who);
	}

	private void move(long siteId, long roomId, Site.RoomState from, Site.RoomState to, Jurisdiction who) {
		queries.siteToRun(siteId, who);
		if (!writer.moveRoom(siteId, roomId, from, to)) {
			throw new Conflict("room", messages.get("quarantine.room.moved"));
		}
		audit.record("QUARANTINE_ROOM", "quarantine_room", String.valueOf(roomId), from + " → " + to);
	}

	/** Creates the sign-in account of a member of a site's staff (city admin only, as for every account of that role). */
	public void createStaffAccount(long siteId, String username, String displayName, String password, Jurisdiction who) {
		Site site = queries.siteToRun(siteId, who);
		accounts.create(new NewAccount(username, displayName, null, Role.SITE_STAFF, site.townCode(), null, null, siteId,
				password, false), who);
	}

	private @Nullable String phone(@Nullable String raw, String field, List<FieldProblem> problems) {
		if (raw == null || raw.isBlank()) {
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
			problems.add(messages.problem(field, "quarantine.text.tooLong", max));
			return null;
		}
		return s;
	}

	static String clean(@Nullable String s) {
		return s == null ? "" : s.strip();
	}

}
