package org.gridguard.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gridguard.control.ControlEnded;
import org.gridguard.control.ControlQueries;
import org.gridguard.control.RiskPerson;
import org.gridguard.control.SiteHandover;
import org.gridguard.platform.StoredText;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.Conflict;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.Notification;
import org.gridguard.region.Jurisdiction;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of a stay. A release passes the {@link ReleaseGate} (422 naming each unmet condition), hands the person to
 * their grid for the plan's next stage and sends the room to terminal disinfection; a person who turns out a case
 * leaves for hospital the same way, without release.
 */
@Service
@Transactional
public class SiteReleases {

	private final QuarantineWriter writer;

	private final SiteQueries queries;

	private final ControlQueries control;

	private final SiteHandover handover;

	private final SiteNotices notices;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	SiteReleases(QuarantineWriter writer, SiteQueries queries, ControlQueries control, SiteHandover handover,
			SiteNotices notices, AuditLog audit, Messages messages, Clock clock) {
		this.writer = writer;
		this.queries = queries;
		this.control = control;
		this.handover = handover;
		this.notices = notices;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** What a release did. */
	public record Released(long stayId, boolean handedOver) {
	}

	/** The conditions of release not met yet for a stay, each with its field (empty: the person may go). */
	public List<FieldProblem> unmet(Stay stay) {
		var problems = new java.util.ArrayList<FieldProblem>();
		RiskPerson person = control.riskPerson(stay.riskPersonId(), Jurisdiction.system());
		if (person.state() != RiskPerson.State.CONTROLLED && person.state() != RiskPerson.State.READY_FOR_RELEASE) {
			problems.add(messages.problem("state", "quarantine.release.notControlled"));
		}
		for (ReleaseGate.Unmet u : ReleaseGate.check(LocalDate.now(clock), control.stages(stay.riskPersonId()),
				control.schedule(stay.riskPersonId()), queries.samples(stay.id()))) {
			Object[] args = java.util.Arrays.stream(u.args())
				.map(a -> a instanceof String s && s.startsWith("#") ? messages.get(s.substring(1)) : a)
				.toArray();
			problems.add(messages.problem(u.field(), u.key(), args));
		}
		return problems;
	}

	/** The site head releases a person whose conditions all hold. */
	public Released release(long stayId, Jurisdiction who) {
		Stay stay = queries.stay(stayId, who);
		Site site = queries.siteToRun(stay.siteId(), who);
		if (stay.state() != Stay.State.IN) {
			throw new Conflict("state", messages.get("quarantine.stay.notIn"));
		}
		List<FieldProblem> problems = unmet(stay);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Instant now = clock.instant();
		if (!writer.endStay(stayId, Stay.State.RELEASED, now, who.username())) {
			throw new Conflict("state", messages.get("quarantine.stay.notIn"));
		}
		writer.leaveRoom(stay.roomId());
		boolean handedOver = handover.releasedFromSite(stay.riskPersonId(), site.name(), who.username());
		writer.handedOver(stayId, handedOver);
		audit.record("QUARANTINE_RELEASE", "quarantine_stay", String.valueOf(stayId), site.name() + " · " + stay.room());
		return new Released(stayId, handedOver);
	}

	/**
	 * A person staying at a site left control: a case leaves for hospital; a person released by the command or pushed
	 * on to another city leaves the site. Either way the stay ends, the room goes to terminal disinfection and the
	 * site is told, so that no room stays occupied by someone nobody controls any more.
	 */
	@ApplicationModuleListener
	void on(ControlEnded event) {
		boolean toHospital = event.state() == RiskPerson.State.CASE;
		if (!toHospital && event.state() != RiskPerson.State.RELEASED
				&& event.state() != RiskPerson.State.TRANSFERRED_OUT) {
			return;
		}
		queries.currentStay(event.riskPersonId()).ifPresent(stay -> {
			Stay.State end = toHospital ? Stay.State.TO_HOSPITAL : Stay.State.RELEASED;
			if (writer.endStay(stay.id(), end, clock.instant(), "system")) {
				writer.leaveRoom(stay.roomId());
				Site site = queries.find(stay.siteId()).orElseThrow(() -> new NotFound("site"));
				String key = toHospital ? "quarantine.notify.toHospital"
						: "quarantine.notify.leftControl." + event.state().name();
				notices.toSite(site, Notification.Severity.ALERT, StoredText.of(key, stay.room()),
						StoredText.of("quarantine.notify.toHospital.body"), "/quarantine/stays/" + stay.id(),
						(toHospital ? "quarantine:to-hospital:" : "quarantine:left-control:") + stay.id());
			}
		});
	}

}
