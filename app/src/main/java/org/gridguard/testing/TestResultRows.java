package org.gridguard.testing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridguard.platform.TableFile;
import org.jspecify.annotations.Nullable;

/**
 * How the rows of a lab's file (CSV or XLSX, Chinese or English headers) become results to record: which header names
 * which field, which fields must be there, and each row's cells as an item. Sampling times are read in the forms of
 * {@link SamplingTimes}; one in none of them is refused with those forms named ({@link TestingManagement}).
 */
final class TestResultRows {

	static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

	static {
		COLUMNS.put("idNumber", List.of("身份证号", "身份证号码", "证件号码", "idNumber", "id_number"));
		COLUMNS.put("name", List.of("姓名", "name"));
		COLUMNS.put("sampledAt", List.of("采样时间", "sampledAt", "sampled_at"));
		COLUMNS.put("kind", List.of("检测类型", "检测方式", "kind"));
		COLUMNS.put("result", List.of("检测结果", "结果", "result"));
		COLUMNS.put("pooled", List.of("混采", "是否混采", "pooled"));
	}

	private static final List<String> REQUIRED = List.of("idNumber", "sampledAt", "kind", "result");

	private TestResultRows() {
	}

	/** The Chinese headers of the required columns the file lacks. */
	static List<String> missing(Map<String, Integer> columns) {
		var missing = new ArrayList<String>();
		for (String field : REQUIRED) {
			if (!columns.containsKey(field)) {
				missing.add(COLUMNS.get(field).get(0));
			}
		}
		return missing;
	}

	/**
	 * The rows as items, each with its row number. A sampling time that is read is passed on with its offset; one
	 * that is not is passed on as written, for the validation to refuse.
	 */
	static List<TestResultInput> inputs(List<TableFile.Row> rows, Map<String, Integer> columns, ZoneId zone) {
		var inputs = new ArrayList<TestResultInput>(rows.size());
		for (TableFile.Row row : rows) {
			String sampled = cell(row, columns, "sampledAt");
			Instant at = SamplingTimes.parse(sampled, zone);
			inputs.add(new TestResultInput(row.number(), cell(row, columns, "idNumber"), cell(row, columns, "name"),
					at == null ? sampled : at.atZone(zone).toOffsetDateTime().toString(), cell(row, columns, "kind"),
					cell(row, columns, "result"), pooled(cell(row, columns, "pooled"))));
		}
		return inputs;
	}

	private static String cell(TableFile.Row row, Map<String, Integer> columns, String field) {
		Integer column = columns.get(field);
		return column == null ? "" : row.cell(column);
	}

	static @Nullable Boolean pooled(String text) {
		String t = text.strip();
		return t.equals("是") || t.equalsIgnoreCase("true") || t.equalsIgnoreCase("yes") || t.equals("1");
	}

}
