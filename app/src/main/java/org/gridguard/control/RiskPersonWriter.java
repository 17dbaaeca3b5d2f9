package org.gridguard.control;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.gridguard.platform.StoredText;
import org.gridguard.platform.Messages;
import org.gridguard.platform.Notification;
import org.gridguard.platform.Notifications;
import org.gridguard.region.RegionLevel;
import org.gridguard.region.RegionManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one writer of a risk person's state, timeline and tasks, shared by the use cases of the control loop. It runs
 * inside their transactions and decides nothing: the use cases decide, this writes.
 */
@Component
class RiskPersonWriter {

	/** Source of the status facts the control loop asserts for a risk person: this prefix and the risk person's id. */
	static final String SOURCE_PREFIX = "control:risk-person:";

	static final String INSERT_TIMELINE = "INSERT INTO control_timeline (risk_person_id, at, kind, actor, detail_key, "
			+ "detail_args) VALUES (?, ?, ?, ?, ?, ?)";

	private static final String INSERT_TASK = """
			INSERT INTO control_task (risk_person_id, kind, region_code, state, created_at, ack_due_at, due_at)
			VALUES (?, ?, ?, 'OPEN', ?, ?, ?)""";

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final RegionManagement regions;

	private final Notifications notifications;

	private final Messages messages;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	RiskPersonWriter(JdbcClient jdbc, JdbcTemplate template, RegionManagement regions, Notifications notifications,
			Messages messages, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.template = template;
		this.regions = regions;
		this.notifications = notifications;
		this.messages = messages;
		this.clock = clock;
	}

	static String source(long riskPersonId) {
		return SOURCE_PREFIX + riskPersonId;
	}

	/**
	 * Moves a risk person to a state; the end fields are kept when not given. Leaving control (released, a case,
	 * pushed on elsewhere) is published as {@link ControlEnded}.
	 */
	void setState(long riskPersonId, RiskPerson.State state, @Nullable Instant endedAt, @Nullable String by,
			@Nullable String note) {
		Long personId = jdbc.sql("""
				UPDATE control_risk_person SET state = ?, ended_at = coalesce(?, ended_at), ended_by = coalesce(?, ended_by),
					end_note = coalesce(?, end_note), updated_at = ? WHERE id = ? RETURNING person_id""")
			.params(state.name(), endedAt == null ? null : Timestamp.from(endedAt), by,
					note == null ? null : truncate(note, 300), Timestamp.from(clock.instant()), riskPersonId)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (personId != null && (state == RiskPerson.State.RELEASED || state == RiskPerson.State.CASE
				|| state == RiskPerson.State.TRANSFERRED_OUT)) {
			events.publishEvent(new ControlEnded(riskPersonId, personId, state, clock.instant()));
		}
	}

	/** Opens a task whose acknowledgement and completion clocks run from {@code createdAt}. */
	void openTask(long riskPersonId, VerificationTask.Kind kind, String regionCode, Instant createdAt, Instant ackDueAt,
			Instant dueAt) {
		jdbc.sql(INSERT_TASK)
			.params(riskPersonId, kind.name(), regionCode, Timestamp.from(createdAt), Timestamp.from(ackDueAt),
					Timestamp.from(dueAt))
			.update();
	}

	/** A task to open in bulk. */
	record NewTask(long riskPersonId, VerificationTask.Kind kind, String regionCode, Instant createdAt, Instant ackDueAt,
			Instant dueAt) {

		Object[] row() {
			return new Object[] { riskPersonId, kind.name(), regionCode, Timestamp.from(createdAt), Timestamp.from(ackDueAt),
					Timestamp.from(dueAt) };
		}

	}

	void openTasks(List<NewTask> tasks) {
		template.batchUpdate(INSERT_TASK, tasks.stream().map(NewTask::row).toList());
	}

	void cancelOpenTasks(long riskPersonId) {
		jdbc.sql("UPDATE control_task SET state = 'CANCELLED' WHERE risk_person_id = ? AND state IN ('OPEN', 'ACCEPTED')")
			.param(riskPersonId)
			.update();
	}

	/**
	 * Writes a timeline entry explained by a message key and arguments (rendered in the reader's language; an argument
	 * beginning with '#' is itself a message key).
	 */
	void timeline(long riskPersonId, Instant at, String kind, String actor, String key, Object... args) {
		jdbc.sql(INSERT_TIMELINE)
			.params(riskPersonId, Timestamp.from(at), kind, actor, key, Explained.args(args))
			.update();
	}

	/** Timeline entries in bulk: rows of {@code risk_person_id, at, kind, actor, detail_key, detail_args}. */
	void timelines(List<Object[]> rows) {
		template.batchUpdate(INSERT_TIMELINE, rows);
	}

	/** A message key with arguments as one argument of a timeline entry (rendered in the reader's language). */
	String reason(String key, Object... args) {
		return Explained.nested(key, args);
	}

	/** A user's own words on the timeline. */
	void timelineNote(long riskPersonId, Instant at, String kind, String actor, @Nullable String note) {
		timeline(riskPersonId, at, kind, actor, "control.timeline.note", note == null ? "" : note);
	}

	/** New work in a grid (its workers) or a queue (the officers of the queue's node). */
	void notifyNewWork(String region, int count, String actor, Instant now) {
		String audience = region.length() == RegionLevel.GRID.codeLength() ? "GRID_WORKER"
				: region.length() == RegionLevel.VILLAGE.codeLength() ? "VILLAGE_OFFICER"
						: region.length() == RegionLevel.TOWN.codeLength() ? "TOWN_OFFICER" : "CITY_ADMIN";
		String title = region.length() == RegionLevel.GRID.codeLength() ? StoredText.of("control.notify.newTasks", count)
				: StoredText.of("control.notify.queued", count);
		notifications.send(Notifications.Draft
			.toAudience(audience, region, Notification.Severity.WARNING, title, regions.fullName(region),
					region.length() == RegionLevel.GRID.codeLength() ? "/control/tasks" : "/control/queue", "control")
			.withDedupeKey("control:new:" + region + ":" + now.toEpochMilli() + ":" + actor));
	}

	/** The town of a risk person's grid or queue (the city command for city-level queues). */
	void notifyTown(RiskPerson person, Notification.Severity severity, String title) {
		String code = person.regionCode();
		String town = code.length() >= RegionLevel.TOWN.codeLength() ? code.substring(0, RegionLevel.TOWN.codeLength())
				: code;
		notifications.send(Notifications.Draft.toAudience(code.length() >= 9 ? "TOWN_OFFICER" : "CITY_ADMIN", town,
				severity, title, regions.fullName(code), "/control/risk-persons/" + person.id(), "control"));
	}

	/** The grid workers of a risk person's grid. */
	void notifyGrid(RiskPerson person, Notification.Severity severity, String title, String body, String dedupeKey) {
		notifications.send(Notifications.Draft
			.toAudience("GRID_WORKER", person.regionCode(), severity, title, body, "/control/risk-persons/" + person.id(),
					"control")
			.withDedupeKey(dedupeKey));
	}

	/** A time as the timeline shows it, in the city's zone. */
	String local(Instant at) {
		return MINUTES.format(at.atZone(clock.getZone()));
	}

	static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

}
