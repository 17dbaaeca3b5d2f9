package org.gridguard.gathering;

import java.util.List;

import org.gridguard.platform.Messages;

/**
 * Why an event was refused or an attendee excluded, as stored: a message key and its arguments, rendered in the
 * reader's language. An argument starting with {@code #} is a message key itself (a level's or a category's name).
 *
 * @param health whether the reason reveals health data (a colour, a control category): shown only to roles that see
 * health reasons, the others read that the status does not allow attending
 */
public record Reason(String key, boolean health, List<String> args) {

	public Reason(String key, boolean health, String... args) {
		this(key, health, List.of(args));
	}

	public Reason {
		args = List.copyOf(args);
	}

	/** The reason in the reader's language. */
	public String render(Messages messages) {
		Object[] values = args.stream().map(a -> a.startsWith("#") ? messages.get(a.substring(1)) : a).toArray();
		return messages.get(key, values);
	}

}
