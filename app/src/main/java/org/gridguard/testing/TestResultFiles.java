package org.gridguard.testing;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files of test results whose import refused rows, kept so that the uploader can download the refused rows as a
 * correction file (CSV or XLSX, with the reasons) to fix and import again. A file holds identity numbers: it is
 * stored encrypted with the personal-data key and deleted, with its rejections, {@code gridguard.uploads.retention}
 * after the upload (default 28 days). A file whose rows were all accepted is not kept.
 */
@Service
@Transactional
public class TestResultFiles {

	private static final Logger LOG = LoggerFactory.getLogger(TestResultFiles.class);

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final PersonalDataCipher cipher;

	private final UploadSettings uploads;

	private final Messages messages;

	private final Clock clock;

	TestResultFiles(JdbcClient jdbc, JdbcTemplate template, PersonalDataCipher cipher, UploadSettings uploads,
			Messages messages, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.cipher = cipher;
		this.uploads = uploads;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Keeps a file and the rows its import refused (by row number, as {@link BatchOutcome.Rejection#index()}).
	 * @return the id of its correction file
	 */
	public long keep(String filename, byte[] content, List<BatchOutcome.Rejection> rejections, String uploadedBy) {
		long id = jdbc.sql("""
				INSERT INTO testing_upload (filename, content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?) RETURNING id""")
			.params(filename.length() <= 200 ? filename : filename.substring(0, 200), cipher.encryptBytes(content),
					uploadedBy, Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		template.batchUpdate("INSERT INTO testing_upload_rejection (upload_id, row_no, field, message) VALUES (?, ?, ?, ?)",
				rejections.stream().map(r -> new Object[] { id, r.index(), r.field(), r.message() }).toList());
		return id;
	}

	/**
	 * The refused rows of a kept file with an error column, for the user who uploaded it.
	 * @throws NotFound for anyone else, and once the file is deleted
	 */
	@Transactional(readOnly = true)
	public byte[] correctionFile(long id, String username, TableWriter.Format format) {
		var upload = jdbc.sql("SELECT filename, content FROM testing_upload WHERE id = ? AND uploaded_by = ?")
			.params(id, username)
			.query((rs, i) -> new Object[] { rs.getString(1), cipher.decryptBytes(rs.getBytes(2)) })
			.optional()
			.orElseThrow(() -> new NotFound("test result file " + id));
		Map<Integer, String> problems = new TreeMap<>();
		jdbc.sql("SELECT row_no, field, message FROM testing_upload_rejection WHERE upload_id = ? ORDER BY row_no")
			.param(id)
			.query((rs, i) -> new BatchOutcome.Rejection(rs.getInt(1), rs.getString(2), rs.getString(3)))
			.list()
			.forEach(r -> problems.merge(r.index(), (r.field() == null ? "" : r.field() + ": ") + r.message(),
					(a, b) -> a + "；" + b));
		try {
			TableFile file = TableFile.read((String) upload[0], (byte[]) upload[1], uploads.limits());
			return CorrectionFile.of(file, problems, messages.get("testing.import.errorColumn"), format);
		}
		catch (TableFile.Unreadable ex) {
			throw InvalidInput.of("file", ex.describe(messages));
		}
	}

	/** Deletes the files (and their rejections) uploaded longer than the retention period ago. */
	@Scheduled(fixedDelayString = "${gridguard.uploads.purge-interval:1h}",
			initialDelayString = "${gridguard.uploads.purge-delay:1m}")
	public int purge() {
		Instant cutoff = clock.instant().minus(uploads.retention());
		int deleted = jdbc.sql("DELETE FROM testing_upload WHERE uploaded_at < ?").param(Timestamp.from(cutoff)).update();
		if (deleted > 0) {
			LOG.info("Deleted {} test-result files uploaded before {} (retention {})", deleted, cutoff, uploads.retention());
		}
		return deleted;
	}

}
