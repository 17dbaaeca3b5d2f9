package org.gridguard.response.web;

import org.gridguard.platform.NavItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The 应急响应 menu: the level and its profiles for everyone in the command chain, plans and drills. */
@Configuration(proxyBeanMethods = false)
class ResponseNavigation {

	static final String GROUP = "nav.group.response";

	static final String[] COMMAND = { "ROLE_CITY_ADMIN", "ROLE_TOWN_OFFICER", "ROLE_EPIDEMIOLOGIST", "ROLE_DEPARTMENT" };

	@Bean
	NavItem responseLevelNav() {
		return NavItem.in(GROUP, "nav.response", "/response", 700, "ROLE_CITY_ADMIN", "ROLE_TOWN_OFFICER",
				"ROLE_VILLAGE_OFFICER", "ROLE_GRID_WORKER", "ROLE_EPIDEMIOLOGIST", "ROLE_DEPARTMENT");
	}

	@Bean
	NavItem responseProfilesNav() {
		return NavItem.in(GROUP, "nav.responseProfiles", "/response/profiles", 710, "ROLE_CITY_ADMIN",
				"ROLE_TOWN_OFFICER", "ROLE_VILLAGE_OFFICER", "ROLE_GRID_WORKER", "ROLE_EPIDEMIOLOGIST",
				"ROLE_DEPARTMENT");
	}

	@Bean
	NavItem plansNav() {
		return NavItem.in(GROUP, "nav.plans", "/response/plans", 720, COMMAND);
	}

	@Bean
	NavItem drillsNav() {
		return NavItem.in(GROUP, "nav.drills", "/response/drills", 730, COMMAND);
	}

}
