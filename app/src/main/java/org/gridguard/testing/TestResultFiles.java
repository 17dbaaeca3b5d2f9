package org.gridguard.testing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gridguard.platform.CorrectionFile;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.PersonalDataCipher;
import org.gridguard.platform.TableFile;
import org.gridguard.platform.TableWriter;
import org.gridguard.platform.UploadSettings;
import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files of test results and their imports (the history): who uploaded which file when, how its import went, and its
 * refused rows, which the uploader downloads as a correction file (CSV or XLSX, with the reasons) to fix and import
 * again. A file holds identity numbers: it is stored encrypted with the personal-data key and deleted
 * {@code gridguard.uploads.retention} after the upload (default 28 days), or as soon as its import refused no row;
 * the history and the refused rows stay. City-wide roles see every import, others their own.
 */
@Service
@Transactional
public class TestResultFiles {

	private static final Logger LOG = LoggerFactory.getLogger(TestResultFiles.class);

	/** Everything of an import but its file. */
	private static final String UPLOAD = """
			SELECT id, filename, state, total, processed, accepted, rejected, failure, encoding_note, uploaded_by,
				uploaded_at, finished_at, content_deleted_at, content IS NOT NULL AS kept FROM testing_upload""";

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final UploadSettings uploads;

	private final Messages messages;

	private final Clock clock;

	TestResultFiles(JdbcClient jdbc, PersonalDataCipher cipher, UploadSettings uploads, Messages messages, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.uploads = uploads;
		this.messages = messages;
		this.clock = clock;
	}

	/** Stores an uploaded file, encrypted, as an import about to run. */
	long store(String filename, byte[] content, String uploadedBy) {
		return jdbc.sql("""
				INSERT INTO testing_upload (filename, content, uploaded_by, uploaded_at, state)
				VALUES (?, ?, ?, ?, 'RUNNING') RETURNING id""")
			.params(filename.length() <= 200 ? filename : filename.substring(0, 200), cipher.encryptBytes(content),
					uploadedBy, Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	/** The file as it was uploaded, or null once it is deleted. */
	@Transactional(readOnly = true)
	byte @Nullable [] content(long id) {
		List<byte[]> found = jdbc.sql("SELECT content FROM testing_upload WHERE id = ? AND content IS NOT NULL")
			.param(id)
			.query((rs, i) -> cipher.decryptBytes(rs.getBytes(1)))
			.list();
		return found.isEmpty() ? null : found.get(0);
	}

	/** Deletes the file of an import that refused no row: there is nothing to correct. */
	void forget(long id) {
		jdbc.sql("UPDATE testing_upload SET content = NULL, content_deleted_at = ? WHERE id = ? AND content IS NOT NULL")
			.params(Timestamp.from(clock.instant()), id)
			.update();
	}

	@Transactional(readOnly = true)
	TestResultUpload get(long id) {
		return jdbc.sql(UPLOAD + " WHERE id = ?")
			.param(id)
			.query((rs, i) -> row(rs))
			.optional()
			.orElseThrow(() -> new NotFound("test result file " + id));
	}

	/** An import the caller may see: their own, or any for city-wide roles. */
	@Transactional(readOnly = true)
	public TestResultUpload get(long id, Jurisdiction who) {
		TestResultUpload upload = get(id);
		if (!who.isCityWide() && !upload.uploadedBy().equals(who.username())) {
			throw new NotFound("test result file " + id);
		}
		return upload;
	}

	/** The latest imports the caller may see, newest first. */
	@Transactional(readOnly = true)
	public List<TestResultUpload> history(Jurisdiction who, int limit) {
		if (who.isCityWide()) {
			return jdbc.sql(UPLOAD + " ORDER BY id DESC LIMIT ?").param(limit).query((rs, i) -> row(rs)).list();
		}
		return jdbc.sql(UPLOAD + " WHERE uploaded_by = ? ORDER BY id DESC LIMIT ?")
			.params(who.username(), limit)
			.query((rs, i) -> row(rs))
			.list();
	}

	/** The first refused rows of an import, by row number. */
	@Transactional(readOnly = true)
	public List<BatchOutcome.Rejection> rejections(long id, int limit) {
		return jdbc.sql("""
				SELECT row_no, field, message FROM testing_upload_rejection WHERE upload_id = ? ORDER BY row_no, field
				LIMIT ?""")
			.params(id, limit)
			.query((rs, i) -> new BatchOutcome.Rejection(rs.getInt(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * The refused rows of a kept file with an error column, for the user who uploaded it.
	 * @throws NotFound for anyone else, and once the file is deleted
	 */
	@Transactional(readOnly = true)
	public byte[] correctionFile(long id, String username, TableWriter.Format format) {
		var upload = jdbc.sql("""
				SELECT filename, content FROM testing_upload WHERE id = ? AND uploaded_by = ? AND content IS NOT NULL""")
			.params(id, username)
			.query((rs, i) -> new Object[] { rs.getString(1), cipher.decryptBytes(rs.getBytes(2)) })
			.optional()
			.orElseThrow(() -> new NotFound("test result file " + id));
		Map<Integer, String> problems = new TreeMap<>();
		rejections(id, Integer.MAX_VALUE).forEach(r -> problems.merge(r.index(),
				(r.field() == null ? "" : r.field() + ": ") + r.message(), (a, b) -> a + "；" + b));
		try {
			TableFile file = TableFile.read((String) upload[0], (byte[]) upload[1], uploads.limits());
			return CorrectionFile.of(file, problems, messages.get("testing.import.errorColumn"), format);
		}
		catch (TableFile.Unreadable ex) {
			throw InvalidInput.of("file", ex.describe(messages));
		}
	}

	/** Deletes the files uploaded longer than the retention period ago; the imports and their refused rows stay. */
	@Scheduled(fixedDelayString = "${gridguard.uploads.purge-interval:1h}",
			initialDelayString = "${gridguard.uploads.purge-delay:1m}")
	public int purge() {
		Instant now = clock.instant();
		Instant cutoff = now.minus(uploads.retention());
		int deleted = jdbc.sql("""
				UPDATE testing_upload SET content = NULL, content_deleted_at = ?
				WHERE content IS NOT NULL AND state <> 'RUNNING' AND uploaded_at < ?""")
			.params(Timestamp.from(now), Timestamp.from(cutoff))
			.update();
		if (deleted > 0) {
			LOG.info("Deleted {} test-result files uploaded before {} (retention {})", deleted, cutoff, uploads.retention());
		}
		return deleted;
	}

	private TestResultUpload row(ResultSet rs) throws SQLException {
		Instant uploadedAt = rs.getTimestamp("uploaded_at").toInstant();
		Timestamp deletedAt = rs.getTimestamp("content_deleted_at");
		Timestamp finishedAt = rs.getTimestamp("finished_at");
		boolean kept = rs.getBoolean("kept");
		return new TestResultUpload(rs.getLong("id"), rs.getString("filename"),
				TestResultUpload.State.valueOf(rs.getString("state")), rs.getInt("total"), rs.getInt("processed"),
				rs.getInt("accepted"), rs.getInt("rejected"), rs.getString("failure"), rs.getString("encoding_note"),
				rs.getString("uploaded_by"), uploadedAt, finishedAt == null ? null : finishedAt.toInstant(), kept,
				deletedAt != null ? deletedAt.toInstant() : uploadedAt.plus(uploads.retention()));
	}

}
