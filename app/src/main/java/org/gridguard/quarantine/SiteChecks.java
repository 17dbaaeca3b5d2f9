package org.gridguard.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gridguard.control.ControlQueries;
import org.gridguard.control.HealthChecks;
import org.gridguard.control.LoopSettingsStore;
import org.gridguard.platform.StoredText;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.Conflict;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.Notification;
import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What site staff record for a resident: the twice-daily checks (through the control loop, so that its fever alerts,
 * status colour and missed-check detection work unchanged) and the release sampling of person, objects and room. A
 * fever, a positive sample or a missed check alerts the site's staff as well.
 */
@Service
@Transactional
public class SiteChecks {

	private final QuarantineWriter writer;

	private final SiteQueries queries;

	private final HealthChecks checks;

	private final ControlQueries control;

	private final LoopSettingsStore loop;

	private final SiteNotices notices;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	SiteChecks(QuarantineWriter writer, SiteQueries queries, HealthChecks checks, ControlQueries control,
			LoopSettingsStore loop, SiteNotices notices, AuditLog audit, Messages messages, Clock clock) {
		this.writer = writer;
		this.queries = queries;
		this.checks = checks;
		this.control = control;
		this.loop = loop;
		this.notices = notices;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** Records a morning or evening check of a resident who stays at a site the caller runs. */
	public void recordCheck(long stayId, @Nullable String slot, @Nullable Double temperature, @Nullable String symptoms,
			Jurisdiction who) {
		Stay stay = inStay(stayId, who);
		checks.recordCheck(stay.riskPersonId(), slot == null ? "" : slot, temperature, symptoms, "SITE", who.username());
		boolean fever = temperature != null && temperature >= loop.settings().feverThreshold();
		if (fever || symptoms != null && !symptoms.isBlank()) {
			Site site = queries.find(stay.siteId()).orElseThrow();
			notices.toSite(site, Notification.Severity.ALERT,
					StoredText.of("quarantine.notify.fever", stay.room(), temperature),
					symptoms == null ? "" : symptoms.strip(), "/quarantine/stays/" + stayId,
					"quarantine:fever:" + stayId + ":" + LocalDate.now(clock) + ":" + slot);
		}
	}

	/** Records a release sample (person, objects, room) and its result; a positive one alerts the site. */
	public void recordSample(long stayId, @Nullable String kind, @Nullable String result, Jurisdiction who) {
		Stay stay = inStay(stayId, who);
		ReleaseGate.SampleKind sampleKind;
		try {
			sampleKind = ReleaseGate.SampleKind.valueOf(kind == null ? "" : kind);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInput.of("kind", messages.get("quarantine.sample.kind.invalid"));
		}
		if (!"NEGATIVE".equals(result) && !"POSITIVE".equals(result)) {
			throw InvalidInput.of("result", messages.get("quarantine.sample.result.invalid"));
		}
		Instant now = clock.instant();
		writer.recordSample(stayId, sampleKind, result, LocalDate.now(clock), now, who.username());
		audit.record("QUARANTINE_SAMPLE", "quarantine_stay", String.valueOf(stayId), sampleKind + " " + result);
		if ("POSITIVE".equals(result)) {
			Site site = queries.find(stay.siteId()).orElseThrow();
			notices.toSite(site, Notification.Severity.ALERT,
					StoredText.of("quarantine.notify.samplePositive", stay.room(),
							StoredText.label("quarantine.sample." + sampleKind.name())),
					"", "/quarantine/stays/" + stayId, "quarantine:sample:" + stayId + ":" + sampleKind);
			notices.toCommand(stay.regionCode(), Notification.Severity.ALERT,
					StoredText.of("quarantine.notify.samplePositive", stay.room(),
							StoredText.label("quarantine.sample." + sampleKind.name())),
					site.name(), "/quarantine/stays/" + stayId, "quarantine:sample:" + stayId + ":" + sampleKind);
		}
	}

	/** The test days of a resident's central isolation, as the protocol laid them out, with their results. */
	public List<ControlQueries.ScheduleItem> testDays(Stay stay) {
		var central = control.stages(stay.riskPersonId())
			.stream()
			.filter(s -> s.kind() == org.gridguard.control.MeasureKind.CENTRAL_ISOLATION)
			.map(ControlQueries.StageView::stageNo)
			.toList();
		return control.schedule(stay.riskPersonId())
			.stream()
			.filter(i -> "TEST".equals(i.slot()) && central.contains(i.stageNo()))
			.toList();
	}

	/**
	 * Today's morning and evening items of a resident. A check recorded for a slot the plan does not hold today (the
	 * morning of a resident admitted in the afternoon) is shown as done, so that what the staff recorded is on the card.
	 */
	public List<ControlQueries.ScheduleItem> today(Stay stay) {
		LocalDate today = LocalDate.now(clock);
		var items = new ArrayList<>(control.schedule(stay.riskPersonId())
			.stream()
			.filter(i -> i.day().equals(today) && !"TEST".equals(i.slot()))
			.toList());
		for (ControlQueries.HealthCheck check : control.checks(stay.riskPersonId())) {
			boolean planned = items.stream().anyMatch(i -> i.slot().equals(check.slot()));
			if (check.day().equals(today) && !planned) {
				items.add(new ControlQueries.ScheduleItem(today, check.slot(), 0, check.recordedAt(), check.recordedAt(),
						check.temperature() + (check.symptoms() == null ? "" : " " + check.symptoms())));
			}
		}
		return items;
	}

	/** A check past its deadline alerts the site's staff once (the control loop escalates it to the grid as well). */
	@Scheduled(fixedDelayString = "${gridguard.quarantine.alert-interval:60s}", initialDelayString = "35s")
	void alertMissedChecks() {
		Instant now = clock.instant();
		for (Site site : queries.allSites(null)) {
			for (Stay stay : queries.residents(site.id())) {
				for (ControlQueries.ScheduleItem item : today(stay)) {
					if (item.overdue(now)) {
						notices.toSite(site, Notification.Severity.ALERT,
								StoredText.of("quarantine.notify.checkMissed", stay.room(),
										StoredText.label("control.slot." + item.slot())),
								"", "/quarantine/sites/" + site.id() + "/residents",
								"quarantine:missed:" + stay.id() + ":" + item.day() + ":" + item.slot());
					}
				}
			}
		}
	}

	private Stay inStay(long stayId, Jurisdiction who) {
		Stay stay = queries.stay(stayId, who);
		queries.siteToRun(stay.siteId(), who);
		if (stay.state() != Stay.State.IN) {
			throw new Conflict("state", messages.get("quarantine.stay.notIn"));
		}
		return stay;
	}

}
