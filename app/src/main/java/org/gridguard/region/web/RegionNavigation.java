package org.gridguard.region.web;

import org.gridguard.platform.NavItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegionNavigation {

	@Bean
	NavItem regionsNav() {
		return NavItem.in(NavItem.BASE, "nav.regions", "/regions", 100, "ROLE_CITY_ADMIN", "ROLE_TOWN_OFFICER", "ROLE_VILLAGE_OFFICER",
				"ROLE_GRID_WORKER", "ROLE_DEPARTMENT", "ROLE_EPIDEMIOLOGIST");
	}

}
