package org.gridguard.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The passwords of the embedded server's two roles, each generated once into a file that only its owner may read:
 * {@code <data-dir>/keys/db-postgres.password} for the superuser {@code postgres}, which only the start-up uses, and
 * {@code <data-dir>/keys/db-gridguard.password} for the role {@code gridguard} the application works as.
 *
 * @param superuserFile where the superuser's password is kept
 * @param superuser the superuser's password
 * @param app the application role's password
 */
record EmbeddedCredentials(Path superuserFile, String superuser, String app) {

	static final String SUPERUSER_FILE = "db-postgres.password";

	static final String APP_FILE = "db-gridguard.password";

	/** Reads both passwords from {@code keys}, generating each one that is missing. */
	static EmbeddedCredentials loadOrCreate(Path keys) throws IOException {
		Path superuserFile = keys.resolve(SUPERUSER_FILE);
		return new EmbeddedCredentials(superuserFile, loadOrCreatePassword(superuserFile),
				loadOrCreatePassword(keys.resolve(APP_FILE)));
	}

	/** The directory of the password files for a server whose data is in {@code dataDir}: its sibling {@code keys}. */
	static Path keysFor(Path dataDir) {
		return dataDir.resolveSibling("keys");
	}

	private static String loadOrCreatePassword(Path file) throws IOException {
		if (!Files.exists(file)) {
			Files.createDirectories(file.getParent());
			byte[] bytes = new byte[24];
			new SecureRandom().nextBytes(bytes);
			String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			try {
				createOwnerOnly(file);
				Files.writeString(file, password + "\n", StandardCharsets.US_ASCII);
			}
			catch (FileAlreadyExistsException ex) {
				// another start created it a moment ago: use that one
			}
		}
		String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
		if (password.isEmpty()) {
			throw new IOException("The database password file " + file + " is empty");
		}
		return password;
	}

	private static void createOwnerOnly(Path file) throws IOException {
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the file keeps the directory's default permissions
			Files.createFile(file);
		}
	}

}
