package org.gridguard.gathering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The refused rows of an event's latest attendee import given back as a corrections file (the rows as uploaded, with
 * the reasons in an added column, no cell running as a formula), read from the uploaded file kept encrypted until the
 * upload retention has passed.
 */
@Service
@Transactional
public class AttendeeCorrections {

	private final JdbcClient jdbc;

	private final GatheringQueries queries;

	private final PersonalDataCipher cipher;

	private final UploadSettings uploads;

	private final GatheringProperties properties;

	private final Messages messages;

	private final Clock clock;

	AttendeeCorrections(JdbcClient jdbc, GatheringQueries queries, PersonalDataCipher cipher, UploadSettings uploads,
			GatheringProperties properties, Messages messages, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.cipher = cipher;
		this.uploads = uploads;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock;
	}

	/** What a corrections file holds: the file and how many refused rows (persons) it names. */
	public record Corrections(byte[] content, int rows) {
	}

	/**
	 * The corrections file of the event's latest import, for those who may change the event's list.
	 * @throws NotFound when the reader may not change the list or nothing was imported
	 * @throws InvalidInput naming {@code file} when the uploaded file has been deleted (retention)
	 */
	@Transactional(readOnly = true)
	public Corrections of(long eventId, Jurisdiction who, TableWriter.Format format) {
		Gathering event = queries.get(eventId, who);
		if (!Filings.mayChange(event, who)) {
			throw new NotFound("event " + eventId);
		}
		record Stored(long id, String filename, byte @Nullable [] content) {
		}
		Stored stored = jdbc.sql("""
				SELECT id, filename, content FROM gathering_attendee_import
				WHERE event_id = ? ORDER BY id DESC LIMIT 1""")
			.param(eventId)
			.query((rs, i) -> new Stored(rs.getLong(1), rs.getString(2), rs.getBytes(3)))
			.optional()
			.orElseThrow(() -> new NotFound("attendee import of event " + eventId));
		byte[] sealed = stored.content();
		if (sealed == null) {
			throw InvalidInput.of("file", messages.get("gathering.attendees.corrections.deleted"));
		}
		Map<Integer, String> problems = new TreeMap<>();
		jdbc.sql("SELECT row_no, message FROM gathering_attendee_rejection WHERE import_id = ? ORDER BY row_no, field")
			.param(stored.id())
			.query((rs, i) -> problems.merge(rs.getInt(1), rs.getString(2), (a, b) -> a + "；" + b))
			.list();
		try {
			TableFile file = TableFile.read(stored.filename(), cipher.decryptBytes(sealed),
					uploads.limits().withMaxRows(properties.maxAttendees()));
			return new Corrections(
					CorrectionFile.of(file, problems, messages.get("gathering.attendees.errorColumn"), format),
					problems.size());
		}
		catch (TableFile.Unreadable ex) {
			throw InvalidInput.of("file", ex.describe(messages));
		}
	}

	/** Keeps an import's uploaded file, encrypted, for its corrections file. */
	void keep(long importId, byte[] content) {
		jdbc.sql("UPDATE gathering_attendee_import SET content = ? WHERE id = ?")
			.params(cipher.encryptBytes(content), importId)
			.update();
	}

	/**
	 * Deletes the attendee files uploaded longer than the retention period ago; the imports and refused rows stay.
	 * @return how many files were deleted
	 */
	@Scheduled(fixedDelayString = "${gridguard.uploads.purge-interval:1h}",
			initialDelayString = "${gridguard.uploads.purge-delay:1m}")
	public int purge() {
		Instant now = clock.instant();
		return jdbc.sql("""
				UPDATE gathering_attendee_import SET content = NULL, content_deleted_at = ?
				WHERE content IS NOT NULL AND imported_at < ?""")
			.params(Timestamp.from(now), Timestamp.from(now.minus(uploads.retention())))
			.update();
	}

}
