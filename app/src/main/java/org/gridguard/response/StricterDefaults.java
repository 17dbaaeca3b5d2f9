package org.gridguard.response;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The common rule for the defaults of deadlines and ages at the stricter levels, so that modules agree: the
 * configured value holds at 常态化 and Ⅳ, three quarters of it at Ⅲ, half at Ⅱ and a quarter at Ⅰ, rounded to the
 * grain the unit is written in (a minute, a quarter of an hour, a day) and never below one grain
 * (nor above the configured value).
 * Every default is editable in the profiles.
 */
public final class StricterDefaults {

	/** Factors from {@link ResponseLevel#NORMAL} to {@link ResponseLevel#I}. */
	static final double[] FACTORS = { 1, 1, 0.75, 0.5, 0.25 };

	private StricterDefaults() {
	}

	/** The defaults of a deadline or an age that shortens as the level rises. */
	public static List<Duration> shorter(Duration normal, ChronoUnit unit) {
		long grain = switch (unit) {
			case MINUTES -> 1;
			case HOURS -> 15;
			case DAYS -> 24 * 60;
			default -> throw new IllegalArgumentException("durations are written in minutes, hours or days");
		};
		var values = new ArrayList<Duration>();
		for (double factor : FACTORS) {
			long minutes = normal.toMinutes();
			if (factor == 1) {
				values.add(Duration.ofMinutes(minutes));
				continue;
			}
			long scaled = Math.round(minutes * factor / grain) * grain;
			values.add(Duration.ofMinutes(Math.min(minutes, Math.max(grain, scaled))));
		}
		return values;
	}

}
