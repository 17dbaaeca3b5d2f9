package org.gridguard.gathering.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridguard.gathering.Attendee;
import org.gridguard.gathering.Attendees;
import org.gridguard.gathering.Gathering;
import org.gridguard.gathering.Reason;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.Messages;
import org.gridguard.platform.PublicAddress;
import org.gridguard.platform.QrCodes;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the event pages show beside the event itself: town names of a list, and the attendee part of an event's page
 * (counts, the list with each person's result and reasons in words, the refused rows of the latest import, the code
 * as a QR image). Health reasons (colours, control categories) are shown only to roles that see them; organizers read
 * that the person's status does not allow attending.
 */
@Component
class EventViews {

	private final Attendees attendees;

	private final PersonManagement persons;

	private final RegionManagement regions;

	private final PublicAddress address;

	private final Messages messages;

	private final JdbcClient jdbc;

	EventViews(Attendees attendees, PersonManagement persons, RegionManagement regions, PublicAddress address,
			Messages messages, JdbcClient jdbc) {
		this.attendees = attendees;
		this.persons = persons;
		this.regions = regions;
		this.address = address;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	Map<String, String> townNames(List<Gathering> events) {
		var names = new HashMap<String, String>();
		events.forEach(e -> names.computeIfAbsent(e.townCode(), regions::nameOf));
		return names;
	}

	/** The reasons of one attendee as the reader may read them. */
	List<String> reasons(List<Reason> reasons, Jurisdiction who) {
		var texts = new ArrayList<String>();
		boolean hidden = false;
		for (Reason r : reasons) {
			if (r.health() && !who.seesHealthReasons()) {
				hidden = true;
			}
			else {
				texts.add(r.render(messages));
			}
		}
		if (hidden) {
			texts.add(0, messages.get("gathering.attendee.health"));
		}
		return texts;
	}

	void attendees(Gathering event, Jurisdiction who, Model model) {
		PageResult<Attendee> page = attendees.list(event.id(), null, who).page(jdbc, Paging.of(0, 500));
		Map<Long, Person> people = persons.readForList(page.items().stream().map(Attendee::personId).toList(),
				"event-attendees", String.valueOf(event.id()), null);
		Map<Long, List<Reason>> reasons = attendees.reasons(page.items());
		var texts = new HashMap<Long, List<String>>();
		page.items().forEach(a -> texts.put(a.id(), reasons(reasons.getOrDefault(a.id(), List.of()), who)));
		model.addAttribute("attendees", page);
		model.addAttribute("people", people);
		model.addAttribute("attendeeReasons", texts);
		Map<Attendee.Verdict, Long> counts = attendees.counts(event.id());
		model.addAttribute("admittedCount", counts.getOrDefault(Attendee.Verdict.ADMIT, 0L));
		model.addAttribute("excludedCount", counts.getOrDefault(Attendee.Verdict.EXCLUDE, 0L));
		model.addAttribute("rejections", attendees.latestRejections(event.id()));
		model.addAttribute("showColours", who.seesHealthReasons());
		if (event.code() != null) {
			String link = address.link("/s/" + event.code());
			model.addAttribute("scanLink", link);
			model.addAttribute("qr", QrCodes.pngDataUrl(link, 4));
		}
	}

}
