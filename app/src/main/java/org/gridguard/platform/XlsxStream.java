package org.gridguard.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.SpreadsheetVersion;

/**
 * An XLSX workbook written straight onto a stream as its rows come: the worksheets first, each row as soon as it is
 * given, and the parts that name them (workbook, relationships, content types, styles) last, which a zip file allows
 * because its directory comes at the end. Nothing is kept in memory or on disk beyond the row being written, so a
 * download starts at once and a million rows cost no more memory than one. Text is an inline string, numbers are
 * numbers; the first row of each sheet is bold. Past Excel's last row a further sheet continues.
 */
final class XlsxStream {

	static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

	static final int MAX_CELL_CHARACTERS = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private final ZipOutputStream zip;

	private final Writer xml;

	private int sheets;

	private int rowsInSheet;

	XlsxStream(OutputStream out) {
		this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		this.xml = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
	}

	/** Whether the current sheet is full (or none is open yet). */
	boolean sheetFull() {
		return sheets == 0 || rowsInSheet == MAX_ROWS;
	}

	/** Ends the current sheet, if any, and opens the next. */
	void newSheet() throws IOException {
		endSheet();
		sheets++;
		rowsInSheet = 0;
		zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + sheets + ".xml"));
		xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
				+ "\"><sheetData>");
	}

	/** One row of the open sheet: {@code null} an empty cell, a {@link Number} a number, a string its text as given. */
	void row(List<?> cells, boolean bold) throws IOException {
		int r = ++rowsInSheet;
		xml.write("<row r=\"");
		xml.write(Integer.toString(r));
		xml.write("\">");
		for (int i = 0; i < cells.size(); i++) {
			Object value = cells.get(i);
			if (value == null) {
				continue;
			}
			xml.write("<c r=\"");
			xml.write(column(i));
			xml.write(Integer.toString(r));
			if (value instanceof Number number && finite(number)) {
				xml.write(bold ? "\" s=\"1\"><v>" : "\"><v>");
				xml.write(number.toString());
				xml.write("</v></c>");
			}
			else {
				xml.write(bold ? "\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
						: "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
				escape(value.toString());
				xml.write("</t></is></c>");
			}
		}
		xml.write("</row>");
	}

	/** Flushes what the compressor has let out so far onto the stream. */
	void flush() throws IOException {
		xml.flush();
	}

	/** Writes the parts that name the sheets and finishes the zip file; leaves the underlying stream open. */
	void finish() throws IOException {
		if (sheets == 0) {
			newSheet();
		}
		endSheet();
		var workbook = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"")
			.append(MAIN).append("\" xmlns:r=\"").append(RELATIONSHIPS).append("\"><sheets>");
		var rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
				+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
		var types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
				+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
				+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
				+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
				+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
				+ "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
		for (int s = 1; s <= sheets; s++) {
			workbook.append("<sheet name=\"Sheet").append(s).append("\" sheetId=\"").append(s).append("\" r:id=\"rId")
				.append(s).append("\"/>");
			rels.append("<Relationship Id=\"rId").append(s)
				.append("\" Type=\"").append(RELATIONSHIPS).append("/worksheet\" Target=\"worksheets/sheet").append(s)
				.append(".xml\"/>");
			types.append("<Override PartName=\"/xl/worksheets/sheet").append(s)
				.append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
		}
		workbook.append("</sheets></workbook>");
		rels.append("<Relationship Id=\"rId").append(sheets + 1).append("\" Type=\"").append(RELATIONSHIPS)
			.append("/styles\" Target=\"styles.xml\"/></Relationships>");
		types.append("</Types>");
		part("xl/workbook.xml", workbook.toString());
		part("xl/_rels/workbook.xml.rels", rels.toString());
		part("xl/styles.xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<styleSheet xmlns="%s"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
				<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
				<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
				<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
				<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
				<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
				<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
				</styleSheet>""".formatted(MAIN));
		part("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
				+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
				+ "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS
				+ "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
		part("[Content_Types].xml", types.toString());
		zip.finish();
	}

	private void endSheet() throws IOException {
		if (sheets > 0 && rowsInSheet >= 0) {
			xml.write("</sheetData></worksheet>");
			xml.flush();
			zip.closeEntry();
			rowsInSheet = -1;
		}
	}

	private void part(String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		xml.write(content);
		xml.flush();
		zip.closeEntry();
	}

	/** Column letters of a zero-based index: A … Z, AA … */
	static String column(int index) {
		var letters = new StringBuilder();
		for (int n = index + 1; n > 0; n = (n - 1) / 26) {
			letters.append((char) ('A' + (n - 1) % 26));
		}
		return letters.reverse().toString();
	}

	private static boolean finite(Number number) {
		return !(number instanceof Double d && (d.isNaN() || d.isInfinite()))
				&& !(number instanceof Float f && (f.isNaN() || f.isInfinite()));
	}

	/** Writes text as XML character data, within a cell's length; characters XML cannot hold become U+FFFD. */
	private void escape(String text) throws IOException {
		int end = Math.min(text.length(), MAX_CELL_CHARACTERS);
		if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		for (int i = 0; i < end; i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> xml.write("&amp;");
				case '<' -> xml.write("&lt;");
				case '>' -> xml.write("&gt;");
				// as character references, so that no parser folds a CR into a line feed
				case '\r' -> xml.write("&#xd;");
				case '\n' -> xml.write("&#xa;");
				case '\t' -> xml.write("&#x9;");
				default -> {
					if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
						xml.write(c);
						xml.write(text.charAt(++i));
					}
					else if (c < 0x20 || Character.isSurrogate(c) || c >= 0xFFFE) {
						xml.write('\uFFFD');
					}
					else {
						xml.write(c);
					}
				}
			}
		}
	}

}
