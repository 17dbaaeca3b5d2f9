package org.gridguard.platform.startup;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Checks, in the first second of a start, that the HTTP port is free: a second GridGuard on the same machine (or any
 * other program on the port) is reported at once, naming the port and the setting to change ({@link PortTaken}),
 * before the embedded database is started and before anything is read or written. Without it the clash was found only
 * when the web server started, after the database and every module, a minute later. Runs once the configuration is
 * read and logging is set up; a random port ({@code 0}) and no web server ({@code -1}) are not checked. Registered in
 * {@code META-INF/spring.factories}, since it runs before any bean exists.
 */
public class PortCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		check(event.getEnvironment());
	}

	/** @throws PortTaken when the configured port cannot be bound */
	static void check(Environment environment) {
		if ("none".equalsIgnoreCase(environment.getProperty("spring.main.web-application-type", ""))) {
			return;
		}
		int port;
		try {
			port = Integer.parseInt(environment.getProperty("server.port", "8080").strip());
		}
		catch (NumberFormatException ex) {
			return; // the web server reports a port it cannot read
		}
		if (port <= 0) {
			return;
		}
		String address = environment.getProperty("server.address");
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(socketAddress(address, port));
		}
		catch (BindException ex) {
			throw new PortTaken(port, address, ex);
		}
		catch (IOException | IllegalArgumentException | SecurityException ex) {
			// not a clash: left to the web server, which reports it in its own words
		}
	}

	private static InetSocketAddress socketAddress(@Nullable String address, int port) {
		return address == null || address.isBlank() ? new InetSocketAddress(port) : new InetSocketAddress(address.strip(), port);
	}

}
