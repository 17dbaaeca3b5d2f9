package org.gridguard.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * A tabular upload (CSV or the first sheet of an XLSX workbook) read into rows of text, for imports. CSV is read as
 * UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as GB18030, the encoding of Chinese
 * spreadsheet exports, and {@link #encodingNote()} says so. XLSX is streamed (no workbook model in memory), so large
 * lists stay cheap. Rows keep their spreadsheet row number so that rejections can name it.
 */
public final class TableFile {

	private final List<String> headers;

	private final List<Row> rows;

	private final @Nullable String encodingNote;

	private TableFile(List<String> headers, List<Row> rows, @Nullable String encodingNote) {
		this.headers = headers;
		this.rows = rows;
		this.encodingNote = encodingNote;
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

	/** Why a file could not be read at all. */
	public static class Unreadable extends Exception {

		public Unreadable(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

	public static TableFile read(@Nullable String filename, byte[] content) throws Unreadable {
		if (content.length == 0) {
			throw new Unreadable("empty file", null);
		}
		boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K';
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		if (zip || name.endsWith(".xlsx")) {
			return readXlsx(content);
		}
		if (name.endsWith(".xls")) {
			throw new Unreadable("old .xls workbooks are not supported: save as .xlsx or CSV", null);
		}
		return readCsv(content);
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

	private static TableFile readCsv(byte[] content) throws Unreadable {
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
		var rows = new ArrayList<Row>();
		List<String> headers = null;
		try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
			for (CSVRecord record : parser) {
				List<String> cells = record.toList();
				if (headers == null) {
					headers = cells;
					continue;
				}
				rows.add(new Row((int) record.getRecordNumber(), cells));
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new Unreadable("not a readable CSV file: " + ex.getMessage(), ex);
		}
		if (headers == null) {
			throw new Unreadable("the file has no header row", null);
		}
		return new TableFile(headers, rows, note);
	}

	private static TableFile readXlsx(byte[] content) throws Unreadable {
		var collector = new Collector();
		try (InputStream in = new ByteArrayInputStream(content); OPCPackage pkg = OPCPackage.open(in)) {
			XSSFReader reader = new XSSFReader(pkg);
			StylesTable styles = reader.getStylesTable();
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			var sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new Unreadable("the workbook has no sheet", null);
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader xml = XMLHelper.newXMLReader();
				xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, collector, new DataFormatter(), false));
				xml.parse(new InputSource(sheet));
			}
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException ex) {
			throw new Unreadable("damaged or incomplete XLSX workbook: " + ex.getMessage(), ex);
		}
		if (collector.headers == null) {
			throw new Unreadable("the first sheet has no header row", null);
		}
		return new TableFile(collector.headers, collector.rows, null);
	}

	/** Collects the cells of a streamed sheet, filling gaps left by empty cells. */
	private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

		@Nullable List<String> headers;

		final List<Row> rows = new ArrayList<>();

		private List<String> current = new ArrayList<>();

		@Override
		public void startRow(int rowNum) {
			current = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNum) {
			if (headers == null) {
				if (current.stream().anyMatch(c -> !c.isBlank())) {
					headers = current;
				}
				return;
			}
			rows.add(new Row(rowNum + 1, current));
		}

		@Override
		public void cell(String cellReference, String formattedValue, XSSFComment comment) {
			int column = columnOf(cellReference == null ? "" : cellReference);
			while (current.size() < column) {
				current.add("");
			}
			current.add(formattedValue == null ? "" : formattedValue);
		}

		private static int columnOf(String reference) {
			int column = 0;
			for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
				column = column * 26 + (reference.charAt(i) - 'A' + 1);
			}
			return Math.max(0, column - 1);
		}

	}

}
