package org.gridguard.quarantine;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarantine figures of a region for the cockpit (API.md {@code GET /api/v1/cockpit}, "quarantine"). Room and stay
 * figures count the sites of the region (by the site's town: a region below a town has none); transfer figures count
 * the persons of the region (by their grid). Each equals the total of the list behind it with the same filter: the
 * sites list ({@code rooms}, {@code occupied}, {@code free}), the transfers list ({@code state=PENDING}, and with
 * {@code overdue=true}) and the stays list (admitted and released today).
 */
@Service
@Transactional(readOnly = true)
public class QuarantineFigures {

	/** The figures of one region. */
	public record Figures(long rooms, long occupied, long free, long transfersPending, long transfersOverdue,
			long admittedToday, long releasedToday) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	QuarantineFigures(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The figures of the region with this code prefix (e.g. {@code 330784} for the city). */
	public Figures of(String regionCode) {
		String prefix = regionCode.strip() + "%";
		Timestamp now = Timestamp.from(clock.instant());
		Timestamp midnight = Timestamp.from(LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant());
		return jdbc.sql("""
				SELECT
					(SELECT count(*) FROM quarantine_room r JOIN quarantine_site s ON s.id = r.site_id WHERE s.town_code LIKE :p),
					(SELECT count(*) FROM quarantine_room r JOIN quarantine_site s ON s.id = r.site_id
						WHERE s.town_code LIKE :p AND r.state = 'OCCUPIED'),
					(SELECT count(*) FROM quarantine_room r JOIN quarantine_site s ON s.id = r.site_id
						WHERE s.town_code LIKE :p AND r.state = 'FREE'),
					(SELECT count(*) FROM quarantine_transfer WHERE region_code LIKE :p AND state = 'PENDING'),
					(SELECT count(*) FROM quarantine_transfer WHERE region_code LIKE :p AND state = 'PENDING' AND due_at < :now),
					(SELECT count(*) FROM quarantine_stay t JOIN quarantine_site s ON s.id = t.site_id
						WHERE s.town_code LIKE :p AND t.admitted_at >= :midnight),
					(SELECT count(*) FROM quarantine_stay t JOIN quarantine_site s ON s.id = t.site_id
						WHERE s.town_code LIKE :p AND t.state = 'RELEASED' AND t.ended_at >= :midnight)""")
			.param("p", prefix)
			.param("now", now)
			.param("midnight", midnight)
			.query((rs, i) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7)))
			.single();
	}

	/** Transfers waiting in one part of a region: pending, and of those past their deadline. */
	public record PendingTransfers(long pending, long overdue) {
	}

	/**
	 * Pending transfers of each part of the region with this code prefix, by the persons' region code cut to
	 * {@code codeLength} (9: by town …); persons placed at a level above come under the shorter code. The parts add up
	 * to {@link Figures#transfersPending()} and {@link Figures#transfersOverdue()}.
	 */
	public Map<String, PendingTransfers> transfersByArea(String regionCode, int codeLength) {
		var result = new HashMap<String, PendingTransfers>();
		jdbc.sql("""
				SELECT left(region_code, :length), count(*), count(*) FILTER (WHERE due_at < :now)
				FROM quarantine_transfer WHERE region_code LIKE :p AND state = 'PENDING' GROUP BY 1""")
			.param("length", codeLength)
			.param("now", Timestamp.from(clock.instant()))
			.param("p", regionCode.strip() + "%")
			.query((rs, i) -> result.put(rs.getString(1), new PendingTransfers(rs.getLong(2), rs.getLong(3))))
			.list();
		return result;
	}

	/** Admissions and releases at the sites of a region on one day (city time). */
	public record Movements(long admitted, long released) {
	}

	/**
	 * Admissions and releases at the sites of the region on each day since {@code from} (city days); days without any
	 * are absent. Today's equal {@link Figures#admittedToday()} and {@link Figures#releasedToday()}.
	 */
	public Map<LocalDate, Movements> perDay(String regionCode, LocalDate from) {
		var admitted = new HashMap<LocalDate, Long>();
		var released = new HashMap<LocalDate, Long>();
		String zone = clock.getZone().getId();
		String prefix = regionCode.strip() + "%";
		Timestamp since = Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant());
		jdbc.sql("""
				SELECT (t.admitted_at AT TIME ZONE :zone)::date, count(*) FROM quarantine_stay t
				JOIN quarantine_site s ON s.id = t.site_id WHERE s.town_code LIKE :p AND t.admitted_at >= :since GROUP BY 1""")
			.param("zone", zone)
			.param("p", prefix)
			.param("since", since)
			.query((rs, i) -> admitted.put(rs.getObject(1, LocalDate.class), rs.getLong(2)))
			.list();
		jdbc.sql("""
				SELECT (t.ended_at AT TIME ZONE :zone)::date, count(*) FROM quarantine_stay t
				JOIN quarantine_site s ON s.id = t.site_id
				WHERE s.town_code LIKE :p AND t.state = 'RELEASED' AND t.ended_at >= :since GROUP BY 1""")
			.param("zone", zone)
			.param("p", prefix)
			.param("since", since)
			.query((rs, i) -> released.put(rs.getObject(1, LocalDate.class), rs.getLong(2)))
			.list();
		var days = new TreeMap<LocalDate, Movements>();
		admitted.forEach((day, n) -> days.put(day, new Movements(n, released.getOrDefault(day, 0L))));
		released.forEach((day, n) -> days.putIfAbsent(day, new Movements(0, n)));
		return days;
	}

}
