package org.gridguard.platform;

import jakarta.annotation.security.PermitAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page and API handler of GridGuard carries an authorization rule (method security on top of the URL rules),
 * so that a new endpoint cannot be reachable by accident.
 */
class HandlerAuthorizationTests {

	@Test
	void everyHandlerOfTheApplicationCarriesAnAuthorizationRule() throws Exception {
		assertThat(HandlerAuthorization.handlerCount("org.gridguard")).isGreaterThan(20);
		assertThat(HandlerAuthorization.handlersWithoutRule("org.gridguard")).isEmpty();
	}

	@Test
	void aHandlerWithoutARuleIsFound() {
		assertThat(HandlerAuthorization.handlersWithoutRule(PlantedController.class))
			.containsExactly(PlantedController.class.getName() + "#forgotten");
	}

	@RestController
	static class PlantedController {

		@GetMapping("/planted/open")
		@PermitAll
		String open() {
			return "";
		}

		@PostMapping("/planted/guarded")
		@PreAuthorize("hasRole('CITY_ADMIN')")
		String guarded() {
			return "";
		}

		@GetMapping("/planted/forgotten")
		String forgotten() {
			return "";
		}

	}

}
