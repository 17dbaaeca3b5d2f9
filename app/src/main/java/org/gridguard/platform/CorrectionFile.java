package org.gridguard.platform;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The refused rows of an import given back to be corrected and imported again: the file's header row with an error
 * column added, then each refused row as it was read, with its problems in that column. Written through
 * {@link TableWriter}, so that no cell runs as a formula when the file is opened.
 */
public final class CorrectionFile {

	private CorrectionFile() {
	}

	/**
	 * @param problems the text of the error column, by row number (rows without an entry are left out)
	 * @param errorHeader the error column's header, in the reader's language
	 */
	public static byte[] of(TableFile file, Map<Integer, String> problems, String errorHeader, TableWriter.Format format) {
		var refused = file.rows().stream().filter(row -> problems.containsKey(row.number())).toList();
		int width = file.headers().size();
		for (TableFile.Row row : refused) {
			width = Math.max(width, row.cells().size());
		}
		var out = new ByteArrayOutputStream();
		try (TableWriter writer = TableWriter.open(format, out)) {
			writer.row(padded(file.headers(), width, errorHeader));
			for (TableFile.Row row : refused) {
				writer.row(padded(row.cells(), width, problems.get(row.number())));
			}
		}
		return out.toByteArray();
	}

	private static List<String> padded(List<String> cells, int width, String last) {
		var result = new ArrayList<String>(width + 1);
		result.addAll(cells);
		while (result.size() < width) {
			result.add("");
		}
		result.add(last);
		return result;
	}

}
