package org.gridguard.control;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.gridguard.platform.PersonalDataCipher;
import org.gridguard.platform.UploadSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The uploaded files of push lists. They hold personal data, so they are stored encrypted with the personal-data key
 * (AES-GCM, as identity numbers are) and deleted {@code gridguard.uploads.retention} after the upload (default 28
 * days); until then the import and the correction file read them back. The list itself, its counts and its
 * rejections stay. A job deletes what is due and encrypts any file stored before files were encrypted.
 */
@Component
class PushListFiles {

	private static final Logger LOG = LoggerFactory.getLogger(PushListFiles.class);

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final UploadSettings uploads;

	private final Clock clock;

	PushListFiles(JdbcClient jdbc, PersonalDataCipher cipher, UploadSettings uploads, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.uploads = uploads;
		this.clock = clock;
	}

	/** The stored form of an uploaded file (kept with {@code content_encrypted = true}). */
	byte[] seal(byte[] content) {
		return cipher.encryptBytes(content);
	}

	/** The file of a list as it was uploaded, or null once it was deleted. */
	byte @Nullable [] content(long listId) {
		List<byte[]> found = jdbc.sql("""
				SELECT content, content_encrypted FROM control_push_list WHERE id = ? AND content IS NOT NULL""")
			.param(listId)
			.query((rs, i) -> rs.getBoolean(2) ? cipher.decryptBytes(rs.getBytes(1)) : rs.getBytes(1))
			.list();
		return found.isEmpty() ? null : found.get(0);
	}

	/** Whether the file of a list is still kept, and until when (or since when it is deleted). */
	PushListImport.StoredFile stored(PushList list) {
		Instant deleted = jdbc.sql("SELECT content_deleted_at FROM control_push_list WHERE id = ?")
			.param(list.id())
			.query((rs, i) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
			.optional()
			.orElse(null);
		return deleted != null ? new PushListImport.StoredFile(false, deleted)
				: new PushListImport.StoredFile(true, list.uploadedAt().plus(uploads.retention()));
	}

	@Scheduled(fixedDelayString = "${gridguard.uploads.purge-interval:1h}",
			initialDelayString = "${gridguard.uploads.purge-delay:1m}")
	void scheduled() {
		purge();
		sealStored();
	}

	/**
	 * Deletes the files uploaded longer than the retention period ago (of lists no longer being imported).
	 * @return how many files were deleted
	 */
	int purge() {
		Instant now = clock.instant();
		Instant cutoff = now.minus(uploads.retention());
		int deleted = jdbc.sql("""
				UPDATE control_push_list SET content = NULL, content_deleted_at = ?
				WHERE content IS NOT NULL AND state <> 'RUNNING' AND uploaded_at < ?""")
			.params(Timestamp.from(now), Timestamp.from(cutoff))
			.update();
		if (deleted > 0) {
			LOG.info("Deleted the uploaded files of {} push lists uploaded before {} (retention {})", deleted, cutoff,
					uploads.retention());
		}
		return deleted;
	}

	/**
	 * Encrypts the files stored in the clear (before files were encrypted, or by the demo data), one at a time.
	 * @return how many files were encrypted
	 */
	int sealStored() {
		List<Long> clear = jdbc.sql("SELECT id FROM control_push_list WHERE content IS NOT NULL AND NOT content_encrypted")
			.query(Long.class)
			.list();
		int sealed = 0;
		for (long id : clear) {
			byte[] content = content(id);
			if (content != null) {
				sealed += jdbc.sql("""
						UPDATE control_push_list SET content = ?, content_encrypted = true
						WHERE id = ? AND content IS NOT NULL AND NOT content_encrypted""")
					.params(seal(content), id)
					.update();
			}
		}
		if (sealed > 0) {
			LOG.info("Encrypted the stored files of {} push lists", sealed);
		}
		return sealed;
	}

}
