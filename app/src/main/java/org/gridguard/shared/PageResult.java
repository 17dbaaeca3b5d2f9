package org.gridguard.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a server-side paged list.
 *
 * @param items the rows of this page
 * @param page zero-based page number
 * @param size page size requested
 * @param total number of rows matching the filter, over all pages
 */
public record PageResult<T>(List<T> items, int page, int size, long total) {

	public int totalPages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public <R> PageResult<R> map(Function<? super T, ? extends R> mapper) {
		return new PageResult<>(items.stream().<R>map(mapper).toList(), page, size, total);
	}

}
