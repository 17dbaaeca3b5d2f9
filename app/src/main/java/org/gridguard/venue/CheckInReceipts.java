package org.gridguard.venue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys of check-in batches. A batch sent with a key claims it, scoped to the calling account, in the very
 * transaction that stores its check-ins, together with the answer it gets: so a batch is stored exactly when its key
 * and answer are, and a retry after a lost answer (a timeout, a dropped connection, a server killed after the commit)
 * finds them and gets the same answer without storing anything again. Two requests with one key racing each other:
 * the second claim waits for the first transaction and then finds the key taken. Keys are kept for
 * {@code gridguard.venue.idempotency-keep} (24 h) and then deleted.
 */
@Component
class CheckInReceipts {

	private static final Logger LOG = LoggerFactory.getLogger(CheckInReceipts.class);

	/** Longest key accepted. */
	static final int MAX_KEY_LENGTH = 100;

	/** A batch's claim on its key: written with the batch's rows, with the answer built once colours are known. */
	record Claim(String account, String key, byte[] requestHash, Function<CheckInBatch, String> answer) {
	}

	/** What the first batch sent with a key was answered, and a hash of what it held. */
	record Stored(byte[] requestHash, String answer) {
	}

	private record AccountKey(String account, String key) {
	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final VenueProperties properties;

	CheckInReceipts(JdbcTemplate jdbc, Clock clock, VenueProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/** The stored answer of an account's key, if the key was used (and not purged yet). */
	@Nullable Stored find(String account, String key) {
		List<Stored> found = jdbc.query(
				"SELECT request_hash, answer FROM venue_checkin_receipt WHERE account = ? AND idempotency_key = ?",
				(rs, i) -> new Stored(rs.getBytes(1), rs.getString(2)), account, key);
		return found.isEmpty() ? null : found.get(0);
	}

	/**
	 * Inside the writer's transaction, after the colours are decided: writes the claims of the group's batches with
	 * their answers, and marks every batch whose key is already taken (by an earlier batch, or by another one of this
	 * group) as a duplicate, to be stored not at all.
	 */
	void claim(List<CheckInBatch> group) {
		var claimants = new LinkedHashMap<AccountKey, CheckInBatch>();
		for (CheckInBatch batch : group) {
			Claim claim = batch.claim;
			if (claim == null) {
				continue;
			}
			if (claimants.putIfAbsent(new AccountKey(claim.account(), claim.key()), batch) != null) {
				batch.duplicate = true;
			}
		}
		if (claimants.isEmpty()) {
			return;
		}
		var accounts = new ArrayList<String>();
		var keys = new ArrayList<String>();
		var hashes = new ArrayList<byte[]>();
		var answers = new ArrayList<String>();
		for (var entry : claimants.entrySet()) {
			Claim claim = entry.getValue().claim;
			accounts.add(claim.account());
			keys.add(claim.key());
			hashes.add(claim.requestHash());
			answers.add(claim.answer().apply(entry.getValue()));
		}
		Set<AccountKey> claimed = new HashSet<>();
		jdbc.execute((java.sql.Connection con) -> {
			try (PreparedStatement ps = con.prepareStatement("""
					INSERT INTO venue_checkin_receipt (account, idempotency_key, request_hash, answer, created_at)
					SELECT a, k, h, t, ? FROM unnest(?::varchar[], ?::varchar[], ?::bytea[], ?::text[]) AS c(a, k, h, t)
					ON CONFLICT (account, idempotency_key) DO NOTHING
					RETURNING account, idempotency_key""")) {
				ps.setTimestamp(1, Timestamp.from(clock.instant()));
				Array a = con.createArrayOf("varchar", accounts.toArray());
				Array k = con.createArrayOf("varchar", keys.toArray());
				Array h = con.createArrayOf("bytea", hashes.toArray(new byte[0][]));
				Array t = con.createArrayOf("text", answers.toArray());
				ps.setArray(2, a);
				ps.setArray(3, k);
				ps.setArray(4, h);
				ps.setArray(5, t);
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						claimed.add(new AccountKey(rs.getString(1), rs.getString(2)));
					}
				}
			}
			return null;
		});
		for (var entry : claimants.entrySet()) {
			if (!claimed.contains(entry.getKey())) {
				entry.getValue().duplicate = true;
			}
		}
	}

	/** Deletes keys older than the configured time; a batch sent again after that is stored again. */
	@Scheduled(cron = "${gridguard.venue.idempotency-purge-cron:0 25 * * * *}", zone = "${gridguard.zone:Asia/Shanghai}")
	int purge() {
		int deleted = jdbc.update("DELETE FROM venue_checkin_receipt WHERE created_at < ?",
				Timestamp.from(clock.instant().minus(properties.idempotencyKeep())));
		if (deleted > 0) {
			LOG.info("Deleted {} idempotency keys of check-in batches older than {}", deleted,
					properties.idempotencyKeep());
		}
		return deleted;
	}

	/** SHA-256 over every field of every item, each with its length, so that no two different batches collide. */
	static byte[] hash(List<CheckIns.@Nullable RawCheckIn> items) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (var out = new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
				out.writeInt(items.size());
				for (CheckIns.RawCheckIn item : items) {
					if (item == null) {
						out.writeInt(-2);
						continue;
					}
					for (String field : new String[] { item.venueCode(), item.idNumber(), item.at(), item.leftAt(),
							item.name(), item.phone() }) {
						if (field == null) {
							out.writeInt(-1);
						}
						else {
							out.writeInt(field.length());
							out.writeChars(field);
						}
					}
				}
			}
			return digest.digest();
		}
		catch (NoSuchAlgorithmException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
