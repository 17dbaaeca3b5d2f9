package org.gridguard.platform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The parts of an XLSX package that {@link XlsxSheet} reads besides the sheet, each within bounds: the package's
 * entries capped in uncompressed size, and the shared strings streamed into a bounded table.
 */
final class XlsxParts {

	/** Uncompressed bytes of the sheet or the shared strings: they are streamed, so this only bounds the work. */
	static final long MAX_STREAMED_PART_BYTES = 2L * 1024 * 1024 * 1024;

	/** Uncompressed bytes of any other part: these are read into object models. */
	static final long MAX_MODEL_PART_BYTES = 16L * 1024 * 1024;

	private XlsxParts() {
	}

	/** The package's parts, read from the uploaded bytes on demand, each capped in uncompressed size. */
	static final class CappedEntries extends ZipFileZipEntrySource {

		CappedEntries(ZipFile zip) {
			super(zip);
		}

		@Override
		public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
			String name = entry.getName().toLowerCase(Locale.ROOT);
			boolean streamed = name.startsWith("xl/worksheets/") || name.endsWith("sharedstrings.xml");
			return new Capped(super.getInputStream(entry), streamed ? MAX_STREAMED_PART_BYTES : MAX_MODEL_PART_BYTES,
					entry.getName());
		}

	}

	private static final class Capped extends FilterInputStream {

		private final long max;

		private final String part;

		private long read;

		Capped(InputStream in, long max, String part) {
			super(in);
			this.max = max;
			this.part = part;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			count(skipped);
			return skipped;
		}

		private void count(long n) {
			read += n;
			if (read > max) {
				throw new XlsxSheet.Refused("platform.file.partTooLarge", part, max / (1024 * 1024));
			}
		}

	}

	/**
	 * The workbook's shared strings, read by streaming and bounded: no list sized from the declared count, at most
	 * as many strings as cells are allowed, at most the allowed characters, no string longer than a cell may be.
	 * Phonetic runs ({@code rPh}) are left out, as spreadsheet programs show them.
	 */
	static final class SharedStringsTable extends DefaultHandler implements SharedStrings {

		private final TableFile.Limits limits;

		private final List<String> strings = new ArrayList<>();

		private final StringBuilder current = new StringBuilder();

		private boolean inText;

		private boolean inPhonetic;

		private long characters;

		private SharedStringsTable(TableFile.Limits limits) {
			this.limits = limits;
		}

		static SharedStrings of(OPCPackage pkg, TableFile.Limits limits)
				throws IOException, SAXException, ParserConfigurationException {
			var table = new SharedStringsTable(limits);
			List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
			if (!parts.isEmpty()) {
				try (InputStream in = parts.get(0).getInputStream()) {
					XMLReader xml = XMLHelper.newXMLReader();
					xml.setContentHandler(table);
					xml.parse(new InputSource(in));
				}
			}
			return table;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (localName) {
				case "si" -> current.setLength(0);
				case "t" -> inText = true;
				case "rPh" -> inPhonetic = true;
				default -> {
				}
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			switch (localName) {
				case "si" -> {
					if (strings.size() >= limits.maxCells()) {
						throw new XlsxSheet.Refused("platform.file.tooManyStrings", limits.maxCells());
					}
					strings.add(current.toString());
				}
				case "t" -> inText = false;
				case "rPh" -> inPhonetic = false;
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (!inText || inPhonetic) {
				return;
			}
			characters += length;
			if (characters > limits.maxCharacters()) {
				throw new XlsxSheet.Refused("platform.file.tooManyCharacters", limits.maxCharacters());
			}
			if (current.length() + length > TableFile.Limits.MAX_CELL_CHARACTERS) {
				throw new XlsxSheet.Refused("platform.file.stringTooLong", strings.size() + 1, TableFile.Limits.MAX_CELL_CHARACTERS);
			}
			current.append(ch, start, length);
		}

		@Override
		public RichTextString getItemAt(int idx) {
			// a rich text so that the sheet handler decodes _xHHHH_ escapes as it does for any workbook
			return new XSSFRichTextString(strings.get(idx));
		}

		@Override
		public int getCount() {
			return strings.size();
		}

		@Override
		public int getUniqueCount() {
			return strings.size();
		}

	}

}
