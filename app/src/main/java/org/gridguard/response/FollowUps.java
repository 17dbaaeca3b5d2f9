package org.gridguard.response;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.gridguard.platform.StoredText;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.Conflict;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.Notification;
import org.gridguard.platform.Notifications;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up actions of drills, tracked to closure: the owning party (or the city command) closes an action with what
 * was done; an action still open after its day is escalated: the owner is told at once, the city command when it is
 * more days overdue than the profile in force allows ({@code response.follow-up.escalate-after}). Each step is one
 * conditional update, so an action is announced once per step however many instances run the job.
 */
@Service
@Transactional
public class FollowUps {

	private static final Logger LOG = LoggerFactory.getLogger(FollowUps.class);

	private final JdbcClient jdbc;

	private final Owners owners;

	private final FollowUpSettings settings;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	FollowUps(JdbcClient jdbc, Owners owners, FollowUpSettings settings, Notifications notifications, AuditLog audit,
			Messages messages, Clock clock) {
		this.jdbc = jdbc;
		this.owners = owners;
		this.settings = settings;
		this.notifications = notifications;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public FollowUp get(long id) {
		return jdbc.sql("SELECT * FROM response_follow_up WHERE id = ?")
			.param(id)
			.query((rs, i) -> followUp(rs))
			.optional()
			.orElseThrow(() -> new NotFound("follow-up " + id));
	}

	/** Open actions past their day, the longest overdue first. */
	@Transactional(readOnly = true)
	public List<FollowUp> overdue() {
		return jdbc.sql("SELECT * FROM response_follow_up WHERE state = 'OPEN' AND due_on < ? ORDER BY due_on, id")
			.param(Date.valueOf(LocalDate.now(clock)))
			.query((rs, i) -> followUp(rs))
			.list();
	}

	/** Whether {@code who} may close the action: its owning party or the city command. */
	public boolean mayClose(FollowUp followUp, Jurisdiction who) {
		return who.isCityAdmin() || followUp.owner().includes(who);
	}

	/** Closes an open action with what was done (required). */
	public void close(long id, @Nullable String note, Jurisdiction who) {
		FollowUp followUp = get(id);
		if (!mayClose(followUp, who)) {
			throw new AccessDeniedException("follow-up " + id + " belongs to " + followUp.owner().choice());
		}
		String done = note == null ? "" : note.strip();
		if (done.isEmpty() || done.length() > 500) {
			throw new InvalidInput(FieldLabels.labelled(
					List.of(messages.problem("note", "response.followUp.noteRequired", 500)), messages));
		}
		int closed = jdbc.sql("""
				UPDATE response_follow_up SET state = 'DONE', closed_at = ?, closed_by = ?, closing_note = ?
				WHERE id = ? AND state = 'OPEN'""")
			.params(Timestamp.from(clock.instant()), who.username(), done, id)
			.update();
		if (closed == 0) {
			throw new Conflict("id", messages.get("response.followUp.alreadyClosed"));
		}
		audit.record("RESPONSE_FOLLOW_UP_CLOSE", "response_drill", String.valueOf(followUp.drillId()), id + " · " + done);
	}

	/** Escalates overdue actions; returns how many steps were taken. */
	@Scheduled(fixedDelayString = "${gridguard.response.follow-up-check:15m}",
			initialDelayString = "${gridguard.response.follow-up-check:15m}")
	public int escalate() {
		LocalDate today = LocalDate.now(clock);
		// step 1: the owner hears that the action is overdue
		List<Escalated> overdue = jdbc.sql("""
				UPDATE response_follow_up f SET escalation = 1 FROM response_drill d
				WHERE f.drill_id = d.id AND f.state = 'OPEN' AND f.escalation = 0 AND f.due_on < ?
				RETURNING f.*, d.title AS drill_title, d.held_on AS drill_held_on""")
			.param(Date.valueOf(today))
			.query((rs, i) -> escalated(rs))
			.list();
		for (Escalated e : overdue) {
			FollowUp f = e.followUp();
			notifications.send(Notifications.Draft
				.toAudience(f.owner().audience(), f.owner().regionCode(), Notification.Severity.WARNING,
						StoredText.of("response.followUp.overdue", shortened(f.action())),
						body(e), "/response/drills/" + f.drillId(), "response")
				.withDedupeKey("response:follow-up:" + f.id() + ":1"));
		}
		// step 2: the city command hears of those overdue longer than the profile allows
		int after = settings.escalateAfterDays();
		List<Escalated> late = jdbc.sql("""
				UPDATE response_follow_up f SET escalation = 2 FROM response_drill d
				WHERE f.drill_id = d.id AND f.state = 'OPEN' AND f.escalation < 2 AND f.due_on < ?
				RETURNING f.*, d.title AS drill_title, d.held_on AS drill_held_on""")
			.param(Date.valueOf(today.minusDays(after)))
			.query((rs, i) -> escalated(rs))
			.list();
		for (Escalated e : late) {
			FollowUp f = e.followUp();
			notifications.send(Notifications.Draft
				.toAudience("CITY_ADMIN", Region.CITY_CODE, Notification.Severity.ALERT,
						StoredText.of("response.followUp.late", after, shortened(f.action())), body(e),
						"/response/drills/" + f.drillId(), "response")
				.withDedupeKey("response:follow-up:" + f.id() + ":2"));
		}
		if (!overdue.isEmpty() || !late.isEmpty()) {
			LOG.info("Drill follow-ups: {} overdue told to their owners, {} escalated to the city command",
					overdue.size(), late.size());
		}
		return overdue.size() + late.size();
	}

	private record Escalated(FollowUp followUp, String drillTitle, LocalDate drillHeldOn) {
	}

	private String body(Escalated e) {
		return StoredText.of("response.followUp.overdue.body", e.drillTitle(), e.drillHeldOn().toString(),
				e.followUp().dueOn().toString(), owners.nameInDefaultLanguage(e.followUp().owner()), e.followUp().action());
	}

	private static String shortened(String text) {
		return text.length() <= 60 ? text : text.substring(0, 59) + "…";
	}

	private static Escalated escalated(ResultSet rs) throws SQLException {
		return new Escalated(followUp(rs), rs.getString("drill_title"), rs.getObject("drill_held_on", LocalDate.class));
	}

	static FollowUp followUp(ResultSet rs) throws SQLException {
		return new FollowUp(rs.getLong("id"), rs.getLong("drill_id"), rs.getString("action"),
				new Owner(Owner.Kind.valueOf(rs.getString("owner_kind")), rs.getString("owner_ref"),
						rs.getString("owner_contact")),
				rs.getObject("due_on", LocalDate.class), FollowUp.State.valueOf(rs.getString("state")),
				rs.getInt("escalation"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(),
				rs.getString("closed_by"), rs.getString("closing_note"));
	}

}
