package org.gridguard.venue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gridguard.person.Person;
import org.gridguard.person.PersonInput;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.PersonalDataCipher;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Person ids by identity document, remembered after the first lookup: the same visitors scan again and again, and a
 * batch of 10,000 check-ins must not cost 10,000 lookups. The key is a keyed hash of the document (128 bits of
 * HMAC-SHA-256), so no identity number is kept in memory. A person's id never changes, so entries never go stale;
 * the map is emptied when it grows past its bound. Unknown persons are registered (in their own committed transaction,
 * so that no id of a rolled-back person is ever remembered).
 */
@Component
class PersonIds {

	private record Key(long hi, long lo) {
	}

	/** Up to this many unknown persons are looked up one by one (a visitor and companions). */
	private static final int SINGLE_LOOKUPS = 16;

	private final Map<Key, Long> ids = new ConcurrentHashMap<>();

	private final PersonManagement persons;

	private final PersonalDataCipher cipher;

	private final int bound;

	PersonIds(PersonManagement persons, PersonalDataCipher cipher,
			@Value("${gridguard.venue.person-cache-size:250000}") int bound) {
		this.persons = persons;
		this.cipher = cipher;
		this.bound = bound;
	}

	/** The person ids of the inputs, in input order; unknown persons are registered with {@code source}. */
	long[] resolve(List<PersonInput> inputs, String source) {
		long[] result = new long[inputs.size()];
		var keys = new Key[inputs.size()];
		var missing = new ArrayList<PersonInput>();
		var missingAt = new ArrayList<Integer>();
		for (int i = 0; i < inputs.size(); i++) {
			PersonInput in = inputs.get(i);
			ByteBuffer hash = ByteBuffer.wrap(cipher.hash(in.document().type().name() + ":" + in.document().number()));
			keys[i] = new Key(hash.getLong(), hash.getLong());
			Long known = ids.get(keys[i]);
			if (known == null) {
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

	private void remember(Key key, long id) {
		if (ids.size() >= bound) {
			ids.clear();
		}
		ids.put(key, id);
	}

}
