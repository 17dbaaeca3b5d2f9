package org.gridguard.platform.web;

import org.gridguard.platform.AuditLog;
import org.gridguard.platform.Messages;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Who did something, as a reader sees it: the system and a person reporting for themselves in the reader's
 * language, an account by its username. Templates use {@code ${@actors.name(e.actor())}}.
 */
@Component("actors")
public class Actors {

	private final Messages messages;

	Actors(Messages messages) {
		this.messages = messages;
	}

	public String name(@Nullable String actor) {
		if (actor == null || actor.isBlank()) {
			return "—";
		}
		if (actor.equals(AuditLog.SYSTEM)) {
			return messages.get("platform.actor.system");
		}
		if (actor.startsWith("self:")) {
			return messages.get("platform.actor.self");
		}
		return actor;
	}

}
