package org.gridguard.person;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.gridguard.platform.DemoDataContributor;
import org.gridguard.platform.DemoNames;
import org.gridguard.platform.PersonalDataCipher;
import org.gridguard.region.Region;
import org.gridguard.region.RegionLevel;
import org.gridguard.shared.IdNumber;
import org.gridguard.shared.PhoneNumber;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo population: about {@code gridguard.demo.residents} residents (default 50,000) in households spread over
 * every demo grid, with valid identity numbers (330784 prefix, real birth dates, correct check characters), plausible
 * names, mobile numbers for adults, and addresses in their real village or community.
 */
@Component
class PersonDemoData implements DemoDataContributor {

	/** Household sizes 1..5 with weights in percent. */
	private static final int[] SIZE_WEIGHTS = { 15, 30, 25, 18, 12 };

	private final JdbcTemplate jdbc;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	private final int residents;

	private final HouseholdAddresses addresses;

	PersonDemoData(JdbcTemplate jdbc, PersonalDataCipher cipher, Clock clock, HouseholdAddresses addresses,
			@Value("${gridguard.demo.residents:50000}") int residents) {
		this.addresses = addresses;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
		this.residents = residents;
	}

	@Override
	public String key() {
		return "person.residents.v1";
	}

	@Override
	public int order() {
		return 200;
	}

	@Override
	public void load() {
		List<String[]> grids = jdbc.query("""
				SELECT g.code, v.name, v.kind FROM region_node g JOIN region_node v ON v.code = g.parent_code
				WHERE g.level = 'GRID' AND g.active ORDER BY g.code""",
				(rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
		if (grids.isEmpty()) {
			return;
		}
		var random = new SplittableRandom(20211219);
		LocalDate today = LocalDate.now(clock);
		Timestamp now = Timestamp.from(clock.instant());
		Set<String> usedIds = new HashSet<>();
		int created = 0;
		var households = new ArrayList<Object[]>();
		var nextHouse = new java.util.HashMap<String, Integer>();
		var people = new ArrayList<Object[]>();
		List<Long> householdIds = jdbc.queryForList(
				"SELECT nextval(pg_get_serial_sequence('person_household', 'id')) FROM generate_series(1, ?)", Long.class,
				residents);
		for (int g = 0; g < grids.size() && created < residents; g++) {
			String[] grid = grids.get(g);
			String village = new Region(grid[0].substring(0, 12), grid[1], RegionLevel.VILLAGE, grid[2], null, true).shortName();
			boolean community = "COMMUNITY".equals(grid[2]);
			// spread evenly: grid g receives floor((g+1)N/G) - floor(gN/G) residents
			int target = (int) ((long) (g + 1) * residents / grids.size() - (long) g * residents / grids.size());
			int inGrid = 0;
			// numbering goes on across the grids of a village, so that no two households share an address
			int house = nextHouse.getOrDefault(grid[0].substring(0, 12), 0) + 1 + random.nextInt(20);
			while (inGrid < target && created < residents) {
				int size = Math.min(householdSize(random), target - inGrid);
				house += 1 + random.nextInt(3);
				String address = village + house + "号";
				if (community) {
					// the flat follows from the house number, so that addresses are unique in the community; the three
					// draws stay, so that everything drawn after them (names, ages, phones) is as it was
					random.nextInt(3);
					random.nextInt(6);
					random.nextInt(4);
					int flat = house % 72;
					address = village + (1 + house / 72) + "幢" + (1 + flat / 24) + "单元" + (1 + flat % 24 / 4) + "0"
							+ (1 + flat % 4) + "室";
				}
				long householdId = householdIds.get(households.size());
				households.add(new Object[] { householdId, grid[0], address, addresses.keyOf(address, grid[0]), now, now });
				String familyName = DemoNames.surname(random);
				int headAge = 25 + random.nextInt(60);
				boolean headMale = random.nextInt(100) < 60;
				people.add(person(random, today, usedIds, familyName, headMale, headAge, householdId, grid[0], address, now));
				for (int m = 1; m < size; m++) {
					if (m == 1 && random.nextInt(100) < 85) {
						int age = Math.max(20, headAge - 4 + random.nextInt(9));
						people.add(person(random, today, usedIds, DemoNames.surname(random), !headMale, age, householdId,
								grid[0], address, now));
					}
					else if (m == 4 && headAge < 60) {
						int age = Math.min(98, headAge + 24 + random.nextInt(8));
						people.add(person(random, today, usedIds, familyName, random.nextBoolean(), age, householdId,
								grid[0], address, now));
					}
					else {
						int age = Math.max(0, headAge - 22 - random.nextInt(16));
						people.add(person(random, today, usedIds, familyName, random.nextBoolean(), age, householdId,
								grid[0], address, now));
					}
				}
				inGrid += size;
				created += size;
			}
			nextHouse.put(grid[0].substring(0, 12), house);
		}
		jdbc.batchUpdate("INSERT INTO person_household (id, grid_code, address, address_key, created_at, updated_at) "
				+ "OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?)", households);
		for (int from = 0; from < people.size(); from += 2000) {
			jdbc.batchUpdate("""
					INSERT INTO person (name, id_type, id_number_enc, id_number_hash, id_masked, phone_enc, phone_hash,
						phone_masked, gender, birth_date, household_id, region_code, address, resident, source,
						created_at, updated_at)
					VALUES (?, 'RESIDENT_ID', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, 'demo', ?, ?)""",
					people.subList(from, Math.min(people.size(), from + 2000)));
		}
	}

	private Object[] person(SplittableRandom random, LocalDate today, Set<String> used, String surname, boolean male,
			int age, long householdId, String grid, String address, Timestamp now) {
		LocalDate birth = today.minusYears(age).minusDays(random.nextInt(365));
		String id;
		do {
			int seq = random.nextInt(500) * 2 + (male ? 1 : 0);
			if (seq == 0) {
				seq = 2;
			}
			String first17 = "330784" + birth.toString().replace("-", "") + "%03d".formatted(seq);
			id = first17 + IdNumber.checkCharacter(first17);
		}
		while (!used.add(id));
		String name = surname + DemoNames.givenName(random, male);
		String phone = age >= 16 && random.nextInt(100) < 92 ? DemoNames.mobile(random) : null;
		return new Object[] { name, cipher.encrypt(id), cipher.hash(id), IdNumber.mask(id),
				phone == null ? null : cipher.encrypt(phone), phone == null ? null : cipher.hash(phone),
				phone == null ? null : new PhoneNumber(phone).masked(), male ? "M" : "F", Date.valueOf(birth), householdId,
				grid, address, now, now };
	}

	private static int householdSize(SplittableRandom random) {
		int r = random.nextInt(100);
		for (int i = 0; i < SIZE_WEIGHTS.length; i++) {
			r -= SIZE_WEIGHTS[i];
			if (r < 0) {
				return i + 1;
			}
		}
		return 1;
	}

}
