package org.gridguard.platform.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import org.gridguard.platform.DemoDataContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the demo-data contributors of all modules once, in order, when demo mode is on.
 */
@Component
@Order(100)
class DemoDataLoader implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

	private final List<DemoDataContributor> contributors;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final boolean enabled;

	DemoDataLoader(List<DemoDataContributor> contributors, JdbcClient jdbc, TransactionTemplate tx, Clock clock,
			@Value("${gridguard.demo.enabled:false}") boolean enabled) {
		this.contributors = contributors;
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		contributors.stream().sorted(Comparator.comparingInt(DemoDataContributor::order)).forEach(this::loadOnce);
	}

	private void loadOnce(DemoDataContributor contributor) {
		tx.executeWithoutResult(status -> {
			// a second instance starting at the same time waits here instead of loading the same data twice
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param(contributor.key()).query(Object.class).list();
			boolean done = jdbc.sql("SELECT count(*) FROM platform_demo_load WHERE key = ?")
				.param(contributor.key())
				.query(Integer.class)
				.single() > 0;
			if (done) {
				return;
			}
			long start = System.nanoTime();
			contributor.load();
			long millis = (System.nanoTime() - start) / 1_000_000;
			jdbc.sql("INSERT INTO platform_demo_load (key, loaded_at, millis) VALUES (?, ?, ?)")
				.params(contributor.key(), Timestamp.from(clock.instant()), millis)
				.update();
			LOG.info("Demo data '{}' loaded in {} ms", contributor.key(), millis);
		});
	}

}
