package org.gridguard.account;

import java.util.ArrayList;
import java.util.List;

import org.gridguard.platform.PublicAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The last lines of a start, in one frame: where GridGuard answers, the city admin's password when this start created
 * the account with a generated one (shown this once), and whether links that leave GridGuard (SMS, posters) have a
 * public address. A start that fails after the admin was created still shows the password, so that it is not lost.
 */
@Component
class ReadyMessage {

	private static final Logger LOG = LoggerFactory.getLogger(ReadyMessage.class);

	private static final String RULE = "=".repeat(72);

	private final AdminBootstrap admin;

	private final PublicAddress address;

	ReadyMessage(AdminBootstrap admin, PublicAddress address) {
		this.admin = admin;
		this.address = address;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		String password = admin.takeGeneratedPassword();
		var lines = new ArrayList<String>();
		lines.add("GridGuard is ready: " + address.local());
		if (password != null) {
			lines.addAll(passwordLines(password));
		}
		if (!address.configured()) {
			lines.add("Links sent by SMS and printed on posters use the address each page is asked at;");
			lines.add("set GRIDGUARD_PUBLIC_URL (gridguard.public-url) to the address phones reach.");
		}
		else {
			lines.add("Public links: " + address.base());
		}
		print(lines, password != null);
	}

	@EventListener(ApplicationFailedEvent.class)
	void failed() {
		String password = admin.takeGeneratedPassword();
		if (password != null) {
			var lines = new ArrayList<String>();
			lines.add("GridGuard did not start (see above), but the city admin account was created:");
			lines.addAll(passwordLines(password));
			print(lines, true);
		}
	}

	private static List<String> passwordLines(String password) {
		return List.of("City admin account created", "  username: admin", "  password: " + password,
				"This password is shown only once. Change it after signing in,",
				"or set GRIDGUARD_ADMIN_PASSWORD before the next start.");
	}

	private static void print(List<String> lines, boolean secret) {
		var text = new StringBuilder("\n").append(RULE).append('\n');
		lines.forEach(line -> text.append("  ").append(line).append('\n'));
		text.append(RULE);
		if (secret) {
			// at WARN, so that it shows even where the log is set to warnings only
			LOG.warn("{}", text);
		}
		else {
			LOG.info("{}", text);
		}
	}

}
