package org.gridguard.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much an uploaded list may hold, how often a background import is started before it is given up, and how long
 * uploaded files are kept, as {@code gridguard.uploads.*} (documented in {@code docs/control.md}).
 *
 * @param maxRows data rows of one file
 * @param maxColumns the last column a cell may lie in, and the cells of one row
 * @param maxCells cells of one file, counting the empty cells before the last one of each row
 * @param maxCharacters characters of one file's cells
 * @param maxAttempts a background import started this often without finishing (the server stopped or crashed while
 * it ran) is marked failed instead of being started again
 * @param retention uploaded files (they hold personal data) are deleted this long after the upload
 */
@ConfigurationProperties("gridguard.uploads")
public record UploadSettings(@DefaultValue("1000000") int maxRows, @DefaultValue("200") int maxColumns,
		@DefaultValue("10000000") long maxCells, @DefaultValue("100000000") long maxCharacters,
		@DefaultValue("3") int maxAttempts, @DefaultValue("28d") Duration retention) {

	/** The limits a file is read within. */
	public TableFile.Limits limits() {
		return new TableFile.Limits(maxRows, maxColumns, maxCells, maxCharacters);
	}

}
