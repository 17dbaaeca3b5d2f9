package org.gridguard.control;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.AuditLog;
import org.gridguard.region.RegionManagement;
import org.gridguard.venue.FlaggedPersonScanned;
import org.gridguard.venue.SentinelPurchaseRecorded;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What venues tell the control loop: a person under control scanned into a venue (the detector counts it while they
 * should be isolated), and a sentinel-pharmacy purchase of fever or cough medicine (by rule, the buyer gets a
 * verification task in their grid).
 */
@Component
class VenueSignals {

	private static final Duration PLACER_TTL = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	private final RiskPersonWriter writer;

	private final Registrations registrations;

	private final ControlQueries queries;

	private final PersonManagement persons;

	private final RegionManagement regions;

	private final Clock clock;

	private @Nullable AddressPlacer placer;

	private Instant placerBuilt = Instant.EPOCH;

	VenueSignals(JdbcClient jdbc, RiskPersonWriter writer, Registrations registrations, ControlQueries queries, PersonManagement persons,
			RegionManagement regions, Clock clock) {
		this.jdbc = jdbc;
		this.writer = writer;
		this.registrations = registrations;
		this.queries = queries;
		this.persons = persons;
		this.regions = regions;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(FlaggedPersonScanned event) {
		Map<Long, Long> active = queries.activeRiskPersonIds(Set.of(event.personId()));
		Long riskPersonId = active.get(event.personId());
		if (riskPersonId == null) {
			return;
		}
		jdbc.sql("INSERT INTO control_scan_alert (risk_person_id, venue_id, venue_name, at, colour) VALUES (?, ?, ?, ?, ?)")
			.params(riskPersonId, event.venueId(), event.venueName(), Timestamp.from(event.at()), event.colour())
			.update();
		writer.timeline(riskPersonId, clock.instant(), "SCANNED", AuditLog.SYSTEM, "control.timeline.scanned",
				event.venueName(), java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
					.format(event.at().atZone(clock.getZone())), "#status.colour." + event.colour());
	}

	/** Rule: a sentinel-pharmacy buyer not already under control becomes a SENTINEL_BUYER with a verification task. */
	@ApplicationModuleListener
	void on(SentinelPurchaseRecorded event) {
		Person buyer = persons.find(event.personId()).orElse(null);
		if (buyer == null) {
			return;
		}
		String household = buyer.address() == null ? null
				: persons.gridsOfAddresses(List.of(buyer.address())).get(buyer.address());
		Placement placement = placer().place(buyer.regionCode(), buyer.address(), household);
		registrations.registerAll(List.of(new Pushed(buyer.id(), buyer.name(), Category.SENTINEL_BUYER, placement,
				"sentinel pharmacy " + event.venueId() + ": " + event.medicines(), null, null, null, event.at())),
				AuditLog.SYSTEM);
	}

	private synchronized AddressPlacer placer() {
		Instant now = clock.instant();
		if (placer == null || now.isAfter(placerBuilt.plus(PLACER_TTL))) {
			placer = new AddressPlacer(regions);
			placerBuilt = now;
		}
		return placer;
	}

}
