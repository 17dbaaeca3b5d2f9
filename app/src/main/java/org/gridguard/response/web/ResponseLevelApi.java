package org.gridguard.response.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.gridguard.region.Jurisdiction;
import org.gridguard.response.LevelChange;
import org.gridguard.response.LevelSwitch;
import org.gridguard.response.ResponseLevel;
import org.gridguard.response.ResponseLevels;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The response level in the integration API (API.md, command layer): anyone signed in reads it, the city admin
 * changes it (at once; every module follows the new profile).
 */
@RestController
@RequestMapping("/api/v1/response-level")
class ResponseLevelApi {

	private final ResponseLevels levels;

	private final LevelSwitch levelSwitch;

	private final java.time.Clock clock;

	ResponseLevelApi(ResponseLevels levels, LevelSwitch levelSwitch, java.time.Clock clock) {
		this.levels = levels;
		this.levelSwitch = levelSwitch;
		this.clock = clock;
	}

	/** The level in force; {@code reason} is {@code null} only for the level the city started with. */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record LevelView(@Schema(implementation = ResponseLevel.class) String level, OffsetDateTime since,
			@Nullable String reason, String changedBy) {

		static LevelView of(LevelChange change, ZoneId zone) {
			return new LevelView(change.level().name(), change.since().atZone(zone).toOffsetDateTime(), change.reason(),
					change.changedBy());
		}

	}

	record LevelRequest(@Schema(implementation = ResponseLevel.class) @Nullable String level, @Nullable String reason) {
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	LevelView current() {
		return LevelView.of(levels.current(), clock.getZone());
	}

	@PutMapping
	@PreAuthorize("hasRole('CITY_ADMIN')")
	LevelView change(@RequestBody LevelRequest body, Jurisdiction who) {
		// the change begins now: it is the level in force
		return LevelView.of(levelSwitch.change(body.level(), null, body.reason(), who.username()), clock.getZone());
	}

}
