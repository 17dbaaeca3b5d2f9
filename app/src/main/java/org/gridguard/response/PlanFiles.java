package org.gridguard.response;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.gridguard.platform.ControlCharacters;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.Messages;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Checks an uploaded plan document (an emergency plan here; an event's prevention plan in the meetings-and-events
 * module) before it is kept: not empty and not larger than
 * {@link ResponseProperties#planMaxSize()}, a document type we accept by its name, and content that starts the way
 * that type does (so that an executable or a page renamed to {@code .pdf} is refused).
 */
@Component
public class PlanFiles {

	private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 };

	/** The document types accepted, by extension: how their content starts and the media type they are served as. */
	private enum Type {

		PDF("pdf", PlanFiles.PDF, "application/pdf"),
		DOCX("docx", ZIP, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
		DOC("doc", OLE, "application/msword"),
		WPS("wps", OLE, "application/vnd.ms-works"),
		ODT("odt", ZIP, "application/vnd.oasis.opendocument.text"),
		OFD("ofd", ZIP, "application/ofd");

		final String extension;

		final byte[] magic;

		final String mediaType;

		Type(String extension, byte[] magic, String mediaType) {
			this.extension = extension;
			this.magic = magic;
			this.mediaType = mediaType;
		}

	}

	private final long maxBytes;

	private final Messages messages;

	PlanFiles(ResponseProperties properties, Messages messages) {
		this.maxBytes = properties.planMaxSize().toBytes();
		this.messages = messages;
	}

	/** A document that passed the checks. */
	public record Checked(String filename, String mediaType, byte[] content, byte[] sha256) {
	}

	/** The largest document accepted, in bytes. */
	public long maxBytes() {
		return maxBytes;
	}

	/**
	 * Checks a document; a refused one adds a problem under {@code field} and gives {@code null}. {@code size} is
	 * checked before the content is read, so {@code content} is asked for only when the size is within bounds.
	 */
	public @Nullable Checked check(String field, @Nullable String originalName, long size,
			java.util.function.Supplier<byte[]> content, List<FieldProblem> problems) {
		if (size <= 0) {
			problems.add(messages.problem(field, "response.plan.file.empty"));
			return null;
		}
		if (size > maxBytes) {
			problems.add(messages.problem(field, "response.plan.file.tooLarge", maxBytes / (1024 * 1024)));
			return null;
		}
		String name = originalName == null ? "" : originalName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).strip();
		if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(c -> c < 0x20 || ControlCharacters.refused((char) c))) {
			problems.add(messages.problem(field, "response.plan.file.name"));
			return null;
		}
		int dot = name.lastIndexOf('.');
		String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
		Type type = Arrays.stream(Type.values()).filter(t -> t.extension.equals(extension)).findFirst().orElse(null);
		if (type == null) {
			problems.add(messages.problem(field, "response.plan.file.type", extension));
			return null;
		}
		byte[] bytes = content.get();
		if (bytes.length < type.magic.length
				|| !Arrays.equals(bytes, 0, type.magic.length, type.magic, 0, type.magic.length)) {
			problems.add(messages.problem(field, "response.plan.file.content", extension));
			return null;
		}
		return new Checked(name, type.mediaType, bytes, sha256(bytes));
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
