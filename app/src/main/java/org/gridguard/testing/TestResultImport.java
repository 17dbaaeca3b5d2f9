package org.gridguard.testing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.gridguard.platform.StoredText;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.ControlCharacters;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.Notification;
import org.gridguard.platform.Notifications;
import org.gridguard.platform.TableFile;
import org.gridguard.platform.UploadSettings;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a lab's file of test results the way push lists are imported: the upload is stored (encrypted:
 * {@link TestResultFiles}) before it is acknowledged, then read in the background in batches of
 * {@value TestingManagement#MAX_BATCH} rows, each its own transaction, so that the page shows progress and a large file
 * never holds up a request. Every row is accepted or refused on its own, with the row number, field and reason. A file
 * left RUNNING by a stop is imported again at the next start (recording a result twice stores it once), up to
 * {@code gridguard.uploads.max-attempts} starts. Files are read within {@link UploadSettings#limits()}.
 */
@Service
public class TestResultImport implements ApplicationRunner, DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(TestResultImport.class);

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate tx;

	private final TestingManagement testing;

	private final TestResultFiles files;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Messages messages;

	private final UploadSettings uploads;

	private final Clock clock;

	/** Files are imported one at a time, beside the requests of the people at work. (Not a bean, like push lists'.) */
	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "test-result-import");
		thread.setDaemon(true);
		return thread;
	});

	TestResultImport(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, TestingManagement testing,
			TestResultFiles files, Notifications notifications, AuditLog audit, Messages messages, UploadSettings uploads,
			Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.tx = tx;
		this.testing = testing;
		this.files = files;
		this.notifications = notifications;
		this.audit = audit;
		this.messages = messages;
		this.uploads = uploads;
		this.clock = clock;
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}

	/**
	 * Stores an uploaded file and starts its import once the upload is committed.
	 * @return the import's id, to follow its progress
	 * @throws InvalidInput naming {@code file} for an empty file, a name with control characters or another type than
	 * CSV or XLSX
	 */
	public long upload(@Nullable String filename, byte[] content, Jurisdiction who) {
		String name = filename == null || filename.isBlank() ? "upload.csv" : filename;
		String lower = name.toLowerCase();
		var problems = new ArrayList<FieldProblem>();
		if (content.length == 0) {
			problems.add(messages.problem("file", "testing.import.emptyFile"));
		}
		else if (ControlCharacters.find(name) >= 0) {
			problems.add(messages.problem("file", "control.push.fileName"));
		}
		else if (!lower.endsWith(".csv") && !lower.endsWith(".xlsx") && !lower.endsWith(".txt")) {
			problems.add(messages.problem("file", "control.push.fileType"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Long id = tx.execute(status -> {
			long uploadId = files.store(name, content, who.username());
			audit.record("TEST_RESULT_FILE_UPLOAD", "testing_upload", String.valueOf(uploadId), name);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					start(uploadId, who.username());
				}
			});
			return uploadId;
		});
		return id;
	}

	/**
	 * Imports left RUNNING by a stop are imported again, in upload order; one started
	 * {@code gridguard.uploads.max-attempts} times already is marked FAILED with the reason instead.
	 */
	@Override
	public void run(ApplicationArguments args) {
		int max = Math.max(1, uploads.maxAttempts());
		jdbc.sql("""
				UPDATE testing_upload SET state = 'FAILED', failure = ?, finished_at = ?
				WHERE state = 'RUNNING' AND attempts >= ? RETURNING id""")
			.params(messages.get("control.push.abandoned", max), Timestamp.from(clock.instant()), max)
			.query(Long.class)
			.list()
			.forEach(id -> LOG.warn("Test-result file {} was started {} times without finishing: marked FAILED", id, max));
		jdbc.sql("SELECT id, uploaded_by FROM testing_upload WHERE state = 'RUNNING' ORDER BY id")
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.list()
			.forEach(row -> start((Long) row[0], (String) row[1]));
	}

	private void start(long id, String actor) {
		var locale = LocaleContextHolder.getLocale();
		executor.execute(() -> {
			LocaleContextHolder.setLocale(locale);
			try {
				process(id, actor);
			}
			catch (RuntimeException | StackOverflowError ex) {
				LOG.error("Import of test-result file {} failed", id, ex);
				fail(id, messages.get("control.push.failed", ex.getMessage()));
			}
			catch (OutOfMemoryError ex) {
				LOG.error("Import of test-result file {} ran out of memory", id, ex);
				fail(id, messages.get("control.push.outOfMemory"));
			}
			finally {
				LocaleContextHolder.resetLocaleContext();
			}
		});
	}

	/** Imports a stored file, batch by batch. */
	void process(long id, String actor) {
		// each start counts before anything can fail: a file that takes the server down is given up after a few
		boolean running = jdbc.sql("UPDATE testing_upload SET attempts = attempts + 1 WHERE id = ? AND state = 'RUNNING'")
			.param(id)
			.update() == 1;
		if (!running) {
			return;
		}
		TestResultUpload upload = files.get(id);
		byte[] content = files.content(id);
		if (content == null) {
			fail(id, messages.get("control.push.fileDeleted"));
			return;
		}
		TableFile table;
		try {
			table = TableFile.read(upload.filename(), content, uploads.limits());
		}
		catch (TableFile.Unreadable ex) {
			fail(id, messages.get("control.push.unreadable", ex.describe(messages)));
			return;
		}
		Map<String, Integer> columns = table.columns(TestResultRows.COLUMNS);
		List<String> missing = TestResultRows.missing(columns);
		if (!missing.isEmpty()) {
			fail(id, messages.get("control.push.missingColumns", String.join("、", missing),
					String.join(", ", table.headers())));
			return;
		}
		List<TableFile.Row> rows = table.rows().stream().filter(r -> !r.blank()).toList();
		tx.executeWithoutResult(status -> {
			jdbc.sql("DELETE FROM testing_upload_rejection WHERE upload_id = ?").param(id).update();
			jdbc.sql("""
					UPDATE testing_upload SET total = ?, processed = 0, accepted = 0, rejected = 0, encoding_note = ?
					WHERE id = ?""")
				.params(rows.size(), table.encodingNote(), id)
				.update();
		});
		for (int from = 0; from < rows.size(); from += TestingManagement.MAX_BATCH) {
			List<TableFile.Row> batch = rows.subList(from, Math.min(rows.size(), from + TestingManagement.MAX_BATCH));
			tx.executeWithoutResult(status -> record(id, batch, columns, actor));
		}
		tx.executeWithoutResult(status -> finish(id, upload.filename(), actor));
	}

	private void record(long id, List<TableFile.Row> batch, Map<String, Integer> columns, String actor) {
		BatchOutcome outcome = testing.record(TestResultRows.inputs(batch, columns, clock.getZone()), "file:" + actor, true);
		template.batchUpdate("INSERT INTO testing_upload_rejection (upload_id, row_no, field, message) VALUES (?, ?, ?, ?)",
				outcome.rejected().stream().map(r -> new Object[] { id, r.index(), r.field(), r.message() }).toList());
		var refusedRows = new HashSet<Integer>();
		outcome.rejected().forEach(r -> refusedRows.add(r.index()));
		jdbc.sql("""
				UPDATE testing_upload SET processed = processed + ?, accepted = accepted + ?, rejected = rejected + ?
				WHERE id = ?""")
			.params(batch.size(), outcome.accepted(), refusedRows.size(), id)
			.update();
	}

	private void finish(long id, String filename, String actor) {
		jdbc.sql("UPDATE testing_upload SET state = 'DONE', finished_at = ? WHERE id = ?")
			.params(Timestamp.from(clock.instant()), id)
			.update();
		TestResultUpload done = files.get(id);
		if (done.rejected() == 0) {
			files.forget(id);
		}
		audit.recordAs(actor, "TEST_RESULT_FILE_DONE", "testing_upload", String.valueOf(id),
				done.accepted() + " accepted, " + done.rejected() + " rejected");
		notifications.send(new Notifications.Draft(Region.CITY_CODE, null, actor, Notification.Severity.INFO,
				StoredText.of("testing.import.done", filename, done.accepted(), done.rejected()), null,
				"/testing/imports/" + id, "testing", "testing:import-done:" + id, List.of()));
	}

	private void fail(long id, String reason) {
		tx.executeWithoutResult(status -> jdbc.sql(
				"UPDATE testing_upload SET state = 'FAILED', failure = ?, finished_at = ? WHERE id = ?")
			.params(reason, Timestamp.from(clock.instant()), id)
			.update());
	}

}
