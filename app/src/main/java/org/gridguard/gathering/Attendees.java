package org.gridguard.gathering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridguard.person.IdDocument;
import org.gridguard.person.PersonInput;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.Conflict;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.ListQuery;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.TableFile;
import org.gridguard.platform.UploadSettings;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An event's attendee list: imported from CSV or XLSX within the upload limits (valid rows kept, each refused row
 * named with its field and reason), and every attendee checked against the exclusion criteria ({@link AttendeeCheck}):
 * status colour, active control as a risk person, declared stays in listed risk areas. The check runs at import and
 * again on request (on the day). Persons not yet known are registered, as at a check-in.
 */
@Service
@Transactional
public class Attendees {

	static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

	static {
		COLUMNS.put("name", List.of("姓名", "name"));
		COLUMNS.put("idNumber", List.of("身份证号", "身份证号码", "证件号码", "证件号", "idNumber", "id_number"));
		COLUMNS.put("phone", List.of("手机号", "手机号码", "联系电话", "电话", "phone", "mobile"));
		COLUMNS.put("travel", List.of("近14天旅居地", "旅居地", "近期旅居地", "行程", "travel"));
	}

	static final RowMapper<Attendee> ROW = (rs, i) -> new Attendee(rs.getLong("id"), rs.getLong("event_id"),
			rs.getLong("person_id"), rs.getString("travel"), Attendee.Verdict.valueOf(rs.getString("verdict")),
			rs.getString("colour"), rs.getTimestamp("checked_at").toInstant());

	private final JdbcClient jdbc;

	private final GatheringQueries queries;

	private final PersonManagement persons;

	private final GatheringWriter writer;

	private final UploadSettings uploads;

	private final GatheringProperties properties;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	private final AttendeeCorrections corrections;

	private final AttendeeChecks checks;

	Attendees(JdbcClient jdbc, GatheringQueries queries, PersonManagement persons, AttendeeChecks checks,
			GatheringWriter writer, UploadSettings uploads, GatheringProperties properties, AuditLog audit,
			Messages messages, Clock clock, AttendeeCorrections corrections) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.persons = persons;
		this.writer = writer;
		this.uploads = uploads;
		this.properties = properties;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
		this.corrections = corrections;
		this.checks = checks;
	}

	/** One refused row of an import. */
	public record Rejection(int row, String field, String message) {
	}

	/** What an import came to. */
	public record Imported(long id, int total, int accepted, int rejected, int excluded, List<Rejection> rejections) {
	}

	/**
	 * Imports an attendee list (adding to the list; a person already on it gets the new declaration) and checks
	 * every person imported.
	 * @throws InvalidInput when the file cannot be read or lacks the name or identity-number column
	 */
	public Imported importList(long eventId, Upload file, Jurisdiction who) {
		Gathering event = changeable(eventId, who);
		TableFile table;
		byte[] content = file.content().get();
		try {
			table = TableFile.read(file.filename(), content,
					uploads.limits().withMaxRows(properties.maxAttendees()));
		}
		catch (TableFile.Unreadable ex) {
			throw InvalidInput.of("file", ex.describe(messages));
		}
		Map<String, Integer> columns = table.columns(COLUMNS);
		var missing = new ArrayList<String>();
		if (!columns.containsKey("name")) {
			missing.add(messages.get("gathering.attendees.column.name"));
		}
		if (!columns.containsKey("idNumber")) {
			missing.add(messages.get("gathering.attendees.column.idNumber"));
		}
		if (!missing.isEmpty()) {
			throw InvalidInput.of("file", messages.get("gathering.attendees.missingColumns", String.join("、", missing),
					String.join(", ", table.headers())));
		}
		LocalDate today = LocalDate.now(clock);
		var rejections = new ArrayList<Rejection>();
		var inputs = new ArrayList<PersonInput>();
		var travels = new ArrayList<@Nullable String>();
		var firstRowOf = new HashMap<String, Integer>();
		int total = 0;
		for (TableFile.Row row : table.rows()) {
			if (row.blank()) {
				continue;
			}
			total++;
			int before = rejections.size();
			String name = cell(row, columns, "name");
			if (name.isEmpty() || name.length() > 60) {
				rejections.add(new Rejection(row.number(), "name", messages.get("gathering.attendees.name.invalid")));
			}
			IdDocument.Parsed id = IdDocument.parse(null, cell(row, columns, "idNumber"), today, "idNumber", messages);
			if (id.document() == null) {
				rejections.add(new Rejection(row.number(), "idNumber", id.problem().message()));
			}
			String rawPhone = cell(row, columns, "phone");
			String phone = null;
			if (!rawPhone.isEmpty()) {
				PhoneNumber.Parsed parsed = PhoneNumber.parse(rawPhone);
				if (parsed.phone() == null) {
					rejections.add(new Rejection(row.number(), "phone", messages.get("validation.phone.format")));
				}
				else {
					phone = parsed.phone().value();
				}
			}
			String travel = cell(row, columns, "travel");
			if (travel.length() > 200) {
				rejections.add(new Rejection(row.number(), "travel", messages.get("gathering.attendees.travel.tooLong")));
			}
			if (rejections.size() > before) {
				continue;
			}
			Integer earlier = firstRowOf.putIfAbsent(id.document().type() + ":" + id.document().number(), row.number());
			if (earlier != null) {
				rejections.add(new Rejection(row.number(), "idNumber",
						messages.get("gathering.attendees.duplicate", earlier)));
				continue;
			}
			inputs.add(new PersonInput(id.document(), name, phone, null));
			travels.add(travel.isEmpty() ? null : travel);
		}
		long[] personIds = inputs.isEmpty() ? new long[0] : persons.resolveAll(inputs, "gathering:" + eventId);
		Instant now = clock.instant();
		for (int i = 0; i < personIds.length; i++) {
			jdbc.sql("""
					INSERT INTO gathering_attendee (event_id, person_id, travel, verdict, colour, checked_at)
					VALUES (?, ?, ?, 'ADMIT', 'GREEN', ?)
					ON CONFLICT (event_id, person_id) DO UPDATE SET travel = EXCLUDED.travel""")
				.params(eventId, personIds[i], travels.get(i), Timestamp.from(now))
				.update();
		}
		int excluded = checks.check(eventId, personIds);
		int rejectedRows = (int) rejections.stream().map(Rejection::row).distinct().count();
		long importId = jdbc.sql("""
				INSERT INTO gathering_attendee_import (event_id, filename, total, accepted, rejected, imported_at, imported_by)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(eventId, file.filename() == null ? "" : truncate(file.filename(), 200), total, personIds.length,
					rejectedRows, Timestamp.from(now), who.username())
			.query(Long.class)
			.single();
		for (Rejection r : rejections) {
			jdbc.sql("INSERT INTO gathering_attendee_rejection (import_id, row_no, field, message) VALUES (?, ?, ?, ?)")
				.params(importId, r.row(), r.field(), truncate(r.message(), 300))
				.update();
		}
		if (!rejections.isEmpty()) {
			corrections.keep(importId, content);
		}
		audit.record("GATHERING_ATTENDEES_IMPORT", "gathering_event", String.valueOf(event.id()),
				personIds.length + " accepted, " + rejectedRows + " rejected, " + excluded + " excluded");
		return new Imported(importId, total, personIds.length, rejectedRows, excluded, rejections);
	}

	/** Checks every attendee of an event again (on the day: colours and lists change). Returns how many are excluded. */
	public int recheck(long eventId, Jurisdiction who) {
		changeable(eventId, who);
		long[] ids = jdbc.sql("SELECT person_id FROM gathering_attendee WHERE event_id = ?")
			.param(eventId)
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
		int excluded = checks.check(eventId, ids);
		audit.record("GATHERING_ATTENDEES_CHECK", "gathering_event", String.valueOf(eventId),
				ids.length + " checked, " + excluded + " excluded");
		return excluded;
	}

	/** The attendees of an event the reader sees, excluded first, in import order. */
	@Transactional(readOnly = true)
	public ListQuery<Attendee> list(long eventId, Attendee.@Nullable Verdict verdict, Jurisdiction who) {
		queries.get(eventId, who);
		var params = new ArrayList<Object>();
		params.add(eventId);
		String where = "gathering_attendee a WHERE a.event_id = ?";
		if (verdict != null) {
			where += " AND a.verdict = ?";
			params.add(verdict.name());
		}
		return new ListQuery<>("a.*", where, params, "a.verdict = 'ADMIT', a.id", ROW);
	}

	/** The reasons of each attendee, by attendee id. */
	@Transactional(readOnly = true)
	public Map<Long, List<Reason>> reasons(List<Attendee> attendees) {
		return queries.reasons("ATTENDEE", attendees.stream().map(Attendee::id).toList());
	}

	/** The counts of an event's list: attendees, admitted, excluded. */
	@Transactional(readOnly = true)
	public Map<Attendee.Verdict, Long> counts(long eventId) {
		var counts = new java.util.EnumMap<Attendee.Verdict, Long>(Attendee.Verdict.class);
		jdbc.sql("SELECT verdict, count(*) FROM gathering_attendee WHERE event_id = ? GROUP BY verdict")
			.param(eventId)
			.query((rs, i) -> counts.put(Attendee.Verdict.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	/** The refused rows of the latest import of an event, if any. */
	@Transactional(readOnly = true)
	public List<Rejection> latestRejections(long eventId) {
		return jdbc.sql("""
				SELECT row_no, field, message FROM gathering_attendee_rejection WHERE import_id = (
					SELECT max(id) FROM gathering_attendee_import WHERE event_id = ?) ORDER BY row_no, field""")
			.param(eventId)
			.query((rs, i) -> new Rejection(rs.getInt(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	private Gathering changeable(long eventId, Jurisdiction who) {
		Gathering event = queries.get(eventId, who);
		if (!Filings.mayChange(event, who)) {
			throw new NotFound("event " + eventId);
		}
		if (event.state() != Gathering.State.PENDING && event.state() != Gathering.State.APPROVED
				|| event.ended(clock.instant())) {
			throw new Conflict("state", messages.get("gathering.attendees.closed"));
		}
		return event;
	}

	private static String cell(TableFile.Row row, Map<String, Integer> columns, String field) {
		Integer index = columns.get(field);
		return index == null ? "" : row.cell(index).strip();
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

}
