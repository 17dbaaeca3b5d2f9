package org.gridguard.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts personal data at rest (identity numbers, phones) with AES-256-GCM and derives a keyed hash (HMAC-SHA-256)
 * for exact-match lookup without decrypting. The key comes from {@code gridguard.crypto.key} (Base64 of 32 bytes);
 * without one, a key is generated once and kept in {@code <data-dir>/keys/data.key}. Losing the key loses the data:
 * back it up with the database.
 * <p>
 * Callers normalise values before hashing (upper-case check character, digits only), so that equal values hash
 * equally. Ciphertext layout: 12-byte random nonce followed by the GCM ciphertext and 16-byte tag.
 */
@Component
public class PersonalDataCipher {

	private static final Logger LOG = LoggerFactory.getLogger(PersonalDataCipher.class);

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec encryptionKey;

	private final SecretKeySpec hashKey;

	private final SecureRandom random = new SecureRandom();

	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	});

	private final ThreadLocal<Mac> macs;

	PersonalDataCipher(@Value("${gridguard.crypto.key:}") String configuredKey,
			@Value("${gridguard.data-dir:./data}") String dataDir) {
		byte[] master = StringUtils.hasText(configuredKey) ? decodeKey(configuredKey)
				: loadOrCreateKeyFile(Path.of(dataDir, "keys", "data.key"));
		this.encryptionKey = new SecretKeySpec(derive(master, "gridguard/aes-gcm/v1"), "AES");
		this.hashKey = new SecretKeySpec(derive(master, "gridguard/lookup-hmac/v1"), "HmacSHA256");
		this.macs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(hashKey);
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	public byte[] encrypt(String plain) {
		return encryptBytes(plain.getBytes(StandardCharsets.UTF_8));
	}

	public String decrypt(byte[] sealed) {
		return new String(decryptBytes(sealed), StandardCharsets.UTF_8);
	}

	/** Seals any bytes (a value's text, an uploaded file) in the ciphertext layout described above. */
	public byte[] encryptBytes(byte[] plain) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = new byte[NONCE_BYTES + cipher.getOutputSize(plain.length)];
			System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
			cipher.doFinal(plain, 0, plain.length, sealed, NONCE_BYTES);
			return sealed;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	public byte[] decryptBytes(byte[] sealed) {
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
			return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Decryption failed: wrong key or tampered data", ex);
		}
	}

	/** Keyed hash of a normalised value, for exact lookup; equal inputs give equal hashes. */
	public byte[] hash(String normalised) {
		return macs.get().doFinal(normalised.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] derive(byte[] master, String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(master, "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] decodeKey(String base64) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("gridguard.crypto.key must be Base64", ex);
		}
		if (key.length < 32) {
			throw new IllegalStateException("gridguard.crypto.key must hold at least 32 bytes, has " + key.length);
		}
		return key;
	}

	private static byte[] loadOrCreateKeyFile(Path file) {
		try {
			if (Files.exists(file)) {
				return decodeKey(Files.readString(file, StandardCharsets.US_ASCII));
			}
			Files.createDirectories(file.getParent());
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the file keeps the directory's default permissions
			}
			LOG.warn("Generated a new data encryption key in {}; back it up together with the database", file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the data key " + file, ex);
		}
	}

}
