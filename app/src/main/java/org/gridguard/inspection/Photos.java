package org.gridguard.inspection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.PersonalDataCipher;
import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Photos of inspected items and of evidence. A photo is accepted when it is not empty, not larger than
 * {@code gridguard.inspection.photo-max-size}, and its content starts the way a JPEG, PNG or WebP image does
 * (whatever its name or declared type says). The bytes are kept in files under
 * {@code <data-dir>/inspection/photos}, encrypted with the personal-data key (people are in the pictures); the
 * database row describes them. A file written in a transaction that rolls back is deleted again.
 */
@Service
@Transactional
public class Photos {

	/** The image types accepted, by how their content starts. */
	enum Type {

		JPEG("image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
		PNG("image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }),
		WEBP("image/webp", new byte[] { 'R', 'I', 'F', 'F' });

		final String mediaType;

		final byte[] magic;

		Type(String mediaType, byte[] magic) {
			this.mediaType = mediaType;
			this.magic = magic;
		}

		boolean matches(byte[] bytes) {
			if (bytes.length < magic.length || !Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length)) {
				return false;
			}
			// a RIFF container is a WebP image only with "WEBP" at offset 8
			return this != WEBP || bytes.length >= 12 && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B'
					&& bytes[11] == 'P';
		}

	}

	/**
	 * An uploaded photo before the checks.
	 *
	 * @param field the form or API field it came in, named in a refusal
	 * @param itemCode the checklist item it shows, if any
	 * @param size its size as declared by the upload, checked before the content is read
	 */
	public record Upload(String field, @Nullable String itemCode, long size, Supplier<byte[]> content) {
	}

	/** A photo that passed the checks. */
	record Checked(@Nullable String itemCode, Type type, byte[] content) {
	}

	/** A stored photo as pages list it. */
	public record Photo(long id, @Nullable String itemCode, String mediaType, int size) {
	}

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final Messages messages;

	private final InspectionProperties properties;

	private final Clock clock;

	private final Path directory;

	Photos(JdbcClient jdbc, PersonalDataCipher cipher, Messages messages, InspectionProperties properties, Clock clock,
			@Value("${gridguard.data-dir:./data}") String dataDir) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
		this.directory = Path.of(dataDir, "inspection", "photos").toAbsolutePath().normalize();
	}

	/** Checks uploads; every refused one adds a problem naming its field. */
	List<Checked> check(List<Upload> uploads, List<FieldProblem> problems) {
		var checked = new ArrayList<Checked>();
		if (uploads.size() > properties.photosPerUpload()) {
			problems.add(messages.problem("photos", "inspection.photo.tooMany", properties.photosPerUpload()));
			return checked;
		}
		long max = properties.photoMaxSize().toBytes();
		for (Upload upload : uploads) {
			if (upload.size() <= 0) {
				problems.add(messages.problem(upload.field(), "inspection.photo.empty"));
				continue;
			}
			if (upload.size() > max) {
				problems.add(messages.problem(upload.field(), "inspection.photo.tooLarge", max / (1024 * 1024)));
				continue;
			}
			byte[] bytes = upload.content().get();
			if (bytes.length > max) {
				problems.add(messages.problem(upload.field(), "inspection.photo.tooLarge", max / (1024 * 1024)));
				continue;
			}
			Type type = Arrays.stream(Type.values()).filter(t -> t.matches(bytes)).findFirst().orElse(null);
			if (type == null) {
				problems.add(messages.problem(upload.field(), "inspection.photo.type"));
				continue;
			}
			checked.add(new Checked(upload.itemCode(), type, bytes));
		}
		return checked;
	}

	/** Stores checked photos of an inspection or of an order's evidence. */
	void store(List<Checked> photos, @Nullable Long inspectionId, @Nullable Long orderId, String by) {
		for (Checked photo : photos) {
			String name = UUID.randomUUID().toString();
			Path file = directory.resolve(name);
			try {
				Files.createDirectories(directory);
				Files.write(file, cipher.encryptBytes(photo.content()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("photo not stored", ex);
			}
			deleteOnRollback(file);
			jdbc.sql("""
					INSERT INTO inspection_photo (inspection_id, order_id, item_code, media_type, size, sha256, file_name,
						uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(inspectionId, orderId, photo.itemCode(), photo.type().mediaType, photo.content().length,
						sha256(photo.content()), name, by, Timestamp.from(clock.instant()))
				.update();
		}
	}

	/** The photos of an inspection. */
	@Transactional(readOnly = true)
	public List<Photo> ofInspection(long inspectionId) {
		return jdbc.sql("SELECT id, item_code, media_type, size FROM inspection_photo WHERE inspection_id = ? ORDER BY id")
			.param(inspectionId)
			.query((rs, i) -> new Photo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

	/** The evidence photos of an order. */
	@Transactional(readOnly = true)
	public List<Photo> ofOrder(long orderId) {
		return jdbc.sql("SELECT id, item_code, media_type, size FROM inspection_photo WHERE order_id = ? ORDER BY id")
			.param(orderId)
			.query((rs, i) -> new Photo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

	/** A photo's bytes and type, for a reader who sees its inspection or order (404 otherwise). */
	@Transactional(readOnly = true)
	public Content read(long id, Jurisdiction who) {
		record Row(String file, String mediaType, long venueId, String region, String sector) {
		}
		Row row = jdbc.sql("""
				SELECT p.file_name, p.media_type, coalesce(i.venue_id, o.venue_id), coalesce(i.region_code, o.region_code),
					coalesce(i.sector, o.sector)
				FROM inspection_photo p LEFT JOIN inspection i ON i.id = p.inspection_id
				LEFT JOIN inspection_order o ON o.id = p.order_id WHERE p.id = ?""")
			.param(id)
			.query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
			.optional()
			.filter(r -> who.seesInspectionsOf(r.venueId(), r.region(), r.sector()))
			.orElseThrow(() -> new NotFound("photo " + id));
		try {
			return new Content(row.mediaType(), cipher.decryptBytes(Files.readAllBytes(directory.resolve(row.file()))));
		}
		catch (IOException ex) {
			throw new NotFound("photo " + id);
		}
	}

	/** A photo's type and bytes. */
	public record Content(String mediaType, byte[] bytes) {
	}


	private static void deleteOnRollback(Path file) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					try {
						Files.deleteIfExists(file);
					}
					catch (IOException ignored) {
						// an orphaned file holds encrypted bytes only; nothing refers to it
					}
				}
			}
		});
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
