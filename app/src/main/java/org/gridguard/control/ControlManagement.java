package org.gridguard.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridguard.person.PersonManagement;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.Notification;
import org.gridguard.platform.Notifications;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.RegionLevel;
import org.gridguard.region.RegionManagement;
import org.gridguard.responsibility.Assignment;
import org.gridguard.responsibility.FourParties;
import org.gridguard.responsibility.ResponsibilityManagement;
import org.gridguard.responsibility.Subject;
import org.gridguard.shared.Sector;
import org.gridguard.status.FactKind;
import org.gridguard.status.StatusManagement;
import org.gridguard.testing.PositiveResultRecorded;
import org.gridguard.testing.TestResult;
import org.gridguard.testing.TestResultsRecorded;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The control loop's use cases: register pushed persons (in bulk), verify on site, apply a protocol and lay out its
 * schedule, record health checks and tests, escalate when a linked person turns positive, and release. Every decision
 * is written to the person's timeline with the rule and inputs that produced it.
 */
@Service
@Transactional
public class ControlManagement {

	static final String SOURCE_PREFIX = "control:risk-person:";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final ProtocolCatalogue catalogue;

	private final ControlQueries queries;

	private final PersonManagement persons;

	private final StatusManagement status;

	private final ResponsibilityManagement responsibility;

	private final RegionManagement regions;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	private final LoopSettingsStore settings;

	private final String baseUrl;

	private final org.springframework.beans.factory.ObjectProvider<org.gridguard.platform.MessageGateway> gateway;

	private final SecureRandom random = new SecureRandom();

	ControlManagement(JdbcClient jdbc, JdbcTemplate template, ProtocolCatalogue catalogue, ControlQueries queries,
			PersonManagement persons, StatusManagement status, ResponsibilityManagement responsibility,
			RegionManagement regions, Notifications notifications, AuditLog audit, Messages messages, Clock clock,
			LoopSettingsStore settings,
			@Value("${gridguard.public-url:http://localhost:8080}") String baseUrl,
			org.springframework.beans.factory.ObjectProvider<org.gridguard.platform.MessageGateway> gateway) {
		this.jdbc = jdbc;
		this.template = template;
		this.catalogue = catalogue;
		this.queries = queries;
		this.persons = persons;
		this.status = status;
		this.responsibility = responsibility;
		this.regions = regions;
		this.notifications = notifications;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
		this.settings = settings;
		this.baseUrl = baseUrl;
		this.gateway = gateway;
	}

	private ZoneId zone() {
		return clock.getZone();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	// ---- registering pushed persons

	/** How a bulk registration went. {@code riskPersonIds} follow the input order (existing ones for repeats). */
	public record Registration(int created, int existing, int queued, int transferred, long[] riskPersonIds) {
	}

	/**
	 * Registers pushed persons in bulk: one risk person per person (a person already under active control is not
	 * registered twice; the repeat is noted on their timeline), a verification task with the category's SLA in the
	 * grid or queue, the pending status fact, and the four parties. Persons living outside the city are marked for
	 * transfer out.
	 */
	public Registration registerAll(List<Pushed> pushed, String actor) {
		if (pushed.isEmpty()) {
			return new Registration(0, 0, 0, 0, new long[0]);
		}
		Map<Category, CategoryRule> rules = catalogue.categories();
		Instant now = clock.instant();
		// the same person twice in one call counts once
		var first = new LinkedHashMap<Long, Pushed>();
		for (Pushed p : pushed) {
			first.putIfAbsent(p.personId(), p);
		}
		Map<Long, Long> existingActive = queries.activeRiskPersonIds(first.keySet());
		Map<Long, Long> recentTransfers = recentTransfers(first.keySet(), now.minus(Duration.ofDays(14)));
		var toCreate = new ArrayList<Pushed>();
		for (Pushed p : first.values()) {
			if (!existingActive.containsKey(p.personId()) && !recentTransfers.containsKey(p.personId())) {
				toCreate.add(p);
			}
		}
		Map<Long, Long> created = insertRiskPersons(toCreate, now);
		var timeline = new ArrayList<Object[]>();
		var tasks = new ArrayList<Object[]>();
		var facts = new ArrayList<StatusManagement.FactAssertion>();
		var parties = new ArrayList<Assignment>();
		var byRegion = new HashMap<String, Integer>();
		int queued = 0;
		int transferred = 0;
		for (Pushed p : toCreate) {
			long id = created.get(p.personId());
			CategoryRule rule = rules.get(p.category());
			timeline.add(new Object[] { id, Timestamp.from(now), "PUSHED", actor, "control.timeline.pushed",
					Explained.args("#control.category." + p.category(), p.source() == null ? "—" : p.source(),
							"#control.placement.kind." + p.placement().kind(), regions.fullName(p.placement().regionCode()),
							p.placement().note() == null ? "—" : p.placement().note(), rule.protocolId(), rule.ackHours(),
							rule.verifyHours(), local(p.pushedAt())) });
			if (p.placement().kind() == Placement.Kind.OUTSIDE) {
				transferred++;
				continue;
			}
			if (p.placement().kind() == Placement.Kind.QUEUE) {
				queued++;
			}
			tasks.add(new Object[] { id, "VERIFY", p.placement().regionCode(), "OPEN", Timestamp.from(now),
					Timestamp.from(p.pushedAt().plus(rule.ackWithin())), Timestamp.from(p.pushedAt().plus(rule.verifyWithin())) });
			if (rule.pendingFact() != null) {
				facts.add(new StatusManagement.FactAssertion(p.personId(), rule.pendingFact(), SOURCE_PREFIX + id,
						messages.get("control.category." + p.category()), p.pushedAt(), null));
			}
			parties.add(new Assignment(Subject.riskPerson(id), p.name() + " · " + messages.get("control.category." + p.category()),
					new FourParties(p.placement().regionCode(), Sector.HEALTH, null, null, null, p.name(), null), true, now,
					actor));
			byRegion.merge(p.placement().regionCode(), 1, Integer::sum);
		}
		var repeats = new ArrayList<Object[]>();
		for (Pushed p : first.values()) {
			Long existing = existingActive.get(p.personId());
			if (existing != null) {
				repeats.add(new Object[] { existing, Timestamp.from(now), "PUSHED_AGAIN", actor, "control.timeline.pushedAgain",
						Explained.args("#control.category." + p.category(), p.source() == null ? "—" : p.source()) });
			}
		}
		template.batchUpdate("INSERT INTO control_timeline (risk_person_id, at, kind, actor, detail_key, detail_args) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", timeline);
		template.batchUpdate("INSERT INTO control_timeline (risk_person_id, at, kind, actor, detail_key, detail_args) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", repeats);
		template.batchUpdate("""
				INSERT INTO control_task (risk_person_id, kind, region_code, state, created_at, ack_due_at, due_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", tasks);
		status.assertFacts(facts);
		responsibility.assignAll(parties, actor);
		byRegion.forEach((region, count) -> notifyNewWork(region, count, actor, now));
		long[] ids = new long[pushed.size()];
		for (int i = 0; i < pushed.size(); i++) {
			long personId = pushed.get(i).personId();
			Long id = created.containsKey(personId) ? created.get(personId)
					: existingActive.containsKey(personId) ? existingActive.get(personId) : recentTransfers.get(personId);
			ids[i] = id == null ? 0 : id;
		}
		int existingCount = first.size() - toCreate.size();
		return new Registration(toCreate.size(), existingCount, queued, transferred, ids);
	}

	private Map<Long, Long> insertRiskPersons(List<Pushed> toCreate, Instant now) {
		var result = new HashMap<Long, Long>();
		if (toCreate.isEmpty()) {
			return result;
		}
		template.execute((Connection con) -> {
			int n = toCreate.size();
			Long[] person = new Long[n];
			String[] category = new String[n];
			String[] state = new String[n];
			String[] region = new String[n];
			String[] placement = new String[n];
			String[] note = new String[n];
			String[] source = new String[n];
			Long[] list = new Long[n];
			Long[] linked = new Long[n];
			Date[] exposure = new Date[n];
			Timestamp[] pushedAt = new Timestamp[n];
			for (int i = 0; i < n; i++) {
				Pushed p = toCreate.get(i);
				person[i] = p.personId();
				category[i] = p.category().name();
				state[i] = p.placement().kind() == Placement.Kind.OUTSIDE ? "TRANSFERRED_OUT" : "PENDING";
				region[i] = p.placement().regionCode();
				placement[i] = p.placement().kind().name();
				note[i] = p.placement().note() == null ? null : truncate(p.placement().note(), 200);
				source[i] = p.source() == null ? null : truncate(p.source(), 100);
				list[i] = p.pushListId();
				linked[i] = p.linkedPersonId();
				exposure[i] = p.lastExposure() == null ? null : Date.valueOf(p.lastExposure());
				pushedAt[i] = Timestamp.from(p.pushedAt());
			}
			try (PreparedStatement ps = con.prepareStatement("""
					INSERT INTO control_risk_person (person_id, category, state, region_code, placement, placement_note,
						source, push_list_id, linked_person_id, last_exposure, pushed_at, ended_at, end_note, created_at, updated_at)
					SELECT p, c, s, r, pl, n, so, l, lk, e, pa, CASE WHEN s = 'TRANSFERRED_OUT' THEN ?::timestamptz END,
						CASE WHEN s = 'TRANSFERRED_OUT' THEN n END, ?::timestamptz, ?::timestamptz
					FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
						?::varchar[], ?::bigint[], ?::bigint[], ?::date[], ?::timestamptz[])
						AS t(p, c, s, r, pl, n, so, l, lk, e, pa)
					ON CONFLICT (person_id) WHERE state IN ('PENDING', 'CONTROLLED', 'READY_FOR_RELEASE') DO NOTHING
					RETURNING id, person_id""")) {
				Timestamp ts = Timestamp.from(now);
				ps.setTimestamp(1, ts);
				ps.setTimestamp(2, ts);
				ps.setTimestamp(3, ts);
				ps.setArray(4, con.createArrayOf("bigint", person));
				ps.setArray(5, con.createArrayOf("varchar", category));
				ps.setArray(6, con.createArrayOf("varchar", state));
				ps.setArray(7, con.createArrayOf("varchar", region));
				ps.setArray(8, con.createArrayOf("varchar", placement));
				ps.setArray(9, con.createArrayOf("varchar", note));
				ps.setArray(10, con.createArrayOf("varchar", source));
				ps.setArray(11, con.createArrayOf("bigint", list));
				ps.setArray(12, con.createArrayOf("bigint", linked));
				ps.setArray(13, con.createArrayOf("date", exposure));
				ps.setArray(14, con.createArrayOf("timestamptz", pushedAt));
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						result.put(rs.getLong(2), rs.getLong(1));
					}
				}
			}
			return null;
		});
		return result;
	}

	private Map<Long, Long> recentTransfers(Set<Long> personIds, Instant since) {
		var result = new HashMap<Long, Long>();
		if (personIds.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT person_id, max(id) FROM control_risk_person WHERE state = 'TRANSFERRED_OUT' "
				+ "AND created_at >= :since AND person_id IN (:ids) GROUP BY person_id")
			.param("since", Timestamp.from(since))
			.param("ids", personIds)
			.query((rs, i) -> result.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return result;
	}

	private void notifyNewWork(String region, int count, String actor, Instant now) {
		String audience = region.length() == RegionLevel.GRID.codeLength() ? "GRID_WORKER"
				: region.length() == RegionLevel.VILLAGE.codeLength() ? "VILLAGE_OFFICER"
						: region.length() == RegionLevel.TOWN.codeLength() ? "TOWN_OFFICER" : "CITY_ADMIN";
		String title = region.length() == RegionLevel.GRID.codeLength() ? messages.get("control.notify.newTasks", count)
				: messages.get("control.notify.queued", count);
		notifications.send(Notifications.Draft
			.toAudience(audience, region, Notification.Severity.WARNING, title, regions.fullName(region),
					region.length() == RegionLevel.GRID.codeLength() ? "/control/tasks" : "/control/queue", "control")
			.withDedupeKey("control:new:" + region + ":" + now.toEpochMilli() + ":" + actor));
	}

	// ---- tasks

	/** The grid worker takes the task: the acknowledgement clock stops. */
	public VerificationTask accept(long taskId, Jurisdiction who) {
		VerificationTask task = queries.task(taskId, who);
		if (task.state() != VerificationTask.State.OPEN) {
			throw InvalidInput.of("state", messages.get("control.task.notOpen"));
		}
		Instant now = clock.instant();
		jdbc.sql("UPDATE control_task SET state = 'ACCEPTED', accepted_at = ?, accepted_by = ? WHERE id = ?")
			.params(Timestamp.from(now), who.username(), taskId)
			.update();
		timeline(task.riskPersonId(), now, "TASK_ACCEPTED", who.username(), "control.timeline.task", taskId);
		return queries.task(taskId, who);
	}

	/** Records the visit: the measure is applied, or the person was not found, or lives elsewhere. */
	public RiskPerson complete(long taskId, Verification visit, Jurisdiction who) {
		VerificationTask task = queries.task(taskId, who);
		if (!task.state().open() || task.kind() != VerificationTask.Kind.VERIFY) {
			throw InvalidInput.of("state", messages.get("control.task.notOpen"));
		}
		RiskPerson person = queries.riskPerson(task.riskPersonId());
		Instant now = clock.instant();
		switch (visit.outcome()) {
			case CONTROLLED -> applyMeasure(person, visit, who.username(), now);
			case NOT_FOUND -> {
				setState(person.id(), RiskPerson.State.NOT_FOUND, now, who.username(), visit.note());
				timelineNote(person.id(), now, "NOT_FOUND", who.username(), visit.note());
				notifyTown(person, Notification.Severity.WARNING, messages.get("control.notify.notFound"));
			}
			case OUT_OF_AREA -> {
				setState(person.id(), RiskPerson.State.TRANSFERRED_OUT, now, who.username(), visit.note());
				timelineNote(person.id(), now, "TRANSFERRED_OUT", who.username(), visit.note());
				responsibility.close(Subject.riskPerson(person.id()));
				notifyTown(person, Notification.Severity.INFO, messages.get("control.notify.transferred"));
			}
		}
		jdbc.sql("""
				UPDATE control_task SET state = 'DONE', completed_at = ?, completed_by = ?, outcome = ?, found = ?,
					phone_confirmed = ?, measure = ?, note = ?, accepted_at = coalesce(accepted_at, ?),
					accepted_by = coalesce(accepted_by, ?) WHERE id = ?""")
			.params(Timestamp.from(now), who.username(), visit.outcome().name(), visit.outcome() == Outcome.CONTROLLED,
					visit.phoneConfirmed(), measureName(queries.riskPerson(person.id())),
					visit.note() == null ? null : truncate(visit.note(), 500), Timestamp.from(now), who.username(), taskId)
			.update();
		audit.record("CONTROL_VERIFY", "risk_person", String.valueOf(person.id()), visit.outcome().name());
		return queries.riskPerson(person.id());
	}

	private void applyMeasure(RiskPerson person, Verification visit, String actor, Instant now) {
		CategoryRule rule = catalogue.category(person.category());
		String protocolId = visit.protocolId() == null || visit.protocolId().isBlank() ? rule.protocolId()
				: visit.protocolId();
		Protocol protocol = catalogue.protocol(protocolId)
			.orElseThrow(() -> InvalidInput.of("protocolId", messages.get("control.protocol.unknown")));
		LocalDate exposure = visit.lastExposure() != null ? visit.lastExposure() : person.lastExposure();
		if (exposure != null && exposure.isAfter(today())) {
			throw InvalidInput.of("lastExposure", messages.get("control.lastExposure.future"));
		}
		LocalDate start = startDate(protocol, exposure, today());
		ProtocolSchedule schedule = ProtocolSchedule.of(protocol, start);
		jdbc.sql("""
				UPDATE control_risk_person SET state = 'CONTROLLED', protocol_id = ?, plan_start = ?, plan_end = ?,
					last_exposure = ?, measure = ?, controlled_at = ?, updated_at = ? WHERE id = ?""")
			.params(protocol.id(), Date.valueOf(start), Date.valueOf(schedule.lastDay()),
					exposure == null ? null : Date.valueOf(exposure), currentMeasure(schedule, today()).name(),
					Timestamp.from(now), Timestamp.from(now), person.id())
			.update();
		layOut(person, schedule, now);
		if (rule.pendingFact() != null) {
			status.retractFact(person.personId(), rule.pendingFact(), SOURCE_PREFIX + person.id());
		}
		timeline(person.id(), now, "MEASURE_APPLIED", actor, "control.timeline.measure", protocol.name(), protocol.shape(),
				start, "#control.start." + protocol.start(), exposure == null ? "—" : exposure, describe(schedule),
				schedule.testDates(), schedule.releaseDay());
		issueSelfReportLink(person, now);
	}

	/** Day 1 by the protocol's start rule; without a known exposure date, the day of verification. */
	static LocalDate startDate(Protocol protocol, @Nullable LocalDate exposure, LocalDate verifiedOn) {
		if (protocol.start() == Protocol.StartRule.VERIFICATION || exposure == null) {
			return verifiedOn;
		}
		return exposure;
	}

	private static @Nullable String measureName(RiskPerson person) {
		return person.measure() == null ? null : person.measure().name();
	}

	private static MeasureKind currentMeasure(ProtocolSchedule schedule, LocalDate day) {
		ProtocolSchedule.StageWindow stage = schedule.stageOn(day);
		if (stage != null) {
			return stage.kind();
		}
		return schedule.stages().get(schedule.stages().size() - 1).kind();
	}

	private String describe(ProtocolSchedule schedule) {
		return String.join("；", schedule.stages()
			.stream()
			.map(s -> messages.getDefault("control.measure." + s.kind()) + " " + s.from() + "—" + s.to())
			.toList());
	}

	/**
	 * Writes the schedule (checks twice a day and the test days, from today on) and the status facts of each stage:
	 * every stage's fact ends when the next stage starts; the last one lasts until release.
	 */
	private void layOut(RiskPerson person, ProtocolSchedule schedule, Instant now) {
		LocalDate today = today();
		LoopSettings loop = settings.settings();
		jdbc.sql("DELETE FROM control_schedule_item WHERE risk_person_id = ? AND done_at IS NULL AND day >= ?")
			.params(person.id(), Date.valueOf(today))
			.update();
		var items = new ArrayList<Object[]>();
		for (LocalDate day = schedule.start().isBefore(today) ? today : schedule.start(); !day.isAfter(schedule.lastDay()); day = day
			.plusDays(1)) {
			ProtocolSchedule.StageWindow stage = schedule.stageOn(day);
			Instant am = day.atTime(loop.amDue()).atZone(zone()).toInstant();
			Instant pm = day.atTime(loop.pmDue()).atZone(zone()).toInstant();
			if (am.isAfter(now)) {
				items.add(new Object[] { person.id(), Date.valueOf(day), "AM", stage.stageNo(), Timestamp.from(am) });
			}
			if (pm.isAfter(now)) {
				items.add(new Object[] { person.id(), Date.valueOf(day), "PM", stage.stageNo(), Timestamp.from(pm) });
			}
		}
		for (ProtocolSchedule.TestDay test : schedule.tests()) {
			if (!test.date().isBefore(today)) {
				Instant due = test.date().plusDays(1).atStartOfDay(zone()).toInstant().plus(loop.testGrace());
				items.add(new Object[] { person.id(), Date.valueOf(test.date()), "TEST", test.stageNo(), Timestamp.from(due) });
			}
		}
		jdbc.sql("DELETE FROM control_stage WHERE risk_person_id = ?").param(person.id()).update();
		template.batchUpdate("INSERT INTO control_stage (risk_person_id, stage_no, kind, from_day, to_day) VALUES (?, ?, ?, ?, ?)",
				schedule.stages()
					.stream()
					.map(s -> new Object[] { person.id(), s.stageNo(), s.kind().name(), Date.valueOf(s.from()),
							Date.valueOf(s.to()) })
					.toList());
		template.batchUpdate("""
				INSERT INTO control_schedule_item (risk_person_id, day, slot, stage_no, due_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (risk_person_id, day, slot) DO UPDATE SET stage_no = excluded.stage_no, due_at = excluded.due_at""",
				items);
		String source = SOURCE_PREFIX + person.id();
		for (MeasureKind kind : MeasureKind.values()) {
			if (kind.fact() != null) {
				status.retractFact(person.personId(), kind.fact(), source);
			}
		}
		var facts = new ArrayList<StatusManagement.FactAssertion>();
		List<ProtocolSchedule.StageWindow> stages = schedule.stages();
		for (int i = 0; i < stages.size(); i++) {
			ProtocolSchedule.StageWindow s = stages.get(i);
			if (s.kind().fact() == null) {
				continue;
			}
			Instant from = s.from().atStartOfDay(zone()).toInstant();
			Instant until = i == stages.size() - 1 ? null : s.to().plusDays(1).atStartOfDay(zone()).toInstant();
			if (until != null && !until.isAfter(now)) {
				continue;
			}
			facts.add(new StatusManagement.FactAssertion(person.personId(), s.kind().fact(), source,
					messages.get("control.measure." + s.kind()) + " " + s.from() + "—" + s.to(), from, until));
		}
		status.assertFacts(facts);
	}

	// ---- queue, transfer, release

	/** An officer places a queued (or not found) person in a grid: a verification task opens there. */
	public RiskPerson assignGrid(long riskPersonId, String gridCode, Jurisdiction who) {
		RiskPerson person = queries.riskPerson(riskPersonId, who);
		Region grid = regions.find(gridCode).orElse(null);
		if (grid == null || grid.level() != RegionLevel.GRID || !grid.active() || !who.covers(gridCode)
				|| !who.canAdminister(gridCode)) {
			throw InvalidInput.of("grid", messages.get("control.grid.invalid"));
		}
		if (person.state() != RiskPerson.State.PENDING && person.state() != RiskPerson.State.NOT_FOUND) {
			throw InvalidInput.of("state", messages.get("control.assign.state"));
		}
		Instant now = clock.instant();
		CategoryRule rule = catalogue.category(person.category());
		jdbc.sql("UPDATE control_risk_person SET region_code = ?, placement = 'GRID', state = 'PENDING', updated_at = ? WHERE id = ?")
			.params(gridCode, Timestamp.from(now), riskPersonId)
			.update();
		int moved = jdbc.sql("UPDATE control_task SET region_code = ? WHERE risk_person_id = ? AND state IN ('OPEN', 'ACCEPTED')")
			.params(gridCode, riskPersonId)
			.update();
		if (moved == 0) {
			jdbc.sql("""
					INSERT INTO control_task (risk_person_id, kind, region_code, state, created_at, ack_due_at, due_at)
					VALUES (?, 'VERIFY', ?, 'OPEN', ?, ?, ?)""")
				.params(riskPersonId, gridCode, Timestamp.from(now), Timestamp.from(now.plus(rule.ackWithin())),
						Timestamp.from(now.plus(rule.verifyWithin())))
				.update();
		}
		responsibility.moveSubject(Subject.riskPerson(riskPersonId), gridCode);
		timeline(riskPersonId, now, "PLACED", who.username(), "control.timeline.placed", regions.fullName(person.regionCode()),
				regions.fullName(gridCode));
		notifyNewWork(gridCode, 1, who.username(), now);
		return queries.riskPerson(riskPersonId);
	}

	/** An officer confirms that a person lives elsewhere and is pushed on. */
	public RiskPerson transferOut(long riskPersonId, String reason, Jurisdiction who) {
		RiskPerson person = queries.riskPerson(riskPersonId, who);
		if (!person.state().active() && person.state() != RiskPerson.State.NOT_FOUND) {
			throw InvalidInput.of("state", messages.get("control.transfer.state"));
		}
		if (reason == null || reason.isBlank()) {
			throw InvalidInput.of("reason", messages.get("control.reason.required"));
		}
		Instant now = clock.instant();
		setState(riskPersonId, RiskPerson.State.TRANSFERRED_OUT, now, who.username(), reason);
		cancelOpenTasks(riskPersonId);
		responsibility.close(Subject.riskPerson(riskPersonId));
		timelineNote(riskPersonId, now, "TRANSFERRED_OUT", who.username(), reason);
		return queries.riskPerson(riskPersonId);
	}

	/**
	 * Releases a person whose protocol is complete. Only a READY_FOR_RELEASE person can be released, and only by an
	 * officer (village, town or city) of their area.
	 */
	public RiskPerson release(long riskPersonId, @Nullable String note, Jurisdiction who) {
		RiskPerson person = queries.riskPerson(riskPersonId, who);
		if (person.state() != RiskPerson.State.READY_FOR_RELEASE) {
			throw InvalidInput.of("state", messages.get("control.release.notReady"));
		}
		if (!who.canAdminister(person.regionCode())) {
			throw InvalidInput.of("state", messages.get("control.release.officer"));
		}
		Instant now = clock.instant();
		setState(riskPersonId, RiskPerson.State.RELEASED, now, who.username(), note);
		jdbc.sql("UPDATE control_task SET state = 'DONE', completed_at = ?, completed_by = ?, outcome = 'RELEASED' "
				+ "WHERE risk_person_id = ? AND kind = 'RELEASE' AND state IN ('OPEN', 'ACCEPTED')")
			.params(Timestamp.from(now), who.username(), riskPersonId)
			.update();
		cancelOpenTasks(riskPersonId);
		jdbc.sql("DELETE FROM control_schedule_item WHERE risk_person_id = ? AND done_at IS NULL").param(riskPersonId).update();
		status.retractAllFrom(person.personId(), SOURCE_PREFIX + riskPersonId);
		responsibility.close(Subject.riskPerson(riskPersonId));
		timelineNote(riskPersonId, now, "RELEASED", who.username(), note);
		audit.record("CONTROL_RELEASE", "risk_person", String.valueOf(riskPersonId), note);
		return queries.riskPerson(riskPersonId);
	}

	/**
	 * Moves persons whose last stage has ended to READY_FOR_RELEASE when every scheduled test was done and negative
	 * (and, for protocols that require it, the linked close contact's first two tests were negative); opens a RELEASE
	 * task for the grid. Also keeps each person's current measure up to date as stages change.
	 */
	@Scheduled(fixedDelayString = "${gridguard.control.release-check:5m}", initialDelayString = "${gridguard.control.release-check-delay:30s}")
	public void evaluateReleases() {
		LocalDate today = today();
		Instant now = clock.instant();
		List<RiskPerson> due = queries.controlledEndingBefore(today);
		for (RiskPerson person : due) {
			Protocol protocol = catalogue.protocol(person.protocolId()).orElse(null);
			if (protocol == null || person.planStart() == null) {
				continue;
			}
			ReleaseCheck check = releaseCheck(person, protocol);
			if (!check.ready()) {
				continue;
			}
			setState(person.id(), RiskPerson.State.READY_FOR_RELEASE, null, null, null);
			jdbc.sql("""
					INSERT INTO control_task (risk_person_id, kind, region_code, state, created_at, ack_due_at, due_at)
					VALUES (?, 'RELEASE', ?, 'OPEN', ?, ?, ?)""")
				.params(person.id(), person.regionCode(), Timestamp.from(now), Timestamp.from(now.plus(Duration.ofHours(4))),
						Timestamp.from(now.plus(Duration.ofHours(24))))
				.update();
			timeline(person.id(), now, "READY_FOR_RELEASE", AuditLog.SYSTEM, check.key(), check.args());
		}
		for (Object[] change : queries.measureChanges(today)) {
			long id = (Long) change[0];
			String measure = (String) change[1];
			jdbc.sql("UPDATE control_risk_person SET measure = ?, updated_at = ? WHERE id = ?")
				.params(measure, Timestamp.from(now), id)
				.update();
			timeline(id, now, "STAGE_STARTED", AuditLog.SYSTEM, "control.timeline.stage", "#control.measure." + measure);
		}
	}

	/** Whether a person may be released, and why (or why not), as a message key and arguments. */
	public record ReleaseCheck(boolean ready, String key, Object... args) {
	}

	ReleaseCheck releaseCheck(RiskPerson person, Protocol protocol) {
		ProtocolSchedule schedule = ProtocolSchedule.of(protocol, person.planStart());
		if (!today().isAfter(schedule.lastDay())) {
			return new ReleaseCheck(false, "control.release.check.stages", schedule.lastDay());
		}
		List<String[]> tests = queries.testItems(person.id());
		for (String[] test : tests) {
			if (test[1] == null) {
				return new ReleaseCheck(false, "control.release.check.missing", test[0]);
			}
			if (!"NEGATIVE".equals(test[1])) {
				return new ReleaseCheck(false, "control.release.check.positive", test[0]);
			}
		}
		String linkedNote = "";
		if ("LINKED_FIRST_TWO_NEGATIVE".equals(protocol.releaseRule()) && person.linkedPersonId() != null) {
			List<String> firstTwo = queries.firstTwoResultsOfLinked(person.linkedPersonId());
			if (firstTwo.size() < 2 || !firstTwo.stream().allMatch("NEGATIVE"::equals)) {
				return new ReleaseCheck(false, "control.release.check.linked", firstTwo);
			}
			linkedNote = "#control.release.check.linkedNegative";
		}
		return new ReleaseCheck(true, "control.timeline.ready", "#control.release." + protocol.releaseRule(),
				schedule.start(), schedule.lastDay(), tests.size(), linkedNote);
	}

	// ---- health checks and tests

	/** Records a twice-daily check; a fever or symptoms turn the person yellow for three days and alert the grid. */
	public void recordCheck(long riskPersonId, String slot, @Nullable Double temperature, @Nullable String symptoms,
			String via, String by) {
		var problems = new ArrayList<org.gridguard.platform.FieldProblem>();
		if (!"AM".equals(slot) && !"PM".equals(slot)) {
			problems.add(messages.problem("slot", "control.check.slot"));
		}
		if (temperature == null || temperature < 34.0 || temperature > 43.0) {
			problems.add(messages.problem("temperature", "control.check.temperature"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		RiskPerson person = queries.riskPerson(riskPersonId);
		if (person.state() != RiskPerson.State.CONTROLLED && person.state() != RiskPerson.State.READY_FOR_RELEASE) {
			throw InvalidInput.of("state", messages.get("control.check.notControlled"));
		}
		Instant now = clock.instant();
		LocalDate day = today();
		String cleanSymptoms = symptoms == null || symptoms.isBlank() ? null : truncate(symptoms.strip(), 200);
		jdbc.sql("""
				INSERT INTO control_health_check (risk_person_id, day, slot, temperature, symptoms, via, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(riskPersonId, Date.valueOf(day), slot, temperature, cleanSymptoms, via, by, Timestamp.from(now))
			.update();
		jdbc.sql("UPDATE control_schedule_item SET done_at = ?, value = ? WHERE risk_person_id = ? AND day = ? AND slot = ?")
			.params(Timestamp.from(now), temperature + (cleanSymptoms == null ? "" : " " + cleanSymptoms), riskPersonId,
					Date.valueOf(day), slot)
			.update();
		double feverThreshold = settings.settings().feverThreshold();
		boolean abnormal = temperature >= feverThreshold || cleanSymptoms != null;
		timeline(riskPersonId, now, abnormal ? "FEVER" : "CHECK_RECORDED", by,
				abnormal ? "control.timeline.fever" : "control.timeline.check", "#control.slot." + slot, temperature,
				cleanSymptoms == null ? "" : cleanSymptoms, "#control.via." + via, feverThreshold);
		if (abnormal) {
			status.assertFact(person.personId(), FactKind.SYMPTOMS, SOURCE_PREFIX + riskPersonId,
					temperature + "℃" + (cleanSymptoms == null ? "" : " " + cleanSymptoms), now, now.plus(Duration.ofDays(3)));
			notifications.send(Notifications.Draft
				.toAudience("GRID_WORKER", person.regionCode(), Notification.Severity.ALERT,
						messages.get("control.notify.fever", temperature), regions.fullName(person.regionCode()),
						"/control/risk-persons/" + riskPersonId, "control")
				.withDedupeKey("control:fever:" + riskPersonId + ":" + day + ":" + slot));
			notifyTown(person, Notification.Severity.ALERT, messages.get("control.notify.fever", temperature));
		}
	}

	/** Self-report through the personal link: same as a worker's check, recorded as SELF. */
	public RiskPerson selfReport(String token, String slot, @Nullable Double temperature, @Nullable String symptoms) {
		RiskPerson person = queries.bySelfToken(hashToken(token)).orElseThrow(() -> new NotFound("link"));
		recordCheck(person.id(), slot, temperature, symptoms, "SELF", "self:" + person.id());
		return person;
	}

	/** Tests scheduled for a controlled person are marked done with their result. */
	@ApplicationModuleListener
	void on(TestResultsRecorded event) {
		Map<Long, Long> active = queries.activeRiskPersonIds(
				event.results().stream().map(TestResult::personId).collect(java.util.stream.Collectors.toSet()));
		if (active.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		var marks = new ArrayList<Object[]>();
		var lines = new ArrayList<Object[]>();
		for (TestResult r : event.results()) {
			Long riskPersonId = active.get(r.personId());
			if (riskPersonId == null || r.pooled()) {
				continue;
			}
			LocalDate day = LocalDate.ofInstant(r.sampledAt(), zone());
			marks.add(new Object[] { Timestamp.from(r.receivedAt()), r.result().name(), riskPersonId, Date.valueOf(day) });
			lines.add(new Object[] { riskPersonId, Timestamp.from(now), "NAT_RESULT", r.source(), "control.timeline.nat",
					Explained.args(r.kind(), local(r.sampledAt()), "#control.result." + r.result()) });
		}
		// a positive already marked stays: a negative never overwrites it
		template.batchUpdate("""
				UPDATE control_schedule_item SET done_at = ?, value = ? WHERE risk_person_id = ? AND day = ?
				AND slot = 'TEST' AND (value IS NULL OR value <> 'POSITIVE')""", marks);
		template.batchUpdate("INSERT INTO control_timeline (risk_person_id, at, kind, actor, detail_key, detail_args) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", lines);
	}

	/**
	 * A positive: the person (if under control) becomes a case; everyone pushed for them is escalated to their
	 * protocol's stricter successor (次密接 → 密接).
	 */
	@ApplicationModuleListener
	void on(PositiveResultRecorded event) {
		Instant now = clock.instant();
		Map<Long, Long> own = queries.activeRiskPersonIds(Set.of(event.personId()));
		Long ownId = own.get(event.personId());
		if (ownId != null) {
			setState(ownId, RiskPerson.State.CASE, now, AuditLog.SYSTEM, "positive " + event.kind() + " " + event.sampledAt());
			cancelOpenTasks(ownId);
			timeline(ownId, now, "CASE", AuditLog.SYSTEM, "control.timeline.case", event.kind(), local(event.sampledAt()),
					event.resultId());
			RiskPerson person = queries.riskPerson(ownId);
			notifyTown(person, Notification.Severity.ALERT, messages.get("control.notify.positive"));
		}
		for (RiskPerson linked : queries.activeLinkedTo(event.personId())) {
			// a positive known before the push is why the person was pushed: it changes nothing
			if (event.sampledAt().isAfter(linked.pushedAt())) {
				escalate(linked, event, now);
			}
		}
	}

	private void escalate(RiskPerson person, PositiveResultRecorded cause, Instant now) {
		String reason = messages.getDefault("control.timeline.linkedPositive", persons.find(cause.personId())
			.map(p -> p.name())
			.orElse("#" + cause.personId()), cause.kind(), local(cause.sampledAt()));
		if (person.category() == Category.SECONDARY_CONTACT) {
			jdbc.sql("UPDATE control_risk_person SET category = 'CLOSE_CONTACT', updated_at = ? WHERE id = ?")
				.params(Timestamp.from(now), person.id())
				.update();
			CategoryRule closeRule = catalogue.category(Category.CLOSE_CONTACT);
			if (person.state() == RiskPerson.State.PENDING && closeRule.pendingFact() != null) {
				status.assertFact(person.personId(), closeRule.pendingFact(), SOURCE_PREFIX + person.id(),
						messages.get("control.category.CLOSE_CONTACT"), now, null);
			}
		}
		if (person.state() == RiskPerson.State.CONTROLLED || person.state() == RiskPerson.State.READY_FOR_RELEASE) {
			Protocol current = catalogue.protocol(person.protocolId()).orElse(null);
			String nextId = current == null ? null : current.escalateTo();
			if (nextId == null && person.category() == Category.SECONDARY_CONTACT) {
				nextId = catalogue.category(Category.CLOSE_CONTACT).protocolId();
			}
			if (nextId != null && !nextId.equals(person.protocolId())) {
				Protocol next = catalogue.get(nextId);
				LocalDate start = person.planStart() == null ? today() : person.planStart();
				ProtocolSchedule schedule = ProtocolSchedule.of(next, start);
				jdbc.sql("""
						UPDATE control_risk_person SET state = 'CONTROLLED', protocol_id = ?, plan_end = ?, measure = ?,
							updated_at = ? WHERE id = ?""")
					.params(next.id(), Date.valueOf(schedule.lastDay()), currentMeasure(schedule, today()).name(),
							Timestamp.from(now), person.id())
					.update();
				jdbc.sql("UPDATE control_task SET state = 'CANCELLED' WHERE risk_person_id = ? AND kind = 'RELEASE' "
						+ "AND state IN ('OPEN', 'ACCEPTED')")
					.param(person.id())
					.update();
				layOut(queries.riskPerson(person.id()), schedule, now);
				timeline(person.id(), now, "ESCALATED", AuditLog.SYSTEM, "control.timeline.escalated", reason,
						person.protocolId(), next.id(), next.shape(), start, describe(schedule));
			}
			else {
				timeline(person.id(), now, "ESCALATED", AuditLog.SYSTEM, "control.timeline.noSuccessor", reason,
						person.protocolId());
			}
		}
		else {
			timeline(person.id(), now, "ESCALATED", AuditLog.SYSTEM, "control.timeline.escalatedPending", reason,
					"#control.category." + (person.category() == Category.SECONDARY_CONTACT ? Category.CLOSE_CONTACT
							: person.category()));
		}
		notifications.send(Notifications.Draft
			.toAudience("GRID_WORKER", person.regionCode(), Notification.Severity.ALERT,
					messages.get("control.notify.escalated"), reason, "/control/risk-persons/" + person.id(), "control")
			.withDedupeKey("control:escalated:" + person.id() + ":" + cause.resultId()));
	}

	// ---- personal self-report links

	/** Issues (or re-issues) the personal link for self-reporting, and sends it to the person's phone. */
	public String issueSelfReportLink(RiskPerson person, Instant now) {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("UPDATE control_risk_person SET self_token_hash = ? WHERE id = ?")
			.params(hashToken(token), person.id())
			.update();
		String link = baseUrl + "/p/" + token;
		persons.phoneOf(person.personId()).ifPresent(phone -> {
			try {
				gateway.ifAvailable(g -> g.send(List.of(phone), messages.get("control.selfReport.sms", link)));
			}
			catch (RuntimeException ex) {
				// the link is also shown to the grid worker; a gateway failure must not undo the verification
			}
		});
		return token;
	}

	static byte[] hashToken(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// ---- helpers

	private void setState(long riskPersonId, RiskPerson.State state, @Nullable Instant endedAt, @Nullable String by,
			@Nullable String note) {
		jdbc.sql("""
				UPDATE control_risk_person SET state = ?, ended_at = coalesce(?, ended_at), ended_by = coalesce(?, ended_by),
					end_note = coalesce(?, end_note), updated_at = ? WHERE id = ?""")
			.params(state.name(), endedAt == null ? null : Timestamp.from(endedAt), by,
					note == null ? null : truncate(note, 300), Timestamp.from(clock.instant()), riskPersonId)
			.update();
	}

	private void cancelOpenTasks(long riskPersonId) {
		jdbc.sql("UPDATE control_task SET state = 'CANCELLED' WHERE risk_person_id = ? AND state IN ('OPEN', 'ACCEPTED')")
			.param(riskPersonId)
			.update();
	}

	/**
	 * Writes a timeline entry explained by a message key and arguments (rendered in the reader's language; an argument
	 * beginning with '#' is itself a message key).
	 */
	void timeline(long riskPersonId, Instant at, String kind, String actor, String key, Object... args) {
		jdbc.sql("INSERT INTO control_timeline (risk_person_id, at, kind, actor, detail_key, detail_args) VALUES (?, ?, ?, ?, ?, ?)")
			.params(riskPersonId, Timestamp.from(at), kind, actor, key, Explained.args(args))
			.update();
	}

	/** A user's own words on the timeline. */
	void timelineNote(long riskPersonId, Instant at, String kind, String actor, @Nullable String note) {
		timeline(riskPersonId, at, kind, actor, "control.timeline.note", note == null ? "" : note);
	}

	private String local(Instant at) {
		return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(zone()));
	}

	private void notifyTown(RiskPerson person, Notification.Severity severity, String title) {
		String code = person.regionCode();
		String town = code.length() >= RegionLevel.TOWN.codeLength() ? code.substring(0, RegionLevel.TOWN.codeLength())
				: code;
		notifications.send(Notifications.Draft.toAudience(code.length() >= 9 ? "TOWN_OFFICER" : "CITY_ADMIN", town,
				severity, title, regions.fullName(code), "/control/risk-persons/" + person.id(), "control"));
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}


}
