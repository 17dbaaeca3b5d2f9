package org.gridguard.shared;

/**
 * A page request from a list page or an API call; out-of-range values are clamped rather than rejected.
 *
 * @param page zero-based page number
 * @param size rows per page, 1 to {@value #MAX_SIZE}
 */
public record Paging(int page, int size) {

	public static final int MAX_SIZE = 500;

	public static final int DEFAULT_SIZE = 20;

	public Paging {
		page = Math.max(0, page);
		size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
	}

	public static Paging of(Integer page, Integer size) {
		return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
	}

	public long offset() {
		return (long) page * size;
	}

}
