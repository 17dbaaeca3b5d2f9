package org.gridguard.response.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.gridguard.platform.HeaderBadge;
import org.gridguard.platform.Messages;
import org.gridguard.response.LevelChange;
import org.gridguard.response.ResponseLevels;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The response level in the header of every page, in the level's colour, with since when and why on hover, and a
 * change scheduled for later.
 */
@Component
class LevelBadge implements HeaderBadge {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ResponseLevels levels;

	private final Messages messages;

	private final Clock clock;

	LevelBadge(ResponseLevels levels, Messages messages, Clock clock) {
		this.levels = levels;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public @Nullable Shown shown() {
		LevelChange current = levels.current();
		String title = messages.get("response.badge.since", SHOWN.format(current.since().atZone(clock.getZone())))
				+ (current.reason() == null ? "" : " · " + current.reason());
		List<LevelChange> next = levels.scheduled();
		if (!next.isEmpty()) {
			title += " · " + messages.get("response.badge.next", messages.get(next.get(0).level().messageKey()),
					SHOWN.format(next.get(0).since().atZone(clock.getZone())));
		}
		return new Shown("response-level", messages.get(current.level().messageKey()), "level-" + current.level().name(),
				"/response", title);
	}

}
