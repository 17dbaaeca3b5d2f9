package org.gridguard.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much an uploaded list may hold and how often a background import is started before it is given up, as
 * {@code gridguard.uploads.*} (documented in {@code docs/control.md}).
 *
 * @param maxRows data rows of one file
 * @param maxColumns the last column a cell may lie in, and the cells of one row
 * @param maxCells cells of one file, counting the empty cells before the last one of each row
 * @param maxCharacters characters of one file's cells
 * @param maxAttempts a background import started this often without finishing (the server stopped or crashed while
 * it ran) is marked failed instead of being started again
 */
@ConfigurationProperties("gridguard.uploads")
public record UploadSettings(@DefaultValue("1000000") int maxRows, @DefaultValue("200") int maxColumns,
		@DefaultValue("10000000") long maxCells, @DefaultValue("100000000") long maxCharacters,
		@DefaultValue("3") int maxAttempts) {

	/** The limits a file is read within. */
	public TableFile.Limits limits() {
		return new TableFile.Limits(maxRows, maxColumns, maxCells, maxCharacters);
	}

}
