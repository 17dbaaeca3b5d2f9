package org.gridguard.control;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.AuditLog;
import org.gridguard.region.RegionManagement;
import org.gridguard.tracing.ContactsConfirmed;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Contacts confirmed by a case investigation come under control at once: each is placed by residence, registered
 * with the case (or the close contact through whom) as the linked person, and gets a verification task in their grid.
 */
@Component
class CaseSignals {

	private final Registrations registrations;

	private final PersonManagement persons;

	private final RegionManagement regions;

	private final Clock clock;

	CaseSignals(Registrations registrations, PersonManagement persons, RegionManagement regions, Clock clock) {
		this.registrations = registrations;
		this.persons = persons;
		this.regions = regions;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ContactsConfirmed event) {
		Map<Long, Person> people = persons.findAll(event.contacts().stream().map(ContactsConfirmed.Contact::personId).toList());
		var placer = new AddressPlacer(regions);
		var pushed = new ArrayList<Pushed>(event.contacts().size());
		for (ContactsConfirmed.Contact c : event.contacts()) {
			Person p = people.get(c.personId());
			if (p == null) {
				continue;
			}
			Category category = Category.valueOf(c.category());
			String household = p.address() == null ? null : persons.gridsOfAddresses(List.of(p.address())).get(p.address());
			pushed.add(new Pushed(p.id(), p.name(), category, placer.place(p.regionCode(), p.address(), household),
					"流调 #" + event.investigationId(), null, c.linkedPersonId(), c.lastExposure(), clock.instant()));
		}
		for (int from = 0; from < pushed.size(); from += PushListImport.CHUNK) {
			registrations.registerAll(pushed.subList(from, Math.min(pushed.size(), from + PushListImport.CHUNK)), AuditLog.SYSTEM);
		}
	}

}
