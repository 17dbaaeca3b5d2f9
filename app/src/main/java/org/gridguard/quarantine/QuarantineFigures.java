package org.gridguard.quarantine;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

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

}
