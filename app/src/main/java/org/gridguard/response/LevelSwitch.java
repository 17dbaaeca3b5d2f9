package org.gridguard.response;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;

import org.gridguard.platform.StoredText;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.Conflict;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.Notification;
import org.gridguard.platform.Notifications;
import org.gridguard.region.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city admin changes the response level: at once, from a time already passed (the decision was taken before it
 * was entered), or from a time ahead (scheduled, until cancelled). Every change is audited, announced to every role
 * and published as {@link ResponseLevelChanged}; the profile of the new level is in force the moment the change
 * begins (on the other instances within {@link ResponseProperties#refresh()}).
 */
@Service
@Transactional
public class LevelSwitch {

	/** How far ahead a change may be scheduled. */
	static final Duration MAX_AHEAD = Duration.ofDays(30);

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JdbcClient jdbc;

	private final ResponseState state;

	private final AuditLog audit;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final Messages messages;

	private final Clock clock;

	LevelSwitch(JdbcClient jdbc, ResponseState state, AuditLog audit, Notifications notifications,
			ApplicationEventPublisher events, Messages messages, Clock clock) {
		this.jdbc = jdbc;
		this.state = state;
		this.audit = audit;
		this.notifications = notifications;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
	}

	/** A change that passed every check: the level, from when, why. */
	public record Request(ResponseLevel level, Instant since, String reason) {
	}

	/**
	 * Checks a change as typed: {@code level} a level's code, {@code since} a local date and time in the city's zone
	 * ({@code 2022-01-06T08:00}; empty: now), {@code reason} required. Every problem is named by its field.
	 */
	@Transactional(readOnly = true)
	public Request check(@Nullable String level, @Nullable String since, @Nullable String reason) {
		var problems = new ArrayList<FieldProblem>();
		Instant now = clock.instant();
		ResponseLevel target = ResponseLevel.parse(level);
		if (target == null) {
			problems.add(messages.problem("level", "response.level.required"));
		}
		Instant from = now;
		if (since != null && !since.isBlank()) {
			try {
				from = LocalDateTime.parse(since.strip()).atZone(clock.getZone()).toInstant();
			}
			catch (DateTimeParseException ex) {
				problems.add(messages.problem("since", "response.since.format", since.strip()));
				from = null;
			}
		}
		if (from != null) {
			LevelChange inForce = state.levelAt(now);
			if (from.isBefore(inForce.since())) {
				problems.add(messages.problem("since", "response.since.beforeCurrent",
						SHOWN.format(inForce.since().atZone(clock.getZone()))));
			}
			else if (from.isAfter(now.plus(MAX_AHEAD))) {
				problems.add(messages.problem("since", "response.since.tooFar", MAX_AHEAD.toDays()));
			}
			else if (target != null && state.levelAt(from).level() == target) {
				problems.add(messages.problem("level", "response.level.same", messages.get(target.messageKey())));
			}
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			problems.add(messages.problem("reason", "response.reason.required"));
		}
		else if (why.length() > 500) {
			problems.add(messages.problem("reason", "response.reason.tooLong", 500));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new Request(target, from, why);
	}

	/** Checks and records a change (see {@link #check}). */
	public LevelChange change(@Nullable String level, @Nullable String since, @Nullable String reason, String by) {
		return change(check(level, since, reason), by);
	}

	/** Records a checked change. */
	public LevelChange change(Request request, String by) {
		Instant now = clock.instant();
		ResponseLevel before = state.levelAt(request.since()).level();
		long id = jdbc.sql("""
				INSERT INTO response_level_change (level, since, reason, changed_at, changed_by)
				VALUES (?, ?, ?, ?, ?) RETURNING id""")
			.params(request.level().name(), Timestamp.from(request.since()), request.reason(), Timestamp.from(now), by)
			.query(Long.class)
			.single();
		String since = SHOWN.format(request.since().atZone(clock.getZone()));
		audit.record("RESPONSE_LEVEL_CHANGE", "response_level", String.valueOf(id),
				before + " -> " + request.level() + " from " + since + ": " + request.reason());
		String title = StoredText.of("response.notify.changed", StoredText.label(request.level().messageKey()));
		String body = StoredText.of("response.notify.changed.body", since, request.reason());
		for (Role role : Role.values()) {
			// every account of the role, down to each grid worker: the level changes the work of all of them
			notifications.send(Notifications.Draft
				.toEveryone(role.name(), request.level().stricterThan(before)
						? Notification.Severity.WARNING : Notification.Severity.INFO, title, body, "/response", "response")
				.withDedupeKey("response:level:" + id + ":" + role.name()));
		}
		// the level is read again before listeners of the event run (they run after commit, in this order)
		state.reloadAfterCommit();
		events.publishEvent(new ResponseLevelChanged(id, request.level(), before, request.since(), request.reason()));
		return new LevelChange(id, request.level(), request.since(), request.reason(), now, by, null);
	}

	/** Calls off a change scheduled for later; one that has begun cannot be (change the level again instead). */
	public void cancel(long changeId, String by) {
		Instant now = clock.instant();
		int cancelled = jdbc.sql("""
				UPDATE response_level_change SET cancelled_at = ?, cancelled_by = ?
				WHERE id = ? AND cancelled_at IS NULL AND since > ?""")
			.params(Timestamp.from(now), by, changeId, Timestamp.from(now))
			.update();
		if (cancelled == 0) {
			throw new Conflict("id", messages.get("response.cancel.begun"));
		}
		audit.record("RESPONSE_LEVEL_CANCEL", "response_level", String.valueOf(changeId), null);
		state.reloadAfterCommit();
	}

}
