package org.gridguard.platform;

import java.util.ArrayList;
import java.util.List;

import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One page of a server-side paged list and the count over all pages, from the same {@code FROM ... WHERE ...} text:
 * {@code SELECT count(*) FROM <from>}, then {@code SELECT <columns> FROM <from> ORDER BY <order> LIMIT ? OFFSET ?}.
 * Every list page and list API of the modules goes through here.
 */
public final class PagedQuery {

	private PagedQuery() {
	}

	/**
	 * @param columns the select list of the page query
	 * @param from the table (with an alias if {@code columns} or {@code order} use one) and its {@code WHERE} clause
	 * @param params the parameters of {@code from}, in order
	 * @param order the {@code ORDER BY} list; it should end in a unique column so that pages do not overlap
	 */
	public static <T> PageResult<T> page(JdbcClient jdbc, String columns, String from, List<?> params, String order,
			RowMapper<T> rows, Paging paging) {
		long total = jdbc.sql("SELECT count(*) FROM " + from).params(params).query(Long.class).single();
		var pageParams = new ArrayList<Object>(params);
		pageParams.add(paging.size());
		pageParams.add(paging.offset());
		List<T> items = jdbc.sql("SELECT " + columns + " FROM " + from + " ORDER BY " + order + " LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(rows)
			.list();
		return new PageResult<>(items, paging.page(), paging.size(), total);
	}

}
