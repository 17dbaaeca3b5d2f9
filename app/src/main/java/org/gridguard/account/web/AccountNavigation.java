package org.gridguard.account.web;

import org.gridguard.platform.NavItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountNavigation {

	@Bean
	NavItem accountsNav() {
		return NavItem.in(NavItem.ADMIN, "nav.accounts", "/accounts", 900, "ROLE_CITY_ADMIN", "ROLE_TOWN_OFFICER", "ROLE_VILLAGE_OFFICER");
	}

}
