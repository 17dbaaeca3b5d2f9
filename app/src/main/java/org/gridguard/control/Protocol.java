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
	 *
	 * @param alternatives measures the verifying worker may apply instead of {@code kind} (e.g. home instead of central
	 * isolation for special groups, or central isolation where the home is unsuitable); only for the first stage
	 */
	public record Stage(MeasureKind kind, int days, List<Integer> natDays, List<MeasureKind> alternatives) {

		public Stage(MeasureKind kind, int days, List<Integer> natDays) {
			this(kind, days, natDays, List.of());
		}

		public Stage {
			if (days < 1) {
				throw new IllegalArgumentException("a stage lasts at least one day");
			}
			alternatives = alternatives.stream().filter(a -> a != kind).distinct().toList();
			natDays = List.copyOf(natDays);
			for (int d : natDays) {
				if (d < 1 || d > days) {
					throw new IllegalArgumentException("test day " + d + " lies outside a " + days + "-day stage");
				}
			}
		}

	}

	/** The measures a verification may apply: the first stage's, then its alternatives. */
	public List<MeasureKind> firstMeasures() {
		Stage first = stages.get(0);
		var measures = new java.util.ArrayList<MeasureKind>();
		measures.add(first.kind());
		measures.addAll(first.alternatives());
		return measures;
	}

	/** This protocol with its first stage under another allowed measure (same days and tests). */
	public Protocol withFirstMeasure(MeasureKind measure) {
		if (!firstMeasures().contains(measure)) {
			throw new IllegalArgumentException(measure + " is not allowed in " + id);
		}
		if (measure == stages.get(0).kind()) {
			return this;
		}
		Stage first = stages.get(0);
		var changed = new java.util.ArrayList<Stage>(stages);
		changed.set(0, new Stage(measure, first.days(), first.natDays(), List.of()));
		return new Protocol(id, name, basis, start, changed, releaseRule, escalateTo);
	}

	/** The strictest measure of the plan (the lowest {@link MeasureKind} ordinal). */
	public MeasureKind strictestMeasure() {
		MeasureKind strictest = stages.get(0).kind();
		for (Stage s : stages) {
			if (s.kind().ordinal() < strictest.ordinal()) {
				strictest = s.kind();
			}
		}
		return strictest;
	}

	/**
	 * The mildest plan a verification may still lay out: the strictest measure left when the first stage takes its
	 * mildest allowed alternative.
	 */
	public MeasureKind strictestRequired() {
		MeasureKind firstMildest = stages.get(0).kind();
		for (MeasureKind a : stages.get(0).alternatives()) {
			if (a.ordinal() > firstMildest.ordinal()) {
				firstMildest = a;
			}
		}
		MeasureKind strictest = firstMildest;
		for (int i = 1; i < stages.size(); i++) {
			if (stages.get(i).kind().ordinal() < strictest.ordinal()) {
				strictest = stages.get(i).kind();
			}
		}
		return strictest;
	}

	public int totalDays() {
		return stages.stream().mapToInt(Stage::days).sum();
	}

	/** "7+3" style label. */
	public String shape() {
		return String.join("+", stages.stream().map(s -> String.valueOf(s.days())).toList());
	}

}
