package org.gridguard.response;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.Messages;

/**
 * Puts the field's name in front of each problem's message ({@code response.field.<field>}; a follow-up row's fields
 * as "第 2 条整改事项 · 期限"), so that a page can list the messages alone and the reader knows where to look.
 */
final class FieldLabels {

	private static final Pattern ROW = Pattern.compile("followUps\\[(\\d+)]\\.(\\w+)");

	private FieldLabels() {
	}

	static List<FieldProblem> labelled(List<FieldProblem> problems, Messages messages) {
		return problems.stream().map(p -> new FieldProblem(p.field(), label(p.field(), messages) + "：" + p.message()))
			.toList();
	}

	private static String label(String field, Messages messages) {
		Matcher row = ROW.matcher(field);
		if (row.matches()) {
			return messages.get("response.followUp.row", Integer.parseInt(row.group(1)) + 1,
					messages.get("response.field." + row.group(2)));
		}
		return messages.get("response.field." + field);
	}

}
