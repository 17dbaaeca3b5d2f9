package org.gridguard.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts a real PostgreSQL server from the jar when no external database is configured. Its data lives in
 * {@code <data-dir>/pg} and survives restarts; durability settings that the embedded server turns off for tests are
 * turned back on unless {@code gridguard.database.embedded.durable=false}. Every connection needs a password, and the
 * application connects as a role that is no superuser ({@link EmbeddedDatabaseAccess}); the passwords are generated
 * into {@code <data-dir>/keys} ({@link EmbeddedCredentials}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

	private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(Environment env) throws IOException {
		Path dataDir = Path.of(env.getProperty("gridguard.database.embedded.data-dir",
				env.getProperty("gridguard.data-dir", "./data") + "/pg")).toAbsolutePath().normalize();
		boolean durable = env.getProperty("gridguard.database.embedded.durable", Boolean.class, true);
		int port = env.getProperty("gridguard.database.embedded.port", Integer.class, 0);
		return start(dataDir, durable, port);
	}

	/**
	 * Starts (initialising on first use) a server on {@code dataDir}, after stopping a postmaster orphaned there, and
	 * secures it: see {@link EmbeddedDatabaseAccess}.
	 * @param durable whether commits are flushed to disk (always, except in tests)
	 * @param port TCP port on loopback, 0 for any free one
	 */
	static EmbeddedDatabase start(Path dataDir, boolean durable, int port) throws IOException {
		return start(dataDir, durable, port, Duration.ofSeconds(60));
	}

	/** As {@link #start(Path, boolean, int)}, giving up after {@code startupWait}. */
	static EmbeddedDatabase start(Path dataDir, boolean durable, int port, Duration startupWait) throws IOException {
		Files.createDirectories(dataDir);
		stopOrphanedPostmaster(dataDir);
		Path keys = EmbeddedCredentials.keysFor(dataDir);
		boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
		boolean trusting = !fresh && EmbeddedDatabaseAccess.trustsConnections(dataDir);
		if (!fresh && !trusting && !Files.exists(keys.resolve(EmbeddedCredentials.SUPERUSER_FILE))) {
			throw new IOException("Embedded PostgreSQL in " + dataDir + " asks for a password, but its password file "
					+ keys.resolve(EmbeddedCredentials.SUPERUSER_FILE) + " is missing. Restore " + keys
					+ " from the backup; or, to set new passwords, replace 'scram-sha-256' by 'trust' in "
					+ dataDir.resolve("pg_hba.conf") + " and start again: the start sets new passwords and asks for "
					+ "them again at once");
		}
		EmbeddedCredentials credentials = EmbeddedCredentials.loadOrCreate(keys);
		var builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			// Spring stops the server after the beans that use it; a JVM hook of its own would race them
			.setRegisterShutdownHook(false)
			.setPGStartupWait(startupWait)
			.setServerConfig("max_connections", "100")
			.setLocaleConfig("encoding", "UTF8")
			.setServerConfig("timezone", "UTC")
			// the start-up check and getPostgresDatabase() sign in as the superuser with its password
			.setConnectConfig("password", credentials.superuser());
		if (fresh) {
			// passed to initdb as --name=value after its "-A trust": the cluster asks for passwords from the start,
			// and the superuser's is set from the file
			builder.setLocaleConfig("auth-local", "scram-sha-256")
				.setLocaleConfig("auth-host", "scram-sha-256")
				.setLocaleConfig("pwfile", credentials.superuserFile().toString());
		}
		if (port > 0) {
			builder.setPort(port);
		}
		if (durable) {
			// the embedded server is made for tests and turns these off; acknowledged data must survive a crash
			builder.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on");
		}
		// the server's own messages go to a file next to its data, so that a failed start can say why
		Path log = serverLog(dataDir);
		builder.setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
		LOG.info("Starting embedded PostgreSQL with data in {} (server log {})", dataDir, log);
		long logBefore = Files.size(log);
		EmbeddedPostgres server;
		try {
			server = builder.start();
		}
		catch (IOException | RuntimeException ex) {
			throw new IOException("Embedded PostgreSQL did not start (" + ex.getMessage() + "); its log " + log
					+ " says:\n" + tail(log, logBefore, 20), ex);
		}
		try {
			EmbeddedDatabaseAccess.secure(server, dataDir, credentials, trusting);
		}
		catch (IOException | RuntimeException ex) {
			server.close();
			throw ex;
		}
		return new EmbeddedDatabase(server, credentials.app());
	}

	/** {@code <data-dir>/pg.log} for the data in {@code <data-dir>/pg}, created if missing. */
	static Path serverLog(Path dataDir) throws IOException {
		Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
		if (!Files.exists(log)) {
			Files.createFile(log);
		}
		return log;
	}

	/** The last {@code lines} lines written to {@code log} after {@code from} bytes. */
	static String tail(Path log, long from, int lines) {
		try {
			byte[] all = Files.readAllBytes(log);
			int start = (int) Math.min(Math.max(from, 0), all.length);
			var written = new String(all, start, all.length - start, StandardCharsets.UTF_8).strip().split("\n");
			int first = Math.max(0, written.length - lines);
			return String.join("\n", java.util.Arrays.asList(written).subList(first, written.length));
		}
		catch (IOException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

	@Bean
	DataSource dataSource(EmbeddedDatabase database, Environment env) {
		var config = new HikariConfig();
		config.setJdbcUrl(database.jdbcUrl() + "&reWriteBatchedInserts=true");
		config.setUsername(EmbeddedDatabaseAccess.APP_ROLE);
		config.setPassword(database.appPassword());
		config.setMaximumPoolSize(env.getProperty("gridguard.database.pool-size", Integer.class, 20));
		config.setPoolName("gridguard");
		return new HikariDataSource(config);
	}

	/**
	 * After the JVM is killed, its postmaster keeps running and holds the data directory. Stop it before starting
	 * a new one: the PID is the first line of {@code postmaster.pid}.
	 */
	static void stopOrphanedPostmaster(Path dataDir) {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		try {
			String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
			long pid = Long.parseLong(first);
			Optional<ProcessHandle> process = ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
			if (process.isEmpty()) {
				return;
			}
			LOG.warn("Stopping orphaned PostgreSQL postmaster (pid {}) left in {}", pid, dataDir);
			ProcessHandle handle = process.get();
			handle.destroy(); // SIGTERM: "smart" shutdown, then wait
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (handle.isAlive() && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			if (handle.isAlive()) {
				handle.destroyForcibly();
			}
		}
		catch (IOException | NumberFormatException ex) {
			LOG.debug("Could not read {}: {}", pidFile, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
