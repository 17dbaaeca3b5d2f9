package org.gridguard.platform;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * Writes every CSV or XLSX file GridGuard produces (correction files, exports), row by row, so that a file of any
 * length streams. Text that a spreadsheet program would run as a formula ({@code =}, {@code +}, {@code -}, {@code @},
 * tab or CR first) gets an apostrophe in front, which the program shows as text and {@link TableFile} removes when
 * the file comes back; control characters other than tab, CR and LF become U+FFFD, so that the reader sees where a
 * refused character was. Numbers are written as numbers (never neutralised).
 * <p>
 * CSV is UTF-8 with a byte-order mark (so that Excel reads Chinese correctly). XLSX goes onto the stream row by row
 * ({@link XlsxStream}): nothing is buffered in memory or in temporary files, so personal data never lies on disk and a
 * download starts with its first row; past Excel's last row a further sheet continues with the header row repeated.
 * The first row written is the header. {@link #flush()} pushes what has been written so far to the reader.
 */
public final class TableWriter implements Closeable {

	/** The formats a file can be written in. */
	public enum Format {

		CSV("csv", "text/csv;charset=UTF-8"),

		XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

		private final String extension;

		private final String contentType;

		Format(String extension, String contentType) {
			this.extension = extension;
			this.contentType = contentType;
		}

		public String extension() {
			return extension;
		}

		public String contentType() {
			return contentType;
		}

		/** {@code csv} or {@code xlsx}, any case; null for anything else. */
		public static @Nullable Format of(@Nullable String name) {
			if (name == null) {
				return null;
			}
			for (Format f : values()) {
				if (f.extension.equals(name.strip().toLowerCase(Locale.ROOT))) {
					return f;
				}
			}
			return null;
		}

	}

	private final OutputStream out;

	private final @Nullable CSVPrinter csv;

	private final @Nullable XlsxStream xlsx;

	private @Nullable List<Object> header;

	private TableWriter(OutputStream out, @Nullable CSVPrinter csv, @Nullable XlsxStream xlsx) {
		this.out = out;
		this.csv = csv;
		this.xlsx = xlsx;
	}

	/** Starts a file on {@code out}; {@link #close()} finishes it (and leaves {@code out} open). */
	public static TableWriter open(Format format, OutputStream out) {
		try {
			if (format == Format.CSV) {
				out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
				var writer = new OutputStreamWriter(new NotClosing(out), StandardCharsets.UTF_8);
				return new TableWriter(out, new CSVPrinter(writer, CSVFormat.DEFAULT), null);
			}
			return new TableWriter(out, null, new XlsxStream(new NotClosing(out)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes one row: {@code null} is an empty cell, a {@link Number} a number, anything else its text. */
	public void row(List<?> cells) {
		boolean first = header == null;
		if (first) {
			header = new ArrayList<>(cells);
		}
		try {
			if (csv != null) {
				var values = new ArrayList<Object>(cells.size());
				for (Object cell : cells) {
					values.add(cell instanceof Number ? cell : text(cell));
				}
				csv.printRecord(values);
				return;
			}
			xlsxRow(cells, first);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void xlsxRow(List<?> cells, boolean first) throws IOException {
		if (xlsx.sheetFull()) {
			boolean continued = !first;
			xlsx.newSheet();
			if (continued) {
				xlsx.row(texts(header), true);
			}
		}
		xlsx.row(texts(cells), first);
	}

	private static List<Object> texts(List<?> cells) {
		var values = new ArrayList<Object>(cells.size());
		for (Object cell : cells) {
			values.add(cell == null || cell instanceof Number ? cell : text(cell));
		}
		return values;
	}

	/** Sends the rows written so far on to the reader, as far as the format allows (XLSX is compressed in blocks). */
	public void flush() {
		try {
			if (csv != null) {
				csv.flush();
			}
			else {
				xlsx.flush();
			}
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			if (csv != null) {
				csv.close(true);
			}
			else {
				xlsx.finish();
			}
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(@Nullable Object value) {
		return value == null ? "" : neutralise(value.toString());
	}

	/**
	 * A cell's text made safe to open: control characters other than tab, CR and LF become U+FFFD, and text that a
	 * spreadsheet would run as a formula gets a leading apostrophe.
	 */
	public static String neutralise(String text) {
		String clean = text;
		if (ControlCharacters.find(text) >= 0) {
			var b = new StringBuilder(text);
			for (int i = 0; i < b.length(); i++) {
				if (ControlCharacters.refused(b.charAt(i))) {
					b.setCharAt(i, '\uFFFD');
				}
			}
			clean = b.toString();
		}
		return TableFile.startsLikeFormula(clean) ? "'" + clean : clean;
	}

	/** Keeps the caller's stream open when the CSV printer or the workbook closes theirs. */
	private static final class NotClosing extends java.io.FilterOutputStream {

		NotClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
