package org.gridguard.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.gridguard.platform.StoredText;
import org.gridguard.platform.Conflict;
import org.gridguard.platform.Messages;
import org.gridguard.platform.Notification;
import org.gridguard.region.Jurisdiction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The control loop's side of central isolation at a quarantine site: the admission is noted on the person's
 * timeline, and a release from the site hands the person back to their grid for the plan's next stage (a HANDOVER
 * task: the grid confirms the arrival home), or, when the plan is complete, to the loop's release check.
 */
@Service
@Transactional
public class SiteHandover {

	/** How long the grid has to confirm that a person released from a site arrived home. */
	static final Duration ARRIVAL_ACK = Duration.ofHours(2);

	static final Duration ARRIVAL_DUE = Duration.ofHours(12);

	private final JdbcClient jdbc;

	private final ControlQueries queries;

	private final RiskPersonWriter writer;

	private final Messages messages;

	private final Clock clock;

	SiteHandover(JdbcClient jdbc, ControlQueries queries, RiskPersonWriter writer, Messages messages, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.writer = writer;
		this.messages = messages;
		this.clock = clock;
	}

	/** The person arrived at a site and took a room. */
	public void admitted(long riskPersonId, String siteName, String room, String by) {
		writer.timeline(riskPersonId, clock.instant(), "ADMITTED_TO_SITE", by, "control.timeline.admitted", siteName, room);
	}

	/**
	 * The person left the site after its release. When the plan goes on (home health monitoring …), their grid gets a
	 * HANDOVER task to confirm the arrival home; when it is complete, the loop's release check takes over.
	 *
	 * @return whether the grid received a HANDOVER task
	 */
	public boolean releasedFromSite(long riskPersonId, String siteName, String by) {
		RiskPerson person = queries.riskPerson(riskPersonId);
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		boolean continues = person.state() == RiskPerson.State.CONTROLLED && person.planStart() != null
				&& queries.stages(riskPersonId).stream().anyMatch(s -> !s.to().isBefore(today)
						&& s.kind() != MeasureKind.CENTRAL_ISOLATION);
		if (continues) {
			writer.openTask(riskPersonId, VerificationTask.Kind.HANDOVER, person.regionCode(), now, now.plus(ARRIVAL_ACK),
					now.plus(ARRIVAL_DUE));
			writer.notifyGrid(person, Notification.Severity.WARNING, StoredText.of("control.notify.handover", siteName),
					StoredText.of("control.notify.handover.body"), "control:handover:" + riskPersonId + ":" + now.toEpochMilli());
		}
		writer.timeline(riskPersonId, now, "RELEASED_FROM_SITE", by, "control.timeline.releasedFromSite", siteName,
				continues ? "#control.timeline.handover.grid" : "#control.timeline.handover.planDone");
		return continues;
	}

	/** The grid worker confirms that the person released from a site is home: the closed loop is complete. */
	public VerificationTask confirmArrival(long taskId, Jurisdiction who) {
		VerificationTask task = queries.task(taskId, who);
		Instant now = clock.instant();
		int done = jdbc.sql("""
				UPDATE control_task SET state = 'DONE', completed_at = ?, completed_by = ?, outcome = 'ARRIVED',
					accepted_at = coalesce(accepted_at, ?), accepted_by = coalesce(accepted_by, ?)
				WHERE id = ? AND kind = 'HANDOVER' AND state IN ('OPEN', 'ACCEPTED')""")
			.params(java.sql.Timestamp.from(now), who.username(), java.sql.Timestamp.from(now), who.username(), taskId)
			.update();
		if (done == 0) {
			throw new Conflict("state", messages.get("control.task.notOpen"));
		}
		writer.timeline(task.riskPersonId(), now, "ARRIVED_HOME", who.username(), "control.timeline.arrived");
		return queries.task(taskId, who);
	}

}
