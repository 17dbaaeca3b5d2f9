package org.gridguard.gathering.web;

import org.gridguard.platform.NavItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The meetings-and-events entries: events for those who file, decide or oversee them; organizer units for the command. */
@Configuration(proxyBeanMethods = false)
class GatheringNavigation {

	static final String[] EVENTS = { "ROLE_CITY_ADMIN", "ROLE_TOWN_OFFICER", "ROLE_DEPARTMENT", "ROLE_EPIDEMIOLOGIST",
			"ROLE_ORGANIZER" };

	static final String[] ORGANIZERS = { "ROLE_CITY_ADMIN", "ROLE_TOWN_OFFICER" };

	@Bean
	NavItem eventsNav() {
		return NavItem.of("nav.events", "/events", 470, EVENTS);
	}

	@Bean
	NavItem organizersNav() {
		return NavItem.of("nav.organizers", "/events/organizers", 475, ORGANIZERS);
	}

}
