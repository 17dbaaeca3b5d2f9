package org.gridguard.control.web;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridguard.control.ProtocolDraft;
import org.gridguard.control.ProtocolEditor;
import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;

/**
 * The protocol editor's form fields. Stage rows are numbered by the page when they are added ({@code stage.3.days}),
 * so a removed row leaves a gap: rows are taken in the order of their numbers, whatever the numbers are.
 */
final class ProtocolForm {

	static final int MAX_DAYS = ProtocolEditor.MAX_STAGE_DAYS;

	private static final Pattern ROW = Pattern.compile("stage\\.(\\d{1,4})\\.(measure|days)");

	private ProtocolForm() {
	}

	/** A stage row of the page: the number its fields are named with, and what it holds. */
	record Row(int no, ProtocolDraft.StageRow stage) {
	}

	static List<Row> rows(ProtocolDraft draft) {
		var rows = new ArrayList<Row>();
		for (int i = 0; i < draft.stages().size(); i++) {
			rows.add(new Row(i, draft.stages().get(i)));
		}
		return rows;
	}

	/** The draft as sent, every value kept as typed. */
	static ProtocolDraft draft(MultiValueMap<String, String> form) {
		var numbers = new TreeSet<Integer>();
		for (String key : form.keySet()) {
			Matcher m = ROW.matcher(key);
			if (m.matches()) {
				numbers.add(Integer.parseInt(m.group(1)));
			}
		}
		var stages = new ArrayList<ProtocolDraft.StageRow>();
		for (int n : numbers) {
			String prefix = "stage." + n + ".";
			List<Integer> tests = values(form, prefix + "test").stream().map(ProtocolForm::day).toList();
			stages.add(new ProtocolDraft.StageRow(text(form, prefix + "measure"), text(form, prefix + "days"), tests,
					values(form, prefix + "alt")));
		}
		return new ProtocolDraft(text(form, "id"), text(form, "name"), form.getFirst("basis"), text(form, "start"),
				stages, text(form, "releaseRule"), form.getFirst("escalateTo"));
	}

	private static String text(MultiValueMap<String, String> form, String key) {
		String value = form.getFirst(key);
		return value == null ? "" : value;
	}

	private static List<String> values(MultiValueMap<String, String> form, String key) {
		@Nullable List<String> values = form.get(key);
		return values == null ? List.of() : values;
	}

	/** A ticked test day; what is not a day number becomes 0, which the editor refuses as outside the stage. */
	private static int day(String text) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
