package org.gridguard.platform.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Maps {@code DATABASE_URL} (either {@code jdbc:postgresql://…} or {@code postgres://user:password@host:port/db}),
 * with optional {@code DATABASE_USERNAME} and {@code DATABASE_PASSWORD}, onto the Spring datasource properties. When
 * neither it nor {@code spring.datasource.url} is set, the embedded server is used.
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("DATABASE_URL");
		if (!StringUtils.hasText(url) || StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			return;
		}
		Map<String, Object> props = new HashMap<>(toDatasourceProperties(url.trim()));
		String user = environment.getProperty("DATABASE_USERNAME");
		String password = environment.getProperty("DATABASE_PASSWORD");
		if (StringUtils.hasText(user)) {
			props.put("spring.datasource.username", user);
		}
		if (password != null) {
			props.put("spring.datasource.password", password);
		}
		environment.getPropertySources().addFirst(new MapPropertySource("gridguardDatabaseUrl", props));
	}

	static Map<String, String> toDatasourceProperties(String url) {
		if (url.startsWith("jdbc:")) {
			return Map.of("spring.datasource.url", url);
		}
		if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
			throw new IllegalArgumentException(
					"DATABASE_URL must start with jdbc:postgresql://, postgres:// or postgresql://");
		}
		URI uri = URI.create(url);
		Map<String, String> props = new HashMap<>();
		String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
				+ uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
		props.put("spring.datasource.url", jdbc);
		String userInfo = uri.getRawUserInfo();
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
			props.put("spring.datasource.username", URLDecoder.decode(user, StandardCharsets.UTF_8));
			if (colon >= 0) {
				props.put("spring.datasource.password",
						URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8));
			}
		}
		return props;
	}

}
