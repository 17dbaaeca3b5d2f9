package org.gridguard.account;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.gridguard.region.Jurisdiction;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The credentials of the JSON API as the API document states them, as {@link SecurityConfiguration} checks them:
 * HTTP Basic with an account's name and password, or an API token ({@code gg_…}) that the city admin issues on an
 * account's page. Both act with that account's role and jurisdiction. The {@code /api/**} chain keeps no session, so
 * a signed-in browser's session cookie is no credential there. {@code /api/public/**} needs none. A handler's
 * {@link Jurisdiction} parameter is resolved from the credentials, so it is no parameter of the document.
 */
@Configuration(proxyBeanMethods = false)
class ApiCredentialsDocumentation {

	static final String BASIC = "basic";

	static final String TOKEN = "apiToken";

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Jurisdiction.class);
	}

	@Bean
	OpenApiCustomizer apiCredentials() {
		return api -> {
			if (api.getComponents() == null) {
				api.setComponents(new Components());
			}
			api.getComponents()
				.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("basic")
					.description("An account's username and password. Failed attempts count toward the sign-in pause "
							+ "of that name from the caller's address, as on the sign-in page."))
				.addSecuritySchemes(TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.bearerFormat("gg_…")
					.description("`Authorization: Bearer gg_…`: an API token that the city admin issues to a client "
							+ "system on an account's page (shown once; only its hash is kept). It acts with that "
							+ "account's role and jurisdiction until it expires or is revoked."));
			if (api.getPaths() == null) {
				return;
			}
			var signedIn = List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(TOKEN));
			api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
				if (path.startsWith("/api/public/")) {
					operation.setSecurity(List.of());
				}
				else {
					operation.setSecurity(signedIn);
				}
			}));
		};
	}

}
