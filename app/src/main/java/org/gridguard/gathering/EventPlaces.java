package org.gridguard.gathering;

import org.gridguard.region.Jurisdiction;
import org.gridguard.venue.NewVenue;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueCategory;
import org.gridguard.venue.VenueManagement;

import org.springframework.stereotype.Component;

/**
 * An approved event becomes a place: a venue of the category {@link VenueCategory#EVENT} in the event's town, run by
 * its responsible person, whose code is the event's code. Attendees check in through it like at any venue (scan,
 * desk, batch API), so the durable ingest, the colours at the door and the tracing index treat the event as a place
 * and time; a case among the attendees yields its contacts like a case at a mall. A cancelled event's code is revoked.
 */
@Component
class EventPlaces {

	private final VenueManagement venues;

	private final GatheringWriter writer;

	EventPlaces(VenueManagement venues, GatheringWriter writer) {
		this.venues = venues;
		this.writer = writer;
	}

	/** Registers the venue of an approved event (the decision is the system's consequence of the approval). */
	void open(Gathering event) {
		if (event.venueId() != null) {
			return;
		}
		Venue venue = venues.register(new NewVenue(event.name(), VenueCategory.EVENT.name(), event.townCode(),
				event.address(), event.expectedHeadcount(), event.sector(), event.organizer(), event.responsiblePerson(),
				event.responsiblePhone(), event.responsiblePerson(), event.responsiblePhone()), Jurisdiction.system());
		writer.setVenue(event.id(), venue.id(), venue.code());
	}

	/** Revokes the code of a cancelled event, so that no one checks in any more. */
	void close(Gathering event) {
		if (event.venueId() != null && event.code() != null) {
			venues.revokeCode(event.venueId(), Jurisdiction.system());
		}
	}

}
