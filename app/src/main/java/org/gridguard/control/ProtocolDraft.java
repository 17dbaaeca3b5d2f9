package org.gridguard.control;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A protocol as typed into the editor, before it is checked: every field as the person entered it, so that a refused
 * draft can be shown again unchanged. {@link ProtocolEditor} checks it and names each problem by row and field.
 *
 * @param stages the stage rows in the order shown (row 1 first)
 */
public record ProtocolDraft(String id, String name, @Nullable String basis, String start, List<StageRow> stages,
		String releaseRule, @Nullable String escalateTo) {

	public ProtocolDraft {
		stages = List.copyOf(stages);
	}

	/**
	 * One stage row: the measure chosen, the days as typed, the test days ticked and (first row only) the other measures
	 * the verifying worker may apply instead.
	 */
	public record StageRow(String measure, String days, List<Integer> testDays, List<String> alternatives) {

		public StageRow {
			testDays = List.copyOf(testDays);
			alternatives = List.copyOf(alternatives);
		}

		/** Whether a test falls on stage day {@code day} (for the ticked boxes). */
		public boolean testsOn(int day) {
			return testDays.contains(day);
		}

		/** Whether {@code measure} is ticked as an alternative. */
		public boolean allows(String measure) {
			return alternatives.contains(measure);
		}

	}

	/** The draft of a stored protocol, for editing it. */
	public static ProtocolDraft of(Protocol protocol) {
		var rows = new ArrayList<StageRow>();
		for (Protocol.Stage s : protocol.stages()) {
			rows.add(new StageRow(s.kind().name(), String.valueOf(s.days()), s.natDays(),
					s.alternatives().stream().map(Enum::name).toList()));
		}
		return new ProtocolDraft(protocol.id(), protocol.name(), protocol.basis(), protocol.start().name(), rows,
				protocol.releaseRule(), protocol.escalateTo());
	}

	/** An empty draft with one stage row, for a new protocol. */
	public static ProtocolDraft blank() {
		return new ProtocolDraft("", "", null, Protocol.StartRule.LAST_EXPOSURE.name(),
				List.of(new StageRow(MeasureKind.CENTRAL_ISOLATION.name(), "7", List.of(), List.of())),
				"ALL_TESTS_NEGATIVE", null);
	}

}
