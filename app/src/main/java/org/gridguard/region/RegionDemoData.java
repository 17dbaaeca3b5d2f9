package org.gridguard.region;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.gridguard.platform.DemoDataContributor;
import org.gridguard.platform.DemoNames;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo grids: 3-6 per community (社区), 2-5 per village, named after the village, each with a grid leader, one or
 * two full-time workers and some part-time ones (about 1,600 grids for the city).
 */
@Component
class RegionDemoData implements DemoDataContributor {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	RegionDemoData(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public String key() {
		return "region.grids.v1";
	}

	@Override
	public int order() {
		return 100;
	}

	@Override
	public void load() {
		var random = new SplittableRandom(330784);
		Timestamp now = Timestamp.from(clock.instant());
		List<String[]> villages = jdbc.query(
				"SELECT code, name, kind FROM region_node WHERE level = 'VILLAGE' ORDER BY code",
				(rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
		var grids = new ArrayList<Object[]>();
		var workers = new ArrayList<Object[]>();
		for (String[] village : villages) {
			String shortName = new Region(village[0], village[1], RegionLevel.VILLAGE, village[2], null, true).shortName();
			boolean community = "COMMUNITY".equals(village[2]);
			int count = community ? 3 + random.nextInt(4) : 2 + random.nextInt(4);
			for (int g = 1; g <= count; g++) {
				String code = village[0] + "%03d".formatted(g);
				grids.add(new Object[] { code, shortName + "第" + g + "网格", village[0], now });
				workers.add(worker(random, code, "LEADER", now));
				int fullTime = 1 + random.nextInt(2);
				for (int w = 0; w < fullTime; w++) {
					workers.add(worker(random, code, "FULL_TIME", now));
				}
				int partTime = random.nextInt(3);
				for (int w = 0; w < partTime; w++) {
					workers.add(worker(random, code, "PART_TIME", now));
				}
			}
		}
		jdbc.batchUpdate("INSERT INTO region_node (code, name, level, kind, parent_code, source, created_at) "
				+ "VALUES (?, ?, 'GRID', 'GRID', ?, 'demo', ?)", grids);
		jdbc.batchUpdate("INSERT INTO region_grid_worker (grid_code, name, phone, duty, created_at) VALUES (?, ?, ?, ?, ?)",
				workers);
	}

	private static Object[] worker(SplittableRandom random, String grid, String duty, Timestamp now) {
		boolean male = random.nextBoolean();
		return new Object[] { grid, DemoNames.fullName(random, male), DemoNames.mobile(random), duty, now };
	}

}
