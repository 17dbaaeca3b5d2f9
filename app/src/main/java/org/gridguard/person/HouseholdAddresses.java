package org.gridguard.person;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridguard.region.AddressLocator;
import org.gridguard.region.RegionManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households found by address: each household's address is kept in a normal form inside its village
 * ({@link AddressLocator#householdKey}), so that an address written another way in a pushed list still reaches the
 * household's grid.
 */
@Service
@Transactional
@Order(10)
public class HouseholdAddresses implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(HouseholdAddresses.class);

	private static final int BATCH = 5_000;

	private final JdbcTemplate jdbc;

	private final RegionManagement regions;

	HouseholdAddresses(JdbcTemplate jdbc, RegionManagement regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	/** The key of a household's address in its grid's village. */
	public String keyOf(String address, String gridCode) {
		return regions.addressLocator().householdKey(address, gridCode.substring(0, Math.min(12, gridCode.length())));
	}

	/**
	 * The grid of the household registered at each of these addresses (written however the caller writes them),
	 * where exactly one grid has such a household.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> gridsOfAddresses(java.util.Collection<String> addresses) {
		AddressLocator locator = regions.addressLocator();
		var queries = new HashMap<String, Query>();
		for (String address : addresses) {
			AddressLocator.Located at = locator.locate(address);
			if (at.hasVillage() && !at.remainder().isEmpty()) {
				queries.put(address, new Query(at.villageCodes(), at.remainder()));
			}
		}
		Map<Query, String> grids = gridsOf(List.copyOf(queries.values()));
		var result = new HashMap<String, String>();
		queries.forEach((address, q) -> {
			String grid = grids.get(q);
			if (grid != null) {
				result.put(address, grid);
			}
		});
		return result;
	}

	/** One address to look up: the villages it names (one, or several sharing the name) and its key there. */
	public record Query(List<String> villageCodes, String key) {
	}

	/**
	 * The grid of the household registered at each address, when exactly one grid has such a household; keys without
	 * a unique grid do not place anyone.
	 */
	@Transactional(readOnly = true)
	public Map<Query, String> gridsOf(List<Query> queries) {
		var result = new HashMap<Query, String>();
		var prefixes = new ArrayList<String>();
		var keys = new ArrayList<String>();
		var owners = new ArrayList<Query>();
		for (Query q : queries) {
			if (q.key().isEmpty()) {
				continue;
			}
			for (String village : q.villageCodes()) {
				prefixes.add(village);
				keys.add(q.key());
				owners.add(q);
			}
		}
		if (keys.isEmpty()) {
			return result;
		}
		var found = new HashMap<Integer, String>();
		jdbc.query("""
				SELECT q.n, min(h.grid_code), count(DISTINCT h.grid_code)
				FROM unnest(?::varchar[], ?::varchar[]) WITH ORDINALITY AS q(village, key, n)
				JOIN person_household h ON h.address_key = q.key AND h.grid_code LIKE q.village || '%'
				GROUP BY q.n""", rs -> {
			if (rs.getLong(3) == 1) {
				found.put(rs.getInt(1) - 1, rs.getString(2));
			}
		}, prefixes.toArray(String[]::new), keys.toArray(String[]::new));
		// a query whose villages share a name places only when one of them (one grid) has the household
		var candidates = new HashMap<Query, String>();
		var ambiguous = new java.util.HashSet<Query>();
		found.forEach((i, grid) -> {
			Query q = owners.get(i);
			String before = candidates.putIfAbsent(q, grid);
			if (before != null && !before.equals(grid)) {
				ambiguous.add(q);
			}
		});
		candidates.forEach((q, grid) -> {
			if (!ambiguous.contains(q)) {
				result.put(q, grid);
			}
		});
		return result;
	}

	/**
	 * Keys for households written before keys existed (or by hand in the database), at start-up before demo data and
	 * imports, in batches.
	 */
	@Override
	public void run(ApplicationArguments args) {
		backfill();
	}

	int backfill() {
		int total = 0;
		while (true) {
			List<Object[]> rows = jdbc.query("SELECT id, address, grid_code FROM person_household WHERE address_key IS NULL "
					+ "LIMIT " + BATCH, (rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) });
			if (rows.isEmpty()) {
				break;
			}
			var updates = new ArrayList<Object[]>(rows.size());
			for (Object[] r : rows) {
				updates.add(new Object[] { keyOf((String) r[1], (String) r[2]), r[0] });
			}
			jdbc.batchUpdate("UPDATE person_household SET address_key = ? WHERE id = ?", updates);
			total += rows.size();
		}
		if (total > 0) {
			LOG.info("Address keys written for {} households", total);
		}
		return total;
	}

}
