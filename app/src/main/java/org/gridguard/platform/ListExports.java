package org.gridguard.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a list's export ({@code GET <list>/export?format=csv|xlsx}) onto the response as the database yields its
 * rows: the header row goes out at once, then the rows of one query read through a cursor ({@value #FETCH} rows per
 * round trip, inside a read-only transaction, which is what makes PostgreSQL stream), turned into cells
 * {@value #CHUNK} at a time and flushed to the reader after each chunk. No more than a chunk is ever held in memory,
 * so a million rows cost what a thousand do. Every export is audited ({@value #ACTION}: the list, the filters, the
 * format and how many rows went out, also when the reader broke off); an export of person records first needs the
 * reader's budget of person records like any read, and then counts what it served against it.
 */
@Service
public class ListExports {

	/** The audit action of an export; the detail starts with "{@code <n> rows}". */
	public static final String ACTION = "EXPORT";

	static final int FETCH = 1000;

	static final int CHUNK = 500;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final JdbcClient cursor;

	private final TransactionTemplate readOnly;

	private final Messages messages;

	private final AuditLog audit;

	private final PersonalDataReads reads;

	private final Clock clock;

	ListExports(DataSource dataSource, PlatformTransactionManager transactions, Messages messages, AuditLog audit,
			PersonalDataReads reads, Clock clock) {
		var template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH);
		this.cursor = JdbcClient.create(template);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.messages = messages;
		this.audit = audit;
		this.reads = reads;
		this.clock = clock;
	}

	/**
	 * Sends the export as a file download.
	 * @param format {@code csv} or {@code xlsx}
	 * @throws InvalidInput naming {@code format} when it is neither, before anything is sent
	 * @throws TooManyPersonReads when the reader's budget of person records is spent, before anything is sent
	 */
	public <T> void send(ListExport<T> export, @Nullable String format, HttpServletResponse response) {
		TableWriter.Format chosen = TableWriter.Format.of(format);
		if (chosen == null) {
			throw InvalidInput.of("format", messages.get("platform.export.format"));
		}
		if (export.personal()) {
			reads.exportStarts();
		}
		List<String> header = export.headers().stream().map(messages::get).toList();
		response.setContentType(chosen.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(export.list() + "-" + DAY.format(clock.instant().atZone(clock.getZone())) + "." + chosen.extension(),
					StandardCharsets.UTF_8)
			.build()
			.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		long[] rows = { 0 };
		boolean complete = false;
		try {
			// not closed on failure: a file cut short must not end like a whole one (an XLSX would open as complete)
			TableWriter writer = TableWriter.open(chosen, outputOf(response));
			writer.row(header);
			writer.flush();
			readOnly.executeWithoutResult(status -> stream(export, writer, rows));
			writer.close();
			complete = true;
		}
		finally {
			audit.record(ACTION, export.list(), export.subjectId(), rows[0] + " rows · " + chosen.name()
					+ (export.filters().isEmpty() ? "" : " · " + export.filterText()) + (complete ? "" : " · broken off"));
			if (export.personal()) {
				reads.exported(rows[0]);
			}
		}
	}

	private <T> void stream(ListExport<T> export, TableWriter writer, long[] rows) {
		var chunk = new ArrayList<T>(CHUNK);
		int[] index = { 0 };
		cursor.sql(export.query().sql()).params(export.query().params()).query(rs -> {
			chunk.add(export.query().rows().mapRow(rs, index[0]++));
			if (chunk.size() == CHUNK) {
				rows[0] += write(export, chunk, writer);
				chunk.clear();
			}
		});
		rows[0] += write(export, chunk, writer);
	}

	private <T> int write(ListExport<T> export, List<T> chunk, TableWriter writer) {
		if (chunk.isEmpty()) {
			return 0;
		}
		for (List<?> row : export.cells().apply(chunk)) {
			var cells = new ArrayList<Object>(row.size());
			for (Object cell : row) {
				cells.add(cell(cell));
			}
			writer.row(cells);
		}
		writer.flush();
		return chunk.size();
	}

	/** Times in the city's zone to the second, days as ISO dates; numbers stay numbers. */
	private @Nullable Object cell(@Nullable Object value) {
		if (value instanceof Instant instant) {
			return TIME.format(instant.atZone(clock.getZone()));
		}
		if (value instanceof LocalDate day) {
			return day.toString();
		}
		return value;
	}

	private static java.io.OutputStream outputOf(HttpServletResponse response) {
		try {
			return response.getOutputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
