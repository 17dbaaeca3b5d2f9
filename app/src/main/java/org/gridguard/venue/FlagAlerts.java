package org.gridguard.venue;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gridguard.account.AccountManagement;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.StoredText;
import org.gridguard.platform.Notification;
import org.gridguard.platform.Notifications;
import org.gridguard.region.GridWorker;
import org.gridguard.region.RegionLevel;
import org.gridguard.region.RegionManagement;
import org.gridguard.status.FactKind;
import org.gridguard.status.StatusColour;
import org.gridguard.status.StatusManagement;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * When a red person checks in anywhere: alerts their grid workers (by SMS too, unless the scan came from a burst of
 * identity numbers), the venue's managers and the venue's department at once, and publishes {@link FlaggedPersonScanned} for the control
 * loop, in the transaction that stores the check-in. One alert per person and venue per ten minutes, so that a person
 * scanning again and again does not flood the inboxes.
 */
@Component
class FlagAlerts {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	private final Notifications notifications;

	private final PersonManagement persons;

	private final RegionManagement regions;

	private final StatusManagement status;

	private final ApplicationEventPublisher events;

	private final MessageSource source;

	private final java.time.Clock clock;

	private final AccountManagement accounts;

	FlagAlerts(Notifications notifications, PersonManagement persons, RegionManagement regions, StatusManagement status,
			ApplicationEventPublisher events, MessageSource source, java.time.Clock clock, AccountManagement accounts) {
		this.accounts = accounts;
		this.notifications = notifications;
		this.persons = persons;
		this.regions = regions;
		this.status = status;
		this.events = events;
		this.source = source;
		this.clock = clock;
	}

	/**
	 * Red persons are flagged; so are yellow ones under central or home isolation (their rule may have been changed
	 * to yellow). Green persons are not looked at: that would cost a query per check-in, and isolation is red unless
	 * the city admin disabled its rule.
	 */
	boolean flags(StatusColour colour, long person) {
		if (colour == StatusColour.RED) {
			return true;
		}
		if (colour == StatusColour.YELLOW) {
			for (StatusManagement.Fact fact : status.activeFacts(person)) {
				if (fact.kind() == FactKind.CENTRAL_ISOLATION || fact.kind() == FactKind.HOME_ISOLATION) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Alerts about a flagged person's check-in. Without {@code sms} (a public scan from a source that presented many
	 * identity numbers lately) the alert reaches the inboxes marked as unverified and wakes no one by SMS; it is
	 * deduplicated apart, so that a plausible scan of the same person soon after still sends its SMS.
	 */
	void flagged(VenueRegistry.Ref venue, long personId, long atSecond, StatusColour colour, boolean sms) {
		Instant at = Instant.ofEpochSecond(atSecond);
		events.publishEvent(new FlaggedPersonScanned(personId, venue.id(), venue.name(), venue.regionCode(), at,
				colour.name()));
		Optional<Person> person = persons.find(personId);
		String name = person.map(Person::name).orElse("?");
		String idMasked = person.map(Person::idMasked).orElse("?");
		String when = TIME.format(ZonedDateTime.ofInstant(at, clock.getZone()));
		// stored as keys, read in each reader's language; text messages go out in the city's language
		String title = StoredText.of("venue.alert.title", name, venue.name());
		String body = StoredText.of(sms ? "venue.alert.body" : "venue.alert.body.unverified", name, idMasked,
				StoredText.label("status.colour." + colour.name()), venue.name(), when);
		String link = "/venues/" + venue.id() + "/visits";
		String dedupe = "venue-flag:" + personId + ":" + venue.id() + ":" + atSecond / 600 + (sms ? "" : ":unverified");
		String home = person.map(Person::regionCode).orElse(null);
		if (home != null && home.length() == RegionLevel.GRID.codeLength()) {
			List<String> mobiles = regions.workers(home)
				.stream()
				.map(GridWorker::phone)
				.filter(p -> p != null && !p.isBlank())
				.toList();
			notifications.send(Notifications.Draft
				.toAudience("GRID_WORKER", home, Notification.Severity.ALERT, title, body, "/residents/" + personId,
						"venue")
				.withDedupeKey(dedupe + ":grid")
				.withMobiles(sms ? mobiles : List.of()));
		}
		else {
			// nobody's grid: the town officers of the venue's town answer for the person turning up there
			notifications.send(Notifications.Draft
				.toAudience("TOWN_OFFICER", venue.regionCode(), Notification.Severity.ALERT, title, body, link, "venue")
				.withDedupeKey(dedupe + ":town"));
		}
		// the venue's own managers see it at the desk: turn the person away, note who came with them
		for (String manager : accounts.venueManagers(venue.id())) {
			notifications.send(new Notifications.Draft(venue.regionCode(), null, manager, Notification.Severity.ALERT, title,
					body, link, "venue", null, List.of())
				.withDedupeKey(dedupe + ":manager:" + manager));
		}
		notifications.send(Notifications.Draft
			.toAudience("DEPARTMENT:" + venue.sector().name(), venue.regionCode(), Notification.Severity.ALERT, title,
					body, link, "venue")
			.withDedupeKey(dedupe + ":department"));
	}

}
