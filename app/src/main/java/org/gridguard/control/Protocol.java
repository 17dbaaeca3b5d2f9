package org.gridguard.control;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A control protocol: the stages a risk person goes through, with their test days, and how they end. Held as
 * editable configuration; presets come from the national plans (8th and 9th editions) and Zhejiang variants.
 *
 * @param id stable key, e.g. {@code v9_close_contact}
 * @param start what day 1 is counted from
 * @param stages in order; day 1 of the protocol is day 1 of the first stage
 * @param releaseRule {@code ALL_TESTS_NEGATIVE}, or {@code LINKED_FIRST_TWO_NEGATIVE} (secondary contacts: also the
 * linked close contact's first two tests negative)
 * @param escalateTo the protocol to switch to when a linked person turns positive, if any
 */
public record Protocol(String id, String name, @Nullable String basis, StartRule start, List<Stage> stages,
		String releaseRule, @Nullable String escalateTo) {

	public Protocol {
		if (stages.isEmpty()) {
			throw new IllegalArgumentException("a protocol needs at least one stage");
		}
		stages = List.copyOf(stages);
	}

	/** Day 1 of a protocol is the day of … */
	public enum StartRule {

		/** … the last exposure (密接: counted from the last contact with the case). */
		LAST_EXPOSURE,
		/** … leaving the risk area (旅居史). */
		LEFT_AREA,
		/** … the on-site verification. */
		VERIFICATION

	}

	/**
	 * One stage: a measure for a number of days, with test days counted from the stage's own day 1.
	 */
	public record Stage(MeasureKind kind, int days, List<Integer> natDays) {

		public Stage {
			if (days < 1) {
				throw new IllegalArgumentException("a stage lasts at least one day");
			}
			natDays = List.copyOf(natDays);
			for (int d : natDays) {
				if (d < 1 || d > days) {
					throw new IllegalArgumentException("test day " + d + " lies outside a " + days + "-day stage");
				}
			}
		}

	}

	public int totalDays() {
		return stages.stream().mapToInt(Stage::days).sum();
	}

	/** "7+3" style label. */
	public String shape() {
		return String.join("+", stages.stream().map(s -> String.valueOf(s.days())).toList());
	}

}
