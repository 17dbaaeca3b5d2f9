package org.gridguard.venue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gridguard.person.IdDocument;
import org.gridguard.person.IdType;
import org.gridguard.person.PersonInput;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A venue's staff roster: who works there, when each last took a routine test and when the next is due by the
 * category's frequency under the response level in force (rules §8.1, {@link VenueProfile}), and the closed-loop shifts of staff of special places under closed management.
 */
@Service
@Transactional
public class StaffRoster {

	private final JdbcClient jdbc;

	private final VenueManagement venues;

	private final PersonIds personIds;

	private final VenueRegistry registry;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	private final VenueProperties properties;

	private final VenueProfile profile;

	StaffRoster(JdbcClient jdbc, VenueManagement venues, PersonIds personIds, VenueRegistry registry, AuditLog audit,
			Messages messages, Clock clock, VenueProperties properties, VenueProfile profile) {
		this.jdbc = jdbc;
		this.venues = venues;
		this.personIds = personIds;
		this.registry = registry;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
		this.properties = properties;
		this.profile = profile;
	}

	/** The active staff of a venue the caller sees, by name. */
	@Transactional(readOnly = true)
	public List<StaffMember> list(long venueId, Jurisdiction who) {
		Venue venue = venues.get(venueId, who);
		int every = profile.natDays(venue.category());
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql("SELECT * FROM venue_staff WHERE venue_id = ? AND active ORDER BY name, id")
			.param(venueId)
			.query((rs, i) -> {
				LocalDate last = rs.getObject("last_test_on", LocalDate.class);
				LocalDate due = last == null ? null : last.plusDays(every);
				LocalDate from = rs.getObject("loop_from", LocalDate.class);
				LocalDate until = rs.getObject("loop_until", LocalDate.class);
				return new StaffMember(rs.getLong("id"), rs.getLong("person_id"), rs.getString("name"),
						rs.getString("id_masked"), rs.getString("phone_masked"), rs.getString("post"), last, due,
						due == null || due.isBefore(today), from, until,
						from != null && until != null && !from.isAfter(today) && !until.isBefore(today));
			})
			.list();
	}

	/** Adds a person to the roster (registered as a person when not known yet). */
	public void add(long venueId, @Nullable String name, @Nullable String idNumber, @Nullable String phone,
			@Nullable String post, Jurisdiction who) {
		venues.getToRun(venueId, who);
		var problems = new ArrayList<FieldProblem>();
		String cleanName = name == null ? "" : name.strip();
		if (cleanName.isEmpty() || cleanName.length() > 50) {
			problems.add(messages.problem("name", "venue.visitor.name.invalid"));
		}
		IdDocument.Parsed doc = IdDocument.parse(IdType.RESIDENT_ID, idNumber, LocalDate.now(clock), "idNumber",
				messages);
		if (doc.problem() != null) {
			problems.add(doc.problem());
		}
		String cleanPhone = null;
		if (phone != null && !phone.isBlank()) {
			PhoneNumber.Parsed parsed = PhoneNumber.parse(phone);
			if (parsed.phone() == null) {
				problems.add(messages.problem("phone", "validation.phone.format"));
			}
			else {
				cleanPhone = parsed.phone().value();
			}
		}
		String cleanPost = post == null || post.isBlank() ? null : post.strip();
		if (cleanPost != null && cleanPost.length() > 60) {
			problems.add(messages.problem("post", "venue.text.tooLong", 60));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		long personId = personIds.resolve(List.of(new PersonInput(doc.document(), cleanName, cleanPhone, null)),
				"venue:staff")[0];
		int added = jdbc.sql("""
				INSERT INTO venue_staff (venue_id, person_id, name, id_masked, phone_masked, post, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (venue_id, person_id) DO UPDATE SET active = true, name = excluded.name, post = excluded.post
				WHERE NOT venue_staff.active""")
			.params(venueId, personId, cleanName, doc.document().masked(),
					cleanPhone == null ? null : new PhoneNumber(cleanPhone).masked(), cleanPost,
					Timestamp.from(clock.instant()))
			.update();
		if (added == 0) {
			throw InvalidInput.of("idNumber", messages.get("venue.staff.exists"));
		}
		audit.record("VENUE_STAFF_ADD", "venue", String.valueOf(venueId), doc.document().masked());
	}

	/** Records that a staff member took a routine test on a day (not in the future). */
	public void tested(long venueId, long staffId, @Nullable LocalDate on, Jurisdiction who) {
		venues.getToRun(venueId, who);
		LocalDate day = on == null ? LocalDate.now(clock) : on;
		if (day.isAfter(LocalDate.now(clock))) {
			throw InvalidInput.of("testedOn", messages.get("venue.staff.testFuture"));
		}
		update(venueId, staffId, "UPDATE venue_staff SET last_test_on = ? WHERE id = ? AND venue_id = ? AND active",
				Date.valueOf(day));
		audit.record("VENUE_STAFF_TEST", "venue", String.valueOf(venueId), staffId + " · " + day);
	}

	/**
	 * Records test results that arrived for persons (the day each was sampled, city time): every active roster entry
	 * of such a person takes the day as its last routine test when it is later than the one known.
	 * @return how many roster entries moved on
	 */
	public int recordTests(Map<Long, LocalDate> sampledOn) {
		if (sampledOn.isEmpty()) {
			return 0;
		}
		Long[] persons = sampledOn.keySet().toArray(Long[]::new);
		String[] days = java.util.Arrays.stream(persons).map(p -> sampledOn.get(p).toString()).toArray(String[]::new);
		return jdbc.sql("""
				UPDATE venue_staff s SET last_test_on = t.day
				FROM unnest(?::bigint[], ?::date[]) AS t(person_id, day)
				WHERE s.person_id = t.person_id AND s.active AND (s.last_test_on IS NULL OR s.last_test_on < t.day)""")
			.params(persons, days)
			.update();
	}

	/** A staff member whose routine test is overdue, with their venue. */
	public record Overdue(long venueId, String venueName, long staffId, long personId, String name, String idMasked,
			@Nullable String post, @Nullable LocalDate lastTestOn, @Nullable LocalDate dueOn) {
	}

	/**
	 * Every active staff member of the active venues {@code who} sees whose routine test is overdue by their venue
	 * category's frequency under the level in force (never tested counts as overdue), by venue and name.
	 */
	@Transactional(readOnly = true)
	public List<Overdue> overdue(Jurisdiction who) {
		var params = new ArrayList<Object>();
		String scope = VenueAccess.condition(who, params);
		LocalDate today = LocalDate.now(clock);
		var result = new ArrayList<Overdue>();
		jdbc.sql("SELECT s.id, s.venue_id, v.name AS venue_name, v.category, s.person_id, s.name, s.id_masked, s.post, "
				+ "s.last_test_on FROM venue_staff s JOIN venue v ON v.id = s.venue_id WHERE s.active AND v.active AND "
				+ scope + " ORDER BY v.name, v.id, s.name, s.id")
			.params(params)
			.query((rs, i) -> {
				LocalDate last = rs.getObject("last_test_on", LocalDate.class);
				LocalDate due = last == null ? null : last.plusDays(profile.natDays(VenueCategory.valueOf(rs.getString("category"))));
				if (due == null || due.isBefore(today)) {
					result.add(new Overdue(rs.getLong("venue_id"), rs.getString("venue_name"), rs.getLong("id"),
							rs.getLong("person_id"), rs.getString("name"), rs.getString("id_masked"), rs.getString("post"),
							last, due));
				}
				return null;
			})
			.list();
		return result;
	}

	/**
	 * Puts a staff member on a closed-loop shift from {@code from} (today when empty) for {@code days} days (the
	 * configured default when empty): while on it they enter the venue under 全封闭.
	 */
	public void startLoop(long venueId, long staffId, @Nullable LocalDate from, @Nullable Integer days,
			Jurisdiction who) {
		venues.getToRun(venueId, who);
		LocalDate start = from == null ? LocalDate.now(clock) : from;
		int length = days == null ? properties.closedLoopDays() : days;
		if (length < 1 || length > 90) {
			throw InvalidInput.of("days", messages.get("venue.staff.loopDays"));
		}
		jdbc.sql("UPDATE venue_staff SET loop_from = ?, loop_until = ? WHERE id = ? AND venue_id = ? AND active")
			.params(Date.valueOf(start), Date.valueOf(start.plusDays(length - 1)), staffId, venueId)
			.update();
		audit.record("VENUE_STAFF_LOOP", "venue", String.valueOf(venueId), staffId + " · " + start + " +" + length);
		registry.reloadAfterCommit();
	}

	public void endLoop(long venueId, long staffId, Jurisdiction who) {
		venues.getToRun(venueId, who);
		update(venueId, staffId, "UPDATE venue_staff SET loop_until = ? WHERE id = ? AND venue_id = ? AND active",
				Date.valueOf(LocalDate.now(clock).minusDays(1)));
		registry.reloadAfterCommit();
	}

	public void remove(long venueId, long staffId, Jurisdiction who) {
		venues.getToRun(venueId, who);
		int changed = jdbc.sql("UPDATE venue_staff SET active = false WHERE id = ? AND venue_id = ? AND active")
			.params(staffId, venueId)
			.update();
		if (changed == 0) {
			throw new NotFound("staff " + staffId);
		}
		audit.record("VENUE_STAFF_REMOVE", "venue", String.valueOf(venueId), String.valueOf(staffId));
		registry.reloadAfterCommit();
	}

	private void update(long venueId, long staffId, String sql, Date value) {
		int changed = jdbc.sql(sql).params(value, staffId, venueId).update();
		if (changed == 0) {
			throw new NotFound("staff " + staffId);
		}
	}

}
