package org.gridguard.platform;


import org.gridguard.platform.database.DatabaseUrlEnvironmentPostProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTests {

	private final DatabaseUrlEnvironmentPostProcessor processor = new DatabaseUrlEnvironmentPostProcessor();

	@Test
	void splitsAPostgresUrlIntoDatasourceProperties() {
		var env = new MockEnvironment().withProperty("DATABASE_URL", "postgres://grid%40guard:s%3Acret@db.local:5433/gg");
		processor.postProcessEnvironment(env, new SpringApplication());
		assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.local:5433/gg");
		assertThat(env.getProperty("spring.datasource.username")).isEqualTo("grid@guard");
		assertThat(env.getProperty("spring.datasource.password")).isEqualTo("s:cret");
	}

	@Test
	void passesAJdbcUrlThroughAndTakesCredentialsFromTheirOwnVariables() {
		var env = new MockEnvironment().withProperty("DATABASE_URL", "jdbc:postgresql://localhost/gridguard")
			.withProperty("DATABASE_USERNAME", "gg")
			.withProperty("DATABASE_PASSWORD", "pw");
		processor.postProcessEnvironment(env, new SpringApplication());
		assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://localhost/gridguard");
		assertThat(env.getProperty("spring.datasource.username")).isEqualTo("gg");
		assertThat(env.getProperty("spring.datasource.password")).isEqualTo("pw");
	}

	@Test
	void leavesTheEmbeddedDatabaseInPlaceWithoutAUrl() {
		var env = new MockEnvironment();
		processor.postProcessEnvironment(env, new SpringApplication());
		assertThat(env.getProperty("spring.datasource.url")).isNull();
	}

	@Test
	void refusesAnUrlOfAnotherDatabase() {
		var env = new MockEnvironment().withProperty("DATABASE_URL", "mysql://localhost/gg");
		assertThatThrownBy(() -> processor.postProcessEnvironment(env, new SpringApplication()))
			.hasMessageContaining("DATABASE_URL");
	}

	@Test
	void keepsAnExplicitSpringDatasource() {
		var env = new MockEnvironment().withProperty("DATABASE_URL", "postgres://a:b@h/db")
			.withProperty("spring.datasource.url", "jdbc:postgresql://other/db");
		processor.postProcessEnvironment(env, new SpringApplication());
		assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://other/db");
	}

}
