package org.gridguard.tracing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.StoredText;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.MessageGateway;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.Notification;
import org.gridguard.platform.Notifications;
import org.gridguard.platform.ListQuery;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.gridguard.testing.PositiveResultRecorded;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case investigations: a positive single sample opens one; the system proposes contacts (co-present at venues in the
 * look-back window, household members; second-degree contacts through confirmed close contacts), each with its
 * provenance; the epidemiologist classifies in bulk by rule and by hand, turns crowded venues into venue-level
 * notices, and confirms — the confirmed contacts go to the control loop in their grids, with the case as source.
 */
@Service
@Transactional
public class InvestigationManagement {

	static final RowMapper<Investigation> INVESTIGATION = (rs, i) -> new Investigation(rs.getLong("id"),
			rs.getLong("case_person_id"), rs.getString("case_region"),
			Investigation.Trigger.valueOf(rs.getString("trigger")), rs.getObject("result_id", Long.class),
			rs.getObject("onset_date", LocalDate.class), rs.getTimestamp("window_from").toInstant(),
			rs.getTimestamp("window_to").toInstant(), Investigation.State.valueOf(rs.getString("state")),
			rs.getString("rule_version"), rs.getObject("parent_id", Long.class), rs.getTimestamp("opened_at").toInstant(),
			rs.getString("opened_by"), instant(rs.getTimestamp("closed_at")), rs.getString("note"));

	static final RowMapper<Candidate> CANDIDATE = InvestigationManagement::candidate;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TracingIndex index;

	private final PersonManagement persons;

	private final VenueManagement venues;

	private final Notifications notifications;

	private final ObjectProvider<MessageGateway> gateway;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	private final int lookbackDays;

	InvestigationManagement(JdbcClient jdbc, JdbcTemplate template, TracingIndex index, PersonManagement persons,
			VenueManagement venues, Notifications notifications, ObjectProvider<MessageGateway> gateway,
			ApplicationEventPublisher events, AuditLog audit, Messages messages, Clock clock,
			@Value("${gridguard.tracing.lookback-days:4}") int lookbackDays) {
		this.jdbc = jdbc;
		this.template = template;
		this.index = index;
		this.persons = persons;
		this.venues = venues;
		this.notifications = notifications;
		this.gateway = gateway;
		this.events = events;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
		this.lookbackDays = lookbackDays;
	}

	// ---- opening and proposing

	/** A positive single sample opens an investigation of the case (once: an open one is kept). */
	@ApplicationModuleListener
	void on(PositiveResultRecorded event) {
		LocalDate onset = LocalDate.ofInstant(event.sampledAt(), clock.getZone());
		open(event.personId(), Investigation.Trigger.POSITIVE_RESULT, event.resultId(), onset, AuditLog.SYSTEM);
	}

	/** Opens an investigation by hand (a case reported outside the lab feed), or returns the open one. */
	public Investigation openManually(long personId, LocalDate onset, Jurisdiction who) {
		if (onset.isAfter(LocalDate.now(clock))) {
			throw InvalidInput.of("onset", messages.get("tracing.onset.future"));
		}
		persons.find(personId).orElseThrow(() -> new NotFound("person " + personId));
		return open(personId, Investigation.Trigger.MANUAL, null, onset, who.username());
	}

	Investigation open(long personId, Investigation.Trigger trigger, @Nullable Long resultId, LocalDate onset,
			String actor) {
		Optional<Investigation> existing = jdbc.sql("SELECT * FROM tracing_investigation WHERE case_person_id = ? AND state = 'OPEN'")
			.param(personId)
			.query(INVESTIGATION)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		Instant now = clock.instant();
		Instant from = onset.minusDays(lookbackDays).atStartOfDay(clock.getZone()).toInstant();
		Person person = persons.find(personId).orElseThrow();
		Long parent = jdbc.sql("""
				SELECT c.investigation_id FROM tracing_candidate c WHERE c.person_id = ? AND c.confirmed_at IS NOT NULL
				AND c.classification IN ('CLOSE_CONTACT', 'SECONDARY_CONTACT', 'GENERAL_CONTACT')
				ORDER BY c.confirmed_at DESC LIMIT 1""")
			.param(personId)
			.query(Long.class)
			.optional()
			.orElse(null);
		String ruleVersion = "lookback-" + lookbackDays + "d/tolerance-0/household";
		long id = jdbc.sql("""
				INSERT INTO tracing_investigation (case_person_id, case_region, trigger, result_id, onset_date, window_from,
					window_to, state, rule_version, parent_id, opened_at, opened_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?) RETURNING id""")
			.params(personId, person.regionCode(), trigger.name(), resultId, java.sql.Date.valueOf(onset),
					Timestamp.from(from), Timestamp.from(now), ruleVersion, parent, Timestamp.from(now), actor)
			.query(Long.class)
			.single();
		Investigation investigation = get(id);
		int proposed = propose(investigation, person);
		audit.recordAs(actor, "INVESTIGATION_OPEN", "investigation", String.valueOf(id),
				person.idMasked() + ": " + proposed + " contacts proposed");
		notifications.send(Notifications.Draft.toAudience("EPIDEMIOLOGIST", "330784", Notification.Severity.ALERT,
				StoredText.of("tracing.notify.opened", person.name(), proposed), null, "/tracing/investigations/" + id,
				"tracing").withDedupeKey("tracing:opened:" + id));
		return investigation;
	}

	/** Proposes the household and the co-present persons of the look-back window. */
	private int propose(Investigation investigation, Person casePerson) {
		var rows = new LinkedHashMap<Long, Object[]>();
		if (casePerson.householdId() != null) {
			for (Person member : persons.members(casePerson.householdId())) {
				if (member.id() != casePerson.id()) {
					rows.put(member.id(), new Object[] { member.id(), "HOUSEHOLD", null, null, null, null });
				}
			}
		}
		index.contacts(new long[] { casePerson.id() }, investigation.windowFrom(), investigation.windowTo(), 0, 0,
				(indexPerson, contact, venue, start, end) -> rows.putIfAbsent(contact,
						new Object[] { contact, "VENUE", venue, Timestamp.from(start), Timestamp.from(end), null }));
		return insertCandidates(investigation.id(), new ArrayList<>(rows.values()));
	}

	private int insertCandidates(long investigationId, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return 0;
		}
		Set<Long> ids = new HashSet<>();
		rows.forEach(r -> ids.add((Long) r[0]));
		Map<Long, Person> people = persons.findAll(ids);
		var batch = new ArrayList<Object[]>(rows.size());
		for (Object[] r : rows) {
			Person p = people.get((Long) r[0]);
			batch.add(new Object[] { investigationId, r[0], r[1], r[2], r[3], r[4], r[5], p == null ? null : p.regionCode() });
		}
		int[][] counts = template.batchUpdate("""
				INSERT INTO tracing_candidate (investigation_id, person_id, source, venue_id, overlap_start, overlap_end,
					via_person_id, region_code, classification)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED') ON CONFLICT (investigation_id, person_id) DO NOTHING""", batch,
				1000, (ps, r) -> {
					for (int i = 0; i < r.length; i++) {
						ps.setObject(i + 1, r[i]);
					}
				});
		int inserted = 0;
		for (int[] chunk : counts) {
			for (int c : chunk) {
				inserted += Math.max(0, c);
			}
		}
		return inserted;
	}

	/**
	 * Proposes the second degree: for every confirmed-or-classified close contact not yet expanded, their household and
	 * the persons they met from their first exposure on, as SECONDARY_CONTACT proposals through them.
	 */
	public int proposeSecondDegree(long investigationId, Jurisdiction who) {
		Investigation investigation = getOpen(investigationId, who);
		List<Candidate> close = jdbc.sql("""
				SELECT * FROM tracing_candidate c WHERE investigation_id = ? AND classification = 'CLOSE_CONTACT'
				AND NOT EXISTS (SELECT 1 FROM tracing_candidate s WHERE s.investigation_id = c.investigation_id
					AND s.via_person_id = c.person_id)""")
			.param(investigationId)
			.query(CANDIDATE)
			.list();
		var rows = new LinkedHashMap<Long, Object[]>();
		Instant now = clock.instant();
		for (Candidate c : close) {
			Person contact = persons.find(c.personId()).orElse(null);
			if (contact != null && contact.householdId() != null) {
				for (Person member : persons.members(contact.householdId())) {
					if (member.id() != contact.id() && member.id() != investigation.casePersonId()) {
						rows.putIfAbsent(member.id(), new Object[] { member.id(), "SECOND_DEGREE", null, null, null, c.personId() });
					}
				}
			}
			Instant from = c.overlapStart() == null ? investigation.windowFrom() : c.overlapStart();
			index.contacts(new long[] { c.personId() }, from, now, 0, 0, (indexPerson, second, venue, start, end) -> {
				if (second != investigation.casePersonId()) {
					rows.putIfAbsent(second, new Object[] { second, "SECOND_DEGREE", venue, Timestamp.from(start),
							Timestamp.from(end), c.personId() });
				}
			});
		}
		int inserted = insertCandidates(investigationId, new ArrayList<>(rows.values()));
		audit.record("INVESTIGATION_SECOND_DEGREE", "investigation", String.valueOf(investigationId),
				inserted + " proposed through " + close.size() + " close contacts");
		return inserted;
	}

	/** Adds a contact by hand (found by interview), by identity number. */
	public void addByHand(long investigationId, long personId, Jurisdiction who) {
		getOpen(investigationId, who);
		insertCandidates(investigationId, List.<Object[]>of(new Object[] { personId, "MANUAL", null, null, null, null }));
	}

	// ---- classifying

	/** Applies a rule to the matching candidates; returns how many it classified. */
	public int classify(long investigationId, ClassificationRule rule, Jurisdiction who) {
		getOpen(investigationId, who);
		if (rule.target() == Candidate.Classification.PROPOSED) {
			throw InvalidInput.of("classification", messages.get("tracing.classify.target"));
		}
		var where = new StringBuilder(" WHERE investigation_id = ? AND confirmed_at IS NULL");
		var params = new ArrayList<Object>();
		params.add(investigationId);
		if (!rule.reclassify()) {
			where.append(" AND classification = 'PROPOSED'");
		}
		if (rule.venueId() != null) {
			where.append(" AND venue_id = ?");
			params.add(rule.venueId());
		}
		if (rule.source() != null) {
			where.append(" AND source = ?");
			params.add(rule.source().name());
		}
		if (rule.minOverlapMinutes() != null) {
			where.append(" AND overlap_end - overlap_start >= make_interval(mins => ?)");
			params.add(rule.minOverlapMinutes());
		}
		if (rule.maxOverlapMinutes() != null) {
			where.append(" AND (overlap_end IS NULL OR overlap_end - overlap_start < make_interval(mins => ?))");
			params.add(rule.maxOverlapMinutes());
		}
		String venueName = rule.venueId() == null ? null : venues.find(rule.venueId()).map(Venue::name).orElse(null);
		String text = rule.describe(venueName) + " (" + who.username() + ")";
		var all = new ArrayList<Object>();
		all.add(rule.target().name());
		all.add(text);
		all.add(who.username());
		all.add(Timestamp.from(clock.instant()));
		all.addAll(params);
		int count = jdbc.sql("UPDATE tracing_candidate SET classification = ?, rule = ?, classified_by = ?, classified_at = ?"
				+ where)
			.params(all)
			.update();
		audit.record("INVESTIGATION_CLASSIFY", "investigation", String.valueOf(investigationId), text + ": " + count);
		return count;
	}

	/** Classifies chosen candidates by hand. */
	public int classifyByHand(long investigationId, List<Long> candidateIds, Candidate.Classification target,
			Jurisdiction who) {
		getOpen(investigationId, who);
		if (candidateIds.isEmpty() || target == Candidate.Classification.PROPOSED) {
			return 0;
		}
		return jdbc.sql("""
				UPDATE tracing_candidate SET classification = :target, rule = :rule, classified_by = :by, classified_at = :at
				WHERE investigation_id = :id AND confirmed_at IS NULL AND id IN (:ids)""")
			.param("target", target.name())
			.param("rule", "by hand (" + who.username() + ")")
			.param("by", who.username())
			.param("at", Timestamp.from(clock.instant()))
			.param("id", investigationId)
			.param("ids", candidateIds)
			.update();
	}

	/**
	 * A crowded venue becomes a venue-level notice: its still-proposed candidates are told by notice (health risk
	 * message to their phones) instead of door-to-door verification; the venue's department and town are notified.
	 */
	public int venueNotice(long investigationId, long venueId, Jurisdiction who) {
		Investigation investigation = getOpen(investigationId, who);
		Venue venue = venues.find(venueId).orElseThrow(() -> new NotFound("venue " + venueId));
		int count = classify(investigationId, new ClassificationRule(venueId, null, null, null,
				Candidate.Classification.NOTICE, false), who);
		Instant[] window = jdbc.sql("SELECT min(overlap_start), max(overlap_end) FROM tracing_candidate WHERE investigation_id = ? "
				+ "AND venue_id = ?")
			.params(investigationId, venueId)
			.query((rs, i) -> new Instant[] { instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)) })
			.single();
		Instant from = window[0] == null ? investigation.windowFrom() : window[0];
		Instant to = window[1] == null ? investigation.windowTo() : window[1];
		String text = messages.get("tracing.notice.text", venue.name(), format(from), format(to));
		jdbc.sql("""
				INSERT INTO tracing_venue_notice (investigation_id, venue_id, window_from, window_to, persons, text, issued_at, issued_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(investigationId, venueId, Timestamp.from(from), Timestamp.from(to), count, text,
					Timestamp.from(clock.instant()), who.username())
			.update();
		notifications.send(Notifications.Draft.toAudience("DEPARTMENT:" + venue.sector().name(), venue.regionCode(),
				Notification.Severity.ALERT, text, null, "/tracing/investigations/" + investigationId, "tracing"));
		notifications.send(Notifications.Draft.toAudience("TOWN_OFFICER", venue.regionCode().substring(0, 9),
				Notification.Severity.ALERT, text, null, null, "tracing"));
		return count;
	}

	/**
	 * Confirms the classified contacts not yet confirmed: close, secondary and general contacts go to the control loop
	 * (linked to the case, or for secondary contacts to the close contact through whom), notice candidates get the
	 * health risk message. Returns how many went to control.
	 */
	public int confirm(long investigationId, Jurisdiction who) {
		Investigation investigation = getOpen(investigationId, who);
		List<Candidate> ready = jdbc.sql("""
				SELECT * FROM tracing_candidate WHERE investigation_id = ? AND confirmed_at IS NULL
				AND classification NOT IN ('PROPOSED', 'EXCLUDED')""")
			.param(investigationId)
			.query(CANDIDATE)
			.list();
		// the latest the case can have exposed anyone is the day the case was sampled or reported
		LocalDate lastExposure = LocalDate.ofInstant(investigation.windowTo(), clock.getZone());
		var contacts = new ArrayList<ContactsConfirmed.Contact>();
		var noticed = new ArrayList<Long>();
		for (Candidate c : ready) {
			if (c.classification().controlled()) {
				long linked = c.classification() == Candidate.Classification.SECONDARY_CONTACT && c.viaPersonId() != null
						? c.viaPersonId() : investigation.casePersonId();
				contacts.add(new ContactsConfirmed.Contact(c.personId(), c.classification().name(), linked, lastExposure));
			}
			else if (c.classification() == Candidate.Classification.NOTICE) {
				noticed.add(c.personId());
			}
		}
		jdbc.sql("UPDATE tracing_candidate SET confirmed_at = ? WHERE investigation_id = ? AND confirmed_at IS NULL "
				+ "AND classification NOT IN ('PROPOSED', 'EXCLUDED')")
			.params(Timestamp.from(clock.instant()), investigationId)
			.update();
		if (!contacts.isEmpty()) {
			events.publishEvent(new ContactsConfirmed(investigationId, investigation.casePersonId(), List.copyOf(contacts)));
		}
		if (!noticed.isEmpty()) {
			List<String> phones = new ArrayList<>();
			for (Long person : noticed) {
				persons.phoneOf(person).ifPresent(phones::add);
			}
			if (!phones.isEmpty()) {
				gateway.ifAvailable(g -> g.send(phones, messages.get("tracing.notice.sms")));
			}
		}
		audit.record("INVESTIGATION_CONFIRM", "investigation", String.valueOf(investigationId),
				contacts.size() + " to control, " + noticed.size() + " noticed");
		return contacts.size();
	}

	public void close(long investigationId, @Nullable String note, Jurisdiction who) {
		getOpen(investigationId, who);
		jdbc.sql("UPDATE tracing_investigation SET state = 'CLOSED', closed_at = ?, note = ? WHERE id = ?")
			.params(Timestamp.from(clock.instant()), note, investigationId)
			.update();
		audit.record("INVESTIGATION_CLOSE", "investigation", String.valueOf(investigationId), note);
	}

	// ---- reading

	Investigation get(long id) {
		return jdbc.sql("SELECT * FROM tracing_investigation WHERE id = ?")
			.param(id)
			.query(INVESTIGATION)
			.optional()
			.orElseThrow(() -> new NotFound("investigation " + id));
	}

	/** An investigation the caller may see: epidemiologists and the city command all; officers those touching their area. */
	public Investigation get(long id, Jurisdiction who) {
		Investigation investigation = get(id);
		if (!visible(investigation, who)) {
			throw new NotFound("investigation " + id);
		}
		return investigation;
	}

	private Investigation getOpen(long id, Jurisdiction who) {
		if (!who.mayInvestigate()) {
			throw new NotFound("investigation " + id);
		}
		Investigation investigation = get(id, who);
		if (investigation.state() != Investigation.State.OPEN) {
			throw InvalidInput.of("state", messages.get("tracing.closed"));
		}
		return investigation;
	}

	boolean visible(Investigation investigation, Jurisdiction who) {
		if (who.isCityWide()) {
			return true;
		}
		if (who.covers(investigation.caseRegion())) {
			return true;
		}
		return jdbc.sql("SELECT count(*) FROM tracing_candidate WHERE investigation_id = ? AND region_code LIKE ?")
			.params(investigation.id(), who.regionPattern())
			.query(Long.class)
			.single() > 0;
	}

	/** Investigations visible to the caller, newest first. */
	@Transactional(readOnly = true)
	public PageResult<Investigation> list(Jurisdiction who, Investigation.@Nullable State state, Paging paging) {
		return listQuery(who, state).page(jdbc, paging);
	}

	/** Every investigation of {@link #list}, newest first (for its export). */
	public ListQuery<Investigation> listQuery(Jurisdiction who, Investigation.@Nullable State state) {
		String where = " WHERE (? OR i.case_region LIKE ? OR EXISTS (SELECT 1 FROM tracing_candidate c "
				+ "WHERE c.investigation_id = i.id AND c.region_code LIKE ?))" + (state == null ? "" : " AND i.state = ?");
		var params = new ArrayList<Object>(List.of(who.isCityWide(), who.regionPattern(), who.regionPattern()));
		if (state != null) {
			params.add(state.name());
		}
		return new ListQuery<>("i.*", "tracing_investigation i" + where, params, "i.opened_at DESC, i.id DESC",
				INVESTIGATION);
	}

	/** The open investigation of a case, if any. */
	@Transactional(readOnly = true)
	public Optional<Investigation> openFor(long personId) {
		return jdbc.sql("SELECT * FROM tracing_investigation WHERE case_person_id = ? ORDER BY state = 'OPEN' DESC, id DESC LIMIT 1")
			.param(personId)
			.query(INVESTIGATION)
			.optional();
	}

	/** Candidates, filtered by classification and venue; officers see only those living in their area. */
	@Transactional(readOnly = true)
	public PageResult<Candidate> candidates(long investigationId, Candidate.@Nullable Classification classification,
			@Nullable Long venueId, Jurisdiction who, Paging paging) {
		return candidateList(investigationId, classification, venueId, who).page(jdbc, paging);
	}

	/** Every candidate of {@link #candidates} with these filters, in the list's order (for its export). */
	@Transactional(readOnly = true)
	public ListQuery<Candidate> candidateList(long investigationId, Candidate.@Nullable Classification classification,
			@Nullable Long venueId, Jurisdiction who) {
		get(investigationId, who);
		var where = new StringBuilder(" WHERE investigation_id = ?");
		var params = new ArrayList<Object>();
		params.add(investigationId);
		if (!who.isCityWide()) {
			where.append(" AND region_code LIKE ?");
			params.add(who.regionPattern());
		}
		if (classification != null) {
			where.append(" AND classification = ?");
			params.add(classification.name());
		}
		if (venueId != null) {
			where.append(" AND venue_id = ?");
			params.add(venueId);
		}
		return new ListQuery<>("*", "tracing_candidate" + where, params,
				"(overlap_end - overlap_start) DESC NULLS FIRST, id", CANDIDATE);
	}

	/** Counts of candidates by classification. */
	@Transactional(readOnly = true)
	public Map<String, Long> counts(long investigationId) {
		var counts = new HashMap<String, Long>();
		jdbc.sql("SELECT classification, count(*) FROM tracing_candidate WHERE investigation_id = ? GROUP BY 1")
			.param(investigationId)
			.query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	/** Per venue: how many candidates, still proposed, the longest overlap and the first co-presence. */
	public record VenueSummary(long venueId, String venueName, long candidates, long proposed, long maxOverlapMinutes,
			@Nullable Instant first) {
	}

	@Transactional(readOnly = true)
	public List<VenueSummary> venues(long investigationId) {
		List<Object[]> rows = jdbc.sql("""
				SELECT venue_id, count(*), count(*) FILTER (WHERE classification = 'PROPOSED'),
					coalesce(max(extract(epoch FROM overlap_end - overlap_start)) / 60, 0), min(overlap_start)
				FROM tracing_candidate WHERE investigation_id = ? AND venue_id IS NOT NULL AND source = 'VENUE'
				GROUP BY venue_id ORDER BY count(*) DESC""")
			.param(investigationId)
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					instant(rs.getTimestamp(5)) })
			.list();
		var result = new ArrayList<VenueSummary>();
		for (Object[] r : rows) {
			long venueId = (Long) r[0];
			result.add(new VenueSummary(venueId, venues.find(venueId).map(Venue::name).orElse("#" + venueId), (Long) r[1],
					(Long) r[2], Math.max(0, (Long) r[3]), (Instant) r[4]));
		}
		return result;
	}

	/** The case's own presences in the window, as the venues met there (for the venue timeline). */
	@Transactional(readOnly = true)
	public List<VenueSummary> caseTimeline(long investigationId) {
		return venues(investigationId).stream()
			.sorted(java.util.Comparator.comparing(VenueSummary::first, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
			.toList();
	}

	private String format(Instant at) {
		return java.time.format.DateTimeFormatter.ofPattern("M月d日 HH:mm").format(at.atZone(clock.getZone()));
	}

	private static Candidate candidate(ResultSet rs, int i) throws SQLException {
		return new Candidate(rs.getLong("id"), rs.getLong("investigation_id"), rs.getLong("person_id"),
				Candidate.Source.valueOf(rs.getString("source")), rs.getObject("venue_id", Long.class),
				instant(rs.getTimestamp("overlap_start")), instant(rs.getTimestamp("overlap_end")),
				rs.getObject("via_person_id", Long.class), rs.getString("region_code"),
				Candidate.Classification.valueOf(rs.getString("classification")), rs.getString("rule"),
				rs.getString("classified_by"), instant(rs.getTimestamp("classified_at")),
				instant(rs.getTimestamp("confirmed_at")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}


}
