package org.gridguard.person;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where persons work (单位): kept on the person record, entered with a resident or learned from a pushed list's
 * 工作单位 column, and read by the modules that hold the four parties of a subject.
 */
@Service
@Transactional
public class WorkUnits {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	WorkUnits(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The recorded unit of each of these persons that has one. */
	@Transactional(readOnly = true)
	public Map<Long, String> of(Collection<Long> personIds) {
		var result = new HashMap<Long, String>();
		if (personIds.isEmpty()) {
			return result;
		}
		jdbc.query("SELECT id, work_unit FROM person WHERE id = ANY (?) AND work_unit IS NOT NULL",
				rs -> {
					result.put(rs.getLong(1), rs.getString(2));
				}, (Object) personIds.toArray(Long[]::new));
		return result;
	}

	/** Records units learned from a list for persons who have none yet (a recorded unit is never overwritten). */
	public void learn(Map<Long, String> unitByPerson) {
		if (unitByPerson.isEmpty()) {
			return;
		}
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.batchUpdate("UPDATE person SET work_unit = ?, updated_at = ? WHERE id = ? AND work_unit IS NULL",
				unitByPerson.entrySet()
					.stream()
					.map(e -> new Object[] { clean(e.getValue()), now, e.getKey() })
					.toList());
	}

	/** Sets a person's unit (an officer's entry); blank clears it. */
	public void set(long personId, String unit) {
		jdbc.update("UPDATE person SET work_unit = ?, updated_at = ? WHERE id = ?",
				unit == null || unit.isBlank() ? null : clean(unit), Timestamp.from(clock.instant()), personId);
	}

	static String clean(String unit) {
		String u = unit.strip();
		return u.length() <= 100 ? u : u.substring(0, 100);
	}

}
