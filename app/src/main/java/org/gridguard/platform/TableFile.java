package org.gridguard.platform;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * A tabular upload (CSV or the first sheet of an XLSX workbook) read into rows of text, for imports. CSV is read as
 * UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as GB18030, the encoding of Chinese
 * spreadsheet exports, and {@link #encodingNote()} says so. XLSX is streamed (no workbook model in memory). Rows keep
 * their spreadsheet row number so that rejections can name it.
 * <p>
 * What a file may hold is bounded ({@link Limits}): a file that would need more is refused as a whole, naming the
 * row or cell, before it is held in memory, so that a small hostile file (a cell at column ZZZZZZ) cannot take the
 * server's memory. A cell that a file we wrote neutralised ({@code '=…}, see {@code TableWriter}) is read back
 * without the apostrophe, so that a corrected correction file imports what the user sees.
 */
public final class TableFile {

	private final List<String> headers;

	private final List<Row> rows;

	private final @Nullable String encodingNote;

	TableFile(List<String> headers, List<Row> rows, @Nullable String encodingNote) {
		this.headers = headers;
		this.rows = rows;
		this.encodingNote = encodingNote;
	}

	/**
	 * How much one file may hold; past any of these it is refused.
	 *
	 * @param maxRows data rows
	 * @param maxColumns the last column a cell may lie in, and the cells of one row
	 * @param maxCells cells of all rows together, counting empty cells before the last one of a row
	 * @param maxCharacters characters of all cells together (and of an XLSX workbook's shared strings)
	 */
	public record Limits(int maxRows, int maxColumns, long maxCells, long maxCharacters) {

		/** A million rows of ten columns. */
		public static final Limits DEFAULT = new Limits(1_000_000, 200, 10_000_000, 100_000_000);

		/** Excel's own limit of one cell. */
		public static final int MAX_CELL_CHARACTERS = 32_767;

		public Limits withMaxRows(int rows) {
			return new Limits(Math.min(maxRows, rows), maxColumns, maxCells, maxCharacters);
		}

	}

	/** A data row: its number as the user sees it in the file (header = 1), and its cells. */
	public record Row(int number, List<String> cells) {

		public String cell(int index) {
			return index < 0 || index >= cells.size() ? "" : cells.get(index).strip();
		}

		public boolean blank() {
			return cells.stream().allMatch(c -> c == null || c.isBlank());
		}

	}

	/** Why a file could not be read at all: a message key of the platform bundle and its arguments. */
	public static class Unreadable extends Exception {

		private final String key;

		private final Object[] args;

		Unreadable(String key, @Nullable Throwable cause, Object... args) {
			super(key + " " + Arrays.toString(args), cause);
			this.key = key;
			this.args = args;
		}

		/** The reason in the reader's language. */
		public String describe(Messages messages) {
			return messages.get(key, args);
		}

	}

	/** Reads a file within the default limits. */
	public static TableFile read(@Nullable String filename, byte[] content) throws Unreadable {
		return read(filename, content, Limits.DEFAULT);
	}

	public static TableFile read(@Nullable String filename, byte[] content, Limits limits) throws Unreadable {
		if (content.length == 0) {
			throw new Unreadable("platform.file.empty", null);
		}
		boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K';
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		if (zip || name.endsWith(".xlsx")) {
			return XlsxSheet.read(content, limits);
		}
		if (name.endsWith(".xls")) {
			throw new Unreadable("platform.file.xls", null);
		}
		return readCsv(content, limits);
	}

	public List<String> headers() {
		return headers;
	}

	public List<Row> rows() {
		return rows;
	}

	public @Nullable String encodingNote() {
		return encodingNote;
	}

	/**
	 * Finds the column of each field by its header, ignoring case, spaces and a trailing "*" (required marker).
	 * @param aliases for each field, the headers it may have (Chinese and English)
	 * @return field → column index, only for fields found
	 */
	public Map<String, Integer> columns(Map<String, List<String>> aliases) {
		var result = new HashMap<String, Integer>();
		for (int i = 0; i < headers.size(); i++) {
			String header = normalise(headers.get(i));
			for (var entry : aliases.entrySet()) {
				if (!result.containsKey(entry.getKey())
						&& entry.getValue().stream().anyMatch(alias -> normalise(alias).equals(header))) {
					result.put(entry.getKey(), i);
				}
			}
		}
		return result;
	}

	private static String normalise(String header) {
		return header.replace("\uFEFF", "").replace("*", "").replace(" ", "").replace("\u3000", "").strip()
			.toLowerCase(Locale.ROOT);
	}

	/**
	 * A cell as the user wrote it: without the apostrophe that a file we wrote put before text a spreadsheet would
	 * run as a formula.
	 */
	static String restore(String cell) {
		return cell.length() > 1 && cell.charAt(0) == '\'' && startsLikeFormula(cell.substring(1)) ? cell.substring(1)
				: cell;
	}

	/** Whether a spreadsheet program could take the text for a formula (OWASP's list of first characters). */
	static boolean startsLikeFormula(String text) {
		if (text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	private static TableFile readCsv(byte[] content, Limits limits) throws Unreadable {
		String text;
		String note = null;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			text = new String(content, Charset.forName("GB18030"));
			note = "GB18030";
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		checkCsvShape(text, limits);
		var rows = new ArrayList<Row>();
		List<String> headers = null;
		try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
			for (CSVRecord record : parser) {
				List<String> cells = new ArrayList<>(record.size());
				record.forEach(cell -> cells.add(restore(cell)));
				if (headers == null) {
					headers = cells;
					continue;
				}
				rows.add(new Row((int) record.getRecordNumber(), cells));
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new Unreadable("platform.file.csv", ex, String.valueOf(ex.getMessage()));
		}
		if (headers == null) {
			throw new Unreadable("platform.file.noHeader", null);
		}
		return new TableFile(headers, rows, note);
	}

	/**
	 * Counts the records and the fields of each record before the parser builds any of them (a line of a million
	 * commas would otherwise become a million strings). It follows the parser's rules: a field that starts with a
	 * quote runs to the closing quote ({@code ""} inside is a quote), other fields to the next comma or line break;
	 * a line break outside quotes ends a record, and empty lines are skipped.
	 */
	private static void checkCsvShape(String text, Limits limits) throws Unreadable {
		if (text.length() > limits.maxCharacters()) {
			throw new Unreadable("platform.file.tooManyCharacters", null, limits.maxCharacters());
		}
		int n = text.length();
		int records = 0;
		int fields = 1;
		long cells = 0;
		boolean fieldStart = true;
		boolean emptyLine = true;
		for (int i = 0; i <= n; i++) {
			char c = i == n ? '\n' : text.charAt(i);
			if (fieldStart && c == '"') {
				// a quoted field: on to its closing quote (the loop's step passes it)
				i++;
				while (i < n) {
					if (text.charAt(i) == '"') {
						if (i + 1 < n && text.charAt(i + 1) == '"') {
							i += 2;
							continue;
						}
						break;
					}
					i++;
				}
				fieldStart = false;
				emptyLine = false;
			}
			else if (c == ',') {
				fieldStart = true;
				emptyLine = false;
				if (++fields > limits.maxColumns()) {
					throw new Unreadable("platform.file.tooManyColumns", null, records + 1, limits.maxColumns());
				}
			}
			else if (c == '\n' || c == '\r') {
				if (!emptyLine) {
					records++;
					cells += fields;
					if (records - 1 > limits.maxRows()) {
						throw new Unreadable("platform.file.tooManyRows", null, limits.maxRows(), records);
					}
					if (cells > limits.maxCells()) {
						throw new Unreadable("platform.file.tooManyCells", null, limits.maxCells(), records);
					}
				}
				fields = 1;
				fieldStart = true;
				emptyLine = true;
			}
			else {
				fieldStart = false;
				emptyLine = false;
			}
		}
	}

}
