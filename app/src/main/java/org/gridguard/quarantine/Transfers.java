package org.gridguard.quarantine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;

import org.gridguard.control.ControlEnded;
import org.gridguard.control.MeasureApplied;
import org.gridguard.control.MeasureKind;
import org.gridguard.platform.StoredText;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.Conflict;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.Notification;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfer orders (转运): opened when a verification applies central isolation (one open order per person), given a
 * site, vehicle and escort by the command, and cancelled when the person leaves control before admission.
 */
@Service
@Transactional
public class Transfers {

	private final QuarantineWriter writer;

	private final SiteQueries queries;

	private final QuarantineProfile profile;

	private final SiteNotices notices;

	private final RegionManagement regions;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	Transfers(QuarantineWriter writer, SiteQueries queries, QuarantineProfile profile, SiteNotices notices,
			RegionManagement regions, AuditLog audit, Messages messages, Clock clock) {
		this.writer = writer;
		this.queries = queries;
		this.profile = profile;
		this.notices = notices;
		this.regions = regions;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** How long from the applied measure to admission: the rule profile of the response level in force. */
	Duration sla() {
		return profile.transferSla();
	}

	/** A verification (or an escalation) put the person under central isolation: a transfer order opens. */
	@ApplicationModuleListener
	void on(MeasureApplied event) {
		if (event.firstMeasure() == MeasureKind.CENTRAL_ISOLATION) {
			open(event);
		}
	}

	/**
	 * Opens the transfer order of a measure, unless the person has an open one, one for this same measure, or is at a
	 * site already; its deadline runs from the measure.
	 */
	Optional<Long> open(MeasureApplied event) {
		Instant now = clock.instant();
		Optional<Long> id = writer.openTransfer(event.riskPersonId(), event.personId(), event.regionCode(), event.at(), now,
				event.at().plus(sla()));
		id.ifPresent(transfer -> notices.toCommand(event.regionCode(), Notification.Severity.WARNING,
				StoredText.of("quarantine.notify.transfer", regions.fullName(event.regionCode())),
				StoredText.of("quarantine.notify.transfer.body", sla().toHours()), "/quarantine/transfers",
				"quarantine:transfer:" + transfer));
		return id;
	}

	/** The person left control before admission (released, a case, pushed on elsewhere): the order is cancelled. */
	@ApplicationModuleListener
	void on(ControlEnded event) {
		writer.cancelPending(event.riskPersonId(), "#quarantine.transfer.cancelled." + event.state().name(), clock.instant(),
				"system");
	}

	/** The command sends the person to a site, with the vehicle and the escort. */
	public Transfer dispatch(long transferId, @Nullable Long siteId, @Nullable String vehicle, @Nullable String escort,
			Jurisdiction who) {
		Transfer transfer = queries.transfer(transferId, who);
		if (!who.mayCommandSites(transfer.regionCode())) {
			throw new NotFound("transfer " + transferId);
		}
		var problems = new ArrayList<FieldProblem>();
		if (siteId != null && queries.find(siteId).filter(Site::active).isEmpty()) {
			problems.add(messages.problem("siteId", "quarantine.site.unknown"));
		}
		String v = SiteRegistry.clean(vehicle);
		String e = SiteRegistry.clean(escort);
		if (v.length() > 60) {
			problems.add(messages.problem("vehicle", "quarantine.text.tooLong", 60));
		}
		if (e.length() > 60) {
			problems.add(messages.problem("escort", "quarantine.text.tooLong", 60));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		if (!writer.dispatch(transferId, siteId, v.isEmpty() ? null : v, e.isEmpty() ? null : e)) {
			throw new Conflict("state", messages.get("quarantine.transfer.notPending"));
		}
		audit.record("QUARANTINE_DISPATCH", "quarantine_transfer", String.valueOf(transferId),
				siteId + " · " + v + " · " + e);
		return queries.transfer(transferId, who);
	}

}
