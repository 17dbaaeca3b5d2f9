package org.gridguard.platform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an XLSX workbook within {@link TableFile.Limits}. Nothing is sized from what the file
 * claims: a cell reference beyond the last allowed column, a row with too many cells, too many rows, cells or
 * characters, a cell longer than Excel allows, and oversized parts of the package are refused as soon as they are
 * met. The package is read lazily from the uploaded bytes (no unpacked copy); the sheet and the shared strings are
 * streamed (SAX), and only the small parts (workbook, styles, relations) become object models, each capped in size.
 */
final class XlsxSheet {

	private XlsxSheet() {
	}

	static TableFile read(byte[] content, TableFile.Limits limits) throws TableFile.Unreadable {
		var collector = new Collector(limits);
		OPCPackage pkg = null;
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
			pkg = OPCPackage.open(new XlsxParts.CappedEntries(zip));
			XSSFReader reader = new XSSFReader(pkg);
			StylesTable styles = reader.getStylesTable();
			SharedStrings strings = XlsxParts.SharedStringsTable.of(pkg, limits);
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new TableFile.Unreadable("platform.file.noSheet", null);
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader xml = XMLHelper.newXMLReader();
				xml.setContentHandler(new BoundedSheetHandler(styles, strings, collector));
				xml.parse(new InputSource(sheet));
			}
		}
		catch (Refused ex) {
			throw ex.reason;
		}
		catch (SAXException ex) {
			if (ex.getException() instanceof Refused refused) {
				throw refused.reason;
			}
			throw damaged(ex);
		}
		catch (IOException | OpenXML4JException | ParserConfigurationException | RuntimeException ex) {
			Refused refused = causeOf(ex);
			if (refused != null) {
				throw refused.reason;
			}
			throw damaged(ex);
		}
		finally {
			if (pkg != null) {
				pkg.revert();
			}
		}
		if (collector.headers == null) {
			throw new TableFile.Unreadable("platform.file.noHeader", null);
		}
		return new TableFile(collector.headers, collector.rows, null);
	}

	private static TableFile.Unreadable damaged(Exception ex) {
		return new TableFile.Unreadable("platform.file.xlsx", ex, String.valueOf(ex.getMessage()));
	}

	private static @Nullable Refused causeOf(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof Refused refused) {
				return refused;
			}
			if (t instanceof SAXException sax && sax.getException() instanceof Refused refused) {
				return refused;
			}
		}
		return null;
	}

	/** A limit was reached: carries the reason out of the parser's callbacks. */
	static final class Refused extends RuntimeException {

		final TableFile.Unreadable reason;

		Refused(String key, Object... args) {
			super(key, null, false, false);
			this.reason = new TableFile.Unreadable(key, null, args);
		}

	}

	/** POI's sheet handler, with the text of one cell (and any text between tags) no longer than a cell may be. */
	private static final class BoundedSheetHandler extends XSSFSheetXMLHandler {

		private boolean inCell;

		private @Nullable String cell;

		private long run;

		BoundedSheetHandler(StylesTable styles, SharedStrings strings, Collector collector) {
			super(styles, null, strings, collector, new IsoDates(), false);
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
			if ("c".equals(localName)) {
				inCell = true;
				cell = attributes.getValue("r");
				run = 0;
			}
			else if (!inCell) {
				run = 0;
			}
			super.startElement(uri, localName, qName, attributes);
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			super.endElement(uri, localName, qName);
			if ("c".equals(localName)) {
				inCell = false;
			}
			if (!inCell) {
				run = 0;
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			run += length;
			if (run > TableFile.Limits.MAX_CELL_CHARACTERS) {
				throw new Refused("platform.file.cellTooLong", shorten(cell == null ? "?" : cell),
						TableFile.Limits.MAX_CELL_CHARACTERS);
			}
			super.characters(ch, start, length);
		}

	}

	/**
	 * Date and time cells as ISO text, whatever format displays them: {@code 2022-01-05 09:30:00}, a date alone as
	 * {@code 2022-01-05}, a time alone as {@code 09:30:00}. POI writes a date in its display format, and Excel's
	 * built-in date formats read as US dates ({@code 1/5/22 9:30}), which nobody here would write or could read back.
	 */
	static final class IsoDates extends DataFormatter {

		private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

		private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
			if (!DateUtil.isADateFormat(formatIndex, formatString) || !DateUtil.isValidExcelDate(value)) {
				return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
			}
			LocalDateTime time = DateUtil.getLocalDateTime(value, use1904Windowing, true);
			if (value < 1) {
				return time.format(TIME);
			}
			if (time.toLocalTime().equals(LocalTime.MIDNIGHT)) {
				return time.toLocalDate().toString();
			}
			return time.format(DATE_TIME);
		}

	}

	/** Collects the cells of the streamed sheet, filling the gaps left by empty cells, within the limits. */
	static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final TableFile.Limits limits;

		@Nullable List<String> headers;

		final List<TableFile.Row> rows = new ArrayList<>();

		private List<String> current = new ArrayList<>();

		private int row;

		private int cellsInRow;

		private long cells;

		private long characters;

		Collector(TableFile.Limits limits) {
			this.limits = limits;
		}

		@Override
		public void startRow(int rowNum) {
			row = rowNum + 1;
			current = new ArrayList<>();
			cellsInRow = 0;
			if (rows.size() >= limits.maxRows()) {
				throw new Refused("platform.file.tooManyRows", limits.maxRows(), row);
			}
		}

		@Override
		public void endRow(int rowNum) {
			if (headers == null) {
				if (current.stream().anyMatch(c -> !c.isBlank())) {
					headers = current;
				}
				return;
			}
			rows.add(new TableFile.Row(row, current));
		}

		@Override
		public void cell(@Nullable String reference, @Nullable String formattedValue, @Nullable XSSFComment comment) {
			if (++cellsInRow > limits.maxColumns()) {
				throw new Refused("platform.file.tooManyColumns", row, limits.maxColumns());
			}
			int column = reference == null ? current.size() : columnOf(reference);
			String value = formattedValue == null ? "" : TableFile.restore(formattedValue);
			characters += value.length();
			if (characters > limits.maxCharacters()) {
				throw new Refused("platform.file.tooManyCharacters", limits.maxCharacters());
			}
			if (column < current.size()) {
				current.set(column, value);
				return;
			}
			cells += column + 1 - current.size();
			if (cells > limits.maxCells()) {
				throw new Refused("platform.file.tooManyCells", limits.maxCells(), row);
			}
			while (current.size() < column) {
				current.add("");
			}
			current.add(value);
		}

		/** The 0-based column of a reference like {@code AB12}, refused as soon as it lies past the last column. */
		private int columnOf(String reference) {
			int column = 0;
			for (int i = 0; i < reference.length(); i++) {
				char c = Character.toUpperCase(reference.charAt(i));
				if (c < 'A' || c > 'Z') {
					break;
				}
				column = column * 26 + (c - 'A' + 1);
				if (column > limits.maxColumns()) {
					throw new Refused("platform.file.columnTooFar", shorten(reference), limits.maxColumns());
				}
			}
			return Math.max(0, column - 1);
		}

	}

	static String shorten(String reference) {
		return reference.length() <= 16 ? reference : reference.substring(0, 16) + "…";
	}

}
