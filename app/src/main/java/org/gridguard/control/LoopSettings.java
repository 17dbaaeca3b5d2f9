package org.gridguard.control;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * The control loop's timing and thresholds that the city admin may change (defaults from configuration, see
 * {@link LoopSettingsStore}).
 *
 * @param amDue the morning temperature/symptom check is missing after this time of day
 * @param pmDue the evening check is missing after this time of day
 * @param testGrace a scheduled test day's result may arrive until this long after the end of that day
 * @param feverThreshold a temperature at or above it is abnormal, in °C
 * @param escalation how old an open violation is when it reaches the grid (1st), the village (2nd), the town (3rd) and
 * the city command (4th), non-decreasing
 */
public record LoopSettings(LocalTime amDue, LocalTime pmDue, Duration testGrace, double feverThreshold,
		List<Duration> escalation) {

	/** The levels an open violation climbs: grid, village, town, city. */
	public static final int LEVELS = 4;

	public LoopSettings {
		escalation = List.copyOf(escalation);
	}

}
