package org.gridguard.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * What one list's export writes: every row of the list's query, in chunks turned into cells the way the list shows
 * them (so that masks and names are the screen's), under a header row of message keys. Built by the list's handler
 * after it has checked the reader and the filters, and written by {@link ListExports#send}.
 *
 * @param list the list's name: the file name and the audit entry's subject type, e.g. {@code risk-persons}
 * @param subjectId the thing listed (a venue, an investigation), if any
 * @param query the list's rows
 * @param headers the message keys of the columns
 * @param cells the cells of a chunk of rows (up to {@link ListExports#CHUNK} at a time), one list per row, in
 * {@code headers}' order; a chunk's lookups (names, masks) are made once for the chunk
 * @param personal whether the rows are records of persons: counted against the reader's budget of person records
 * @param filters the filters in force, for the audit entry (empty ones are left out)
 */
public record ListExport<T>(String list, @Nullable String subjectId, ListQuery<T> query, List<String> headers,
		Function<List<T>, List<? extends List<?>>> cells, boolean personal, Map<String, Object> filters) {

	/** An export of a list that holds no person records. */
	public static <T> ListExport<T> of(String list, ListQuery<T> query, List<String> headers,
			Function<List<T>, List<? extends List<?>>> cells) {
		return new ListExport<>(list, null, query, headers, cells, false, Map.of());
	}

	/** An export of person records (audited as such and counted against the reader's budget). */
	public static <T> ListExport<T> ofPersons(String list, ListQuery<T> query, List<String> headers,
			Function<List<T>, List<? extends List<?>>> cells) {
		return new ListExport<>(list, null, query, headers, cells, true, Map.of());
	}

	/** The same export of the rows of one thing (a venue, an investigation). */
	public ListExport<T> about(@Nullable Object subject) {
		return new ListExport<>(list, subject == null ? null : subject.toString(), query, headers, cells, personal,
				filters);
	}

	/**
	 * The same export noting the filters in force: names and values in turn; nulls, blanks and {@code false} are
	 * left out.
	 */
	public ListExport<T> filteredBy(@Nullable Object... namesAndValues) {
		var named = new LinkedHashMap<String, Object>(filters);
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			Object value = namesAndValues[i + 1];
			if (value == null || Boolean.FALSE.equals(value) || value.toString().isBlank()) {
				continue;
			}
			named.put(String.valueOf(namesAndValues[i]), value);
		}
		return new ListExport<>(list, subjectId, query, headers, cells, personal, named);
	}

	/** Each row on its own: for lists whose cells need no lookup across rows. */
	public static <T> Function<List<T>, List<? extends List<?>>> eachRow(Function<T, List<?>> row) {
		return chunk -> {
			var result = new ArrayList<List<?>>(chunk.size());
			for (T item : chunk) {
				result.add(row.apply(item));
			}
			return result;
		};
	}

	/** {@code a=1, b=2} */
	String filterText() {
		var text = new StringBuilder();
		filters.forEach((name, value) -> {
			if (!text.isEmpty()) {
				text.append(", ");
			}
			text.append(name).append('=').append(value);
		});
		return text.toString();
	}

}
