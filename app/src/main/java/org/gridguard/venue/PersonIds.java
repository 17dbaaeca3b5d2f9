package org.gridguard.venue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gridguard.person.IdDocument;
import org.gridguard.person.Person;
import org.gridguard.person.PersonInput;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.PersonalDataCipher;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Person ids by identity document, remembered after the first lookup: the same visitors scan again and again, and a
 * batch of 10,000 check-ins must not cost 10,000 lookups. The key is a keyed hash of the document (128 bits of
 * HMAC-SHA-256), so no identity number is kept in memory. A person's id never changes, so entries never go stale;
 * the map is emptied when it grows past its bound. Check-ins look up only the memory here ({@link #known}) and leave
 * the persons it does not know to the group-commit writer, which matches or registers all of a group's at once inside
 * its own transaction; ids are remembered only after that commit, so that no id of a rolled-back person is ever
 * remembered. {@link #resolve} matches or registers at once, in its own committed transaction, for the few callers
 * that need the id before they write (staff rosters, pharmacy purchases, risk-area declarations).
 */
@Component
class PersonIds {

	/** The cache key of one identity document. */
	record Key(long hi, long lo) {
	}

	/** Up to this many unknown persons are looked up one by one (a visitor and companions). */
	private static final int SINGLE_LOOKUPS = 16;

	private final Map<Key, Long> ids = new ConcurrentHashMap<>();

	private final PersonManagement persons;

	private final PersonalDataCipher cipher;

	private final JdbcTemplate jdbc;

	private final int bound;

	PersonIds(PersonManagement persons, PersonalDataCipher cipher, JdbcTemplate jdbc,
			@Value("${gridguard.venue.person-cache-size:250000}") int bound) {
		this.persons = persons;
		this.cipher = cipher;
		this.jdbc = jdbc;
		this.bound = bound;
	}

	/** The cache key of a document. */
	Key key(IdDocument document) {
		ByteBuffer hash = ByteBuffer.wrap(cipher.hash(document.type().name() + ":" + document.number()));
		return new Key(hash.getLong(), hash.getLong());
	}

	/** The remembered id of a document's person, or 0 when it is not in memory (unknown, or not looked up yet). */
	long known(Key key) {
		Long id = ids.get(key);
		return id == null ? 0 : id;
	}

	/**
	 * Sets the ids of the persons remembered in memory and leaves the others to the writer, which matches or registers
	 * them with the check-ins. Returns the cache keys, for {@link #remember(CheckInBatch, Key[])} after the commit.
	 */
	Key[] identify(CheckInBatch batch, List<PersonInput> inputs, String source) {
		var keys = new Key[inputs.size()];
		for (int i = 0; i < keys.length; i++) {
			keys[i] = key(inputs.get(i).document());
			long id = known(keys[i]);
			if (id == 0) {
				batch.unknown(i, inputs.get(i), source);
			}
			else {
				batch.person[i] = id;
			}
		}
		return keys;
	}

	/** Remembers the persons the writer matched or registered, now that their registration has committed. */
	void remember(CheckInBatch batch, Key @Nullable [] keys) {
		if (keys == null || batch.unknown == null) {
			return;
		}
		for (int i = 0; i < keys.length; i++) {
			if (batch.unknown[i] != null) {
				remember(keys[i], batch.person[i]);
			}
		}
	}

	/**
	 * Inside the group-commit writer's transaction: matches or registers, in one go per source, every person of the
	 * group that the requests did not find in memory:
	 * a visitor never seen before costs a share of one lookup and one insert, not a transaction and a WAL flush of its
	 * own. The registrations commit with the check-ins. Writers take turns here (a transaction-scoped advisory lock),
	 * so that two groups inserting the same new persons in different orders cannot deadlock.
	 */
	void registerUnknown(List<CheckInBatch> group) {
		var bySource = new LinkedHashMap<String, List<PersonInput>>();
		for (CheckInBatch batch : group) {
			if (batch.unknown == null) {
				continue;
			}
			for (PersonInput input : batch.unknown) {
				if (input != null) {
					bySource.computeIfAbsent(batch.registeredBy, s -> new ArrayList<>()).add(input);
				}
			}
		}
		if (bySource.isEmpty()) {
			return;
		}
		jdbc.execute("SELECT pg_advisory_xact_lock(hashtext('venue_person_registration'))");
		for (var entry : bySource.entrySet()) {
			long[] ids = persons.resolveAll(entry.getValue(), entry.getKey());
			int k = 0;
			for (CheckInBatch batch : group) {
				if (batch.unknown == null || !batch.registeredBy.equals(entry.getKey())) {
					continue;
				}
				for (int i = 0; i < batch.size; i++) {
					if (batch.unknown[i] != null) {
						batch.person[i] = ids[k++];
					}
				}
			}
		}
	}

	/** The person ids of the inputs, in input order; unknown persons are registered with {@code source}. */
	long[] resolve(List<PersonInput> inputs, String source) {
		long[] result = new long[inputs.size()];
		var keys = new Key[inputs.size()];
		var missing = new ArrayList<PersonInput>();
		var missingAt = new ArrayList<Integer>();
		for (int i = 0; i < inputs.size(); i++) {
			PersonInput in = inputs.get(i);
			keys[i] = key(in.document());
			long known = known(keys[i]);
			if (known == 0) {
				missing.add(in);
				missingAt.add(i);
			}
			else {
				result[i] = known;
			}
		}
		if (!missing.isEmpty() && missing.size() <= SINGLE_LOOKUPS) {
			// a scan at the door: look the few persons up one by one through the unique index; resolveAll matches
			// whole batches at once, which costs a scan of the person table and pays off only for large batches
			for (int j = missing.size() - 1; j >= 0; j--) {
				Long known = persons.findByDocument(missing.get(j).document()).map(Person::id).orElse(null);
				if (known != null) {
					int i = missingAt.get(j);
					result[i] = known;
					remember(keys[i], known);
					missing.remove(j);
					missingAt.remove(j);
				}
			}
		}
		if (!missing.isEmpty()) {
			long[] found = persons.resolveAll(missing, source);
			for (int j = 0; j < found.length; j++) {
				int i = missingAt.get(j);
				result[i] = found[j];
				remember(keys[i], found[j]);
			}
		}
		return result;
	}

	/** Remembers a person's id; only for a person whose registration has committed. */
	void remember(Key key, long id) {
		if (ids.size() >= bound) {
			ids.clear();
		}
		ids.put(key, id);
	}

}
