package org.gridguard.quarantine.web;

import java.util.Locale;

import org.gridguard.quarantine.Site;
import org.jspecify.annotations.Nullable;

/**
 * A room kind as people write it: the code ({@code SINGLE}), its English word (single, shared, accessible) or its Chinese name (单人间, 多人间, 无障碍).
 */
final class RoomKinds {

	private RoomKinds() {
	}

	/** The kind; {@code SINGLE} when nothing is given, {@code null} when what is given is no kind. */
	static Site.@Nullable RoomKind parse(@Nullable String text) {
		String t = text == null ? "" : text.strip();
		if (t.isEmpty()) {
			return Site.RoomKind.SINGLE;
		}
		if (t.startsWith("单人")) {
			return Site.RoomKind.SINGLE;
		}
		if (t.startsWith("多人") || t.startsWith("家庭") || t.equalsIgnoreCase("shared")) {
			return Site.RoomKind.MULTI;
		}
		if (t.startsWith("无障碍")) {
			return Site.RoomKind.ACCESSIBLE;
		}
		try {
			return Site.RoomKind.valueOf(t.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
