package org.gridguard.quarantine;

import java.util.HashMap;
import java.util.List;

import org.gridguard.person.PersonManagement;
import org.gridguard.region.Region;
import org.gridguard.region.RegionManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarantine capacity against the norm (rules §5: ≥ 20 rooms per 10,000 residents), by town: the rooms of the sites
 * in service there and the residents registered there.
 */
@Service
@Transactional(readOnly = true)
public class Capacity {

	/** One town's capacity; {@code per10k} is rooms per 10,000 registered residents. */
	public record Town(String code, String name, long residents, long rooms, double per10k, long roomsNeeded,
			boolean meetsNorm) {
	}

	private final JdbcClient jdbc;

	private final RegionManagement regions;

	private final PersonManagement persons;

	private final QuarantineProperties properties;

	Capacity(JdbcClient jdbc, RegionManagement regions, PersonManagement persons, QuarantineProperties properties) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.persons = persons;
		this.properties = properties;
	}

	/** Every town of the city with its figures, and the city itself last. */
	public List<Town> byTown() {
		var rooms = new HashMap<String, Long>();
		jdbc.sql("""
				SELECT s.town_code, count(*) FROM quarantine_room r JOIN quarantine_site s ON s.id = r.site_id
				WHERE s.active AND r.state <> 'OUT_OF_SERVICE' GROUP BY s.town_code""")
			.query((rs, i) -> rooms.put(rs.getString(1), rs.getLong(2)))
			.list();
		var result = new java.util.ArrayList<Town>();
		long cityResidents = 0;
		long cityRooms = 0;
		for (Region town : regions.children(Region.CITY_CODE)) {
			long residents = persons.countLivingIn(town.code());
			long r = rooms.getOrDefault(town.code(), 0L);
			cityResidents += residents;
			cityRooms += r;
			result.add(town(town.code(), town.name(), residents, r));
		}
		result.add(town(Region.CITY_CODE, regions.nameOf(Region.CITY_CODE), cityResidents, cityRooms));
		return result;
	}

	public int norm() {
		return properties.roomsPer10k();
	}

	private Town town(String code, String name, long residents, long rooms) {
		double per10k = residents == 0 ? 0 : rooms * 10_000.0 / residents;
		long needed = (long) Math.ceil(residents * properties.roomsPer10k() / 10_000.0);
		return new Town(code, name, residents, rooms, Math.round(per10k * 10) / 10.0, needed, rooms >= needed);
	}

}
