package org.gridguard.platform;

import java.util.List;

import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A list as one SQL text, so that its pages ({@link #page}) and its export ({@link ListExports}) read exactly the same
 * rows: {@code SELECT <columns> FROM <from> ORDER BY <order>}.
 *
 * @param columns the select list
 * @param from the table (with an alias if {@code columns} or {@code order} use one) and its {@code WHERE} clause
 * @param params the parameters of {@code from}, in order
 * @param order the {@code ORDER BY} list, ending in a unique column
 * @param rows maps one row
 */
public record ListQuery<T>(String columns, String from, List<?> params, String order, RowMapper<T> rows) {

	/** One page and the count over all pages ({@link PagedQuery#page}). */
	public PageResult<T> page(JdbcClient jdbc, Paging paging) {
		return PagedQuery.page(jdbc, columns, from, params, order, rows, paging);
	}

	/** Every row, in list order. */
	String sql() {
		return "SELECT " + columns + " FROM " + from + " ORDER BY " + order;
	}

}
