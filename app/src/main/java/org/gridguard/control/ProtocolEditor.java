package org.gridguard.control;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The protocol editor of the city admin: checks a draft row by row, previews the plan a person would get, saves it.
 * A refused draft names each problem by row and field in words ("第2行 天数：须为1–28的整数"); the field of each
 * problem is the form field as sent ({@code stages[2].days}).
 */
@Service
@Transactional
public class ProtocolEditor {

	/** The longest stage the editor accepts: four weeks, twice the longest stage of the national plans. */
	public static final int MAX_STAGE_DAYS = 28;

	private final ProtocolCatalogue catalogue;

	private final Messages messages;

	private final Clock clock;

	ProtocolEditor(ProtocolCatalogue catalogue, Messages messages, Clock clock) {
		this.catalogue = catalogue;
		this.messages = messages;
		this.clock = clock;
	}

	/** The plan a person would get under the draft with today as day 1; refused like {@link #save}. */
	@Transactional(readOnly = true)
	public ProtocolSchedule preview(ProtocolDraft draft) {
		return ProtocolSchedule.of(check(draft), LocalDate.now(clock));
	}

	/** Creates or replaces the protocol the draft describes. */
	public Protocol save(ProtocolDraft draft, String by) {
		Protocol protocol = check(draft);
		catalogue.store(protocol, by);
		return protocol;
	}

	/** The protocol a draft describes; every problem of every field and row at once otherwise. */
	Protocol check(ProtocolDraft draft) {
		var problems = new ArrayList<FieldProblem>();
		if (!draft.id().matches("[a-z0-9_]{2,40}")) {
			problems.add(messages.problem("id", "control.protocol.id"));
		}
		if (draft.name().isBlank() || draft.name().length() > 100) {
			problems.add(messages.problem("name", "control.protocol.name"));
		}
		Protocol.@Nullable StartRule start = parse(Protocol.StartRule.class, draft.start());
		if (start == null) {
			problems.add(messages.problem("start", "control.protocol.startRule.unknown"));
		}
		if (!"ALL_TESTS_NEGATIVE".equals(draft.releaseRule()) && !"LINKED_FIRST_TWO_NEGATIVE".equals(draft.releaseRule())) {
			problems.add(messages.problem("releaseRule", "control.protocol.releaseRule"));
		}
		String escalateTo = draft.escalateTo() == null || draft.escalateTo().isBlank() ? null : draft.escalateTo();
		if (escalateTo != null && catalogue.protocol(escalateTo).isEmpty()) {
			problems.add(messages.problem("escalateTo", "control.protocol.unknown"));
		}
		if (draft.stages().isEmpty()) {
			problems.add(messages.problem("stages", "control.protocol.stages.none"));
		}
		var stages = new ArrayList<Protocol.Stage>();
		for (int i = 0; i < draft.stages().size(); i++) {
			Protocol.Stage stage = stage(i + 1, draft.stages().get(i), problems);
			if (stage != null) {
				stages.add(stage);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new Protocol(draft.id(), draft.name().strip(),
				draft.basis() == null || draft.basis().isBlank() ? null : draft.basis().strip(), start, stages,
				draft.releaseRule(), escalateTo);
	}

	private Protocol.@Nullable Stage stage(int row, ProtocolDraft.StageRow input, List<FieldProblem> problems) {
		int before = problems.size();
		@Nullable MeasureKind kind = parse(MeasureKind.class, input.measure());
		if (kind == null) {
			problems.add(rowProblem(row, "measure", "control.protocol.measure.required"));
		}
		int days = wholeNumber(input.days());
		if (days < 1 || days > MAX_STAGE_DAYS) {
			problems.add(rowProblem(row, "days", "control.protocol.days.range", MAX_STAGE_DAYS));
		}
		else {
			for (int d : input.testDays()) {
				if (d < 1 || d > days) {
					problems.add(rowProblem(row, "testDays", "control.protocol.testDay.outside", d, days));
				}
			}
		}
		var alternatives = new ArrayList<MeasureKind>();
		for (String a : input.alternatives()) {
			@Nullable MeasureKind alternative = parse(MeasureKind.class, a);
			if (alternative == null || row > 1) {
				problems.add(rowProblem(row, "alternatives", "control.protocol.alternatives.firstOnly"));
			}
			else {
				alternatives.add(alternative);
			}
		}
		if (problems.size() > before) {
			return null;
		}
		return new Protocol.Stage(kind, days, input.testDays().stream().distinct().sorted().toList(), alternatives);
	}

	private FieldProblem rowProblem(int row, String field, String key, Object... args) {
		return new FieldProblem("stages[" + row + "]." + field, messages.get("control.protocol.row", row,
				messages.get("control.protocol.field." + field), messages.get(key, args)));
	}

	/** A whole number as typed; anything else is -1, which the range check refuses. */
	private static int wholeNumber(String text) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String name) {
		try {
			return Enum.valueOf(type, name.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
