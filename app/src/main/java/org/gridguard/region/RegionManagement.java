package org.gridguard.region;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.gridguard.platform.AuditLog;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the administrative tree and its grid workers. Changes are checked against the caller's
 * jurisdiction and audited.
 */
@Service
@Transactional
public class RegionManagement {

	private static final RowMapper<Region> REGION = (rs, i) -> new Region(rs.getString("code"), rs.getString("name"),
			RegionLevel.valueOf(rs.getString("level")), rs.getString("kind"), rs.getString("parent_code"),
			rs.getBoolean("active"));

	private static final RowMapper<GridWorker> WORKER = (rs, i) -> new GridWorker(rs.getLong("id"),
			rs.getString("grid_code"), rs.getString("name"), rs.getString("phone"),
			GridWorker.Duty.valueOf(rs.getString("duty")), rs.getString("username"));

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Messages messages;

	private final Clock clock;

	/** Names never change often; the layout and lists ask for them on every page. */
	private final Map<String, String> nameCache = new ConcurrentHashMap<>();

	private final Map<String, String> fullNameCache = new ConcurrentHashMap<>();

	RegionManagement(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events, Messages messages,
			Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	/**
	 * Reads the town and village an address names (towns and villages are the statistical seed and do not change
	 * while the application runs; grids do, and are not part of it).
	 */
	public AddressLocator addressLocator() {
		AddressLocator current = locator;
		if (current == null) {
			Region city = get(Region.CITY_CODE);
			current = new AddressLocator(city, children(Region.CITY_CODE), this::children);
			locator = current;
		}
		return current;
	}

	private volatile @Nullable AddressLocator locator;

	public Optional<Region> find(String code) {
		return jdbc.sql("SELECT * FROM region_node WHERE code = ?").param(code).query(REGION).optional();
	}

	@Transactional(readOnly = true)
	public Region get(String code) {
		return find(code).orElseThrow(() -> new NotFound("region " + code));
	}

	/** Active children of a node, in code order. */
	@Transactional(readOnly = true)
	public List<Region> children(String code) {
		return jdbc.sql("SELECT * FROM region_node WHERE parent_code = ? AND active ORDER BY code")
			.param(code)
			.query(REGION)
			.list();
	}

	/** The node and its ancestors, from the city down. */
	@Transactional(readOnly = true)
	public List<Region> path(String code) {
		var path = new ArrayList<Region>();
		Optional<Region> node = find(code);
		while (node.isPresent()) {
			path.add(node.get());
			String parent = node.get().parentCode();
			node = parent == null ? Optional.empty() : find(parent);
		}
		Collections.reverse(path);
		return path;
	}

	/** Display name of a node ({@code 东城街道 / 园丁社区 / 第1网格} style paths are built from these). */
	@Transactional(readOnly = true)
	public String nameOf(String code) {
		return nameCache.computeIfAbsent(code, c -> find(c).map(Region::name).orElse(c));
	}

	/** "东城街道 园丁社区 第1网格": the node's name preceded by its town and village. */
	@Transactional(readOnly = true)
	public String fullName(String code) {
		String cached = fullNameCache.get(code);
		if (cached != null) {
			return cached;
		}
		var parts = new ArrayList<String>();
		for (Region r : path(code)) {
			if (r.level() != RegionLevel.CITY) {
				parts.add(r.level() == RegionLevel.VILLAGE ? r.shortName() : r.name());
			}
		}
		String full = parts.isEmpty() ? nameOf(code) : String.join(" ", parts);
		fullNameCache.put(code, full);
		return full;
	}

	/** How many active towns, villages, grids and grid workers lie below {@code code}. */
	@Transactional(readOnly = true)
	public RegionCounts countBelow(String code) {
		long[] levels = new long[RegionLevel.values().length];
		jdbc.sql("SELECT level, count(*) FROM region_node WHERE code LIKE ? AND code <> ? AND active GROUP BY level")
			.params(code + "%", code)
			.query((rs, i) -> levels[RegionLevel.valueOf(rs.getString(1)).ordinal()] = rs.getLong(2))
			.list();
		return new RegionCounts(levels[RegionLevel.TOWN.ordinal()], levels[RegionLevel.VILLAGE.ordinal()],
				levels[RegionLevel.GRID.ordinal()], workersBelow(code));
	}

	/** For each active child of {@code code}, keyed by the child's code: what lies below it. */
	@Transactional(readOnly = true)
	public Map<String, RegionCounts> childCounts(String code) {
		Region node = get(code);
		var result = new java.util.HashMap<String, long[]>();
		if (node.level() == RegionLevel.GRID) {
			return Map.of();
		}
		int childLength = RegionLevel.values()[node.level().ordinal() + 1].codeLength();
		jdbc.sql("""
				SELECT substr(code, 1, ?) AS child, level, count(*) FROM region_node
				WHERE code LIKE ? AND length(code) > ? AND active GROUP BY 1, 2""")
			.params(childLength, code + "%", childLength)
			.query((rs, i) -> result.computeIfAbsent(rs.getString(1), k -> new long[4])[RegionLevel
				.valueOf(rs.getString(2))
				.ordinal()] = rs.getLong(3))
			.list();
		jdbc.sql("SELECT substr(grid_code, 1, ?), count(*) FROM region_grid_worker WHERE active AND grid_code LIKE ? GROUP BY 1")
			.params(childLength, code + "%")
			.query((rs, i) -> result.computeIfAbsent(rs.getString(1), k -> new long[4])[0] = rs.getLong(2))
			.list();
		var counts = new java.util.HashMap<String, RegionCounts>();
		// slot 0 (CITY never lies below a child) carries the worker count
		result.forEach((child, c) -> counts.put(child, new RegionCounts(c[1], c[2], c[3], c[0])));
		return counts;
	}

	/** Number of active grid workers below {@code code}. */
	@Transactional(readOnly = true)
	public long workersBelow(String code) {
		return jdbc.sql("SELECT count(*) FROM region_grid_worker WHERE active AND grid_code LIKE ?")
			.param(code + "%")
			.query(Long.class)
			.single();
	}

	/** Active grids below {@code code} that have no active worker: nobody there answers for anyone. */
	@Transactional(readOnly = true)
	public List<String> gridsWithoutWorkers(String code) {
		return jdbc.sql("""
				SELECT g.code FROM region_node g WHERE g.level = 'GRID' AND g.active AND g.code LIKE ?
				AND NOT EXISTS (SELECT 1 FROM region_grid_worker w WHERE w.grid_code = g.code AND w.active)""")
			.param(code + "%")
			.query(String.class)
			.list();
	}

	/** Mobile numbers of the active workers of a grid (for alerts). */
	@Transactional(readOnly = true)
	public List<String> workerPhones(String gridCode) {
		return jdbc.sql("SELECT phone FROM region_grid_worker WHERE grid_code = ? AND active AND phone IS NOT NULL")
			.param(gridCode)
			.query(String.class)
			.list();
	}

	/** Active grids below {@code code}, in code order. */
	@Transactional(readOnly = true)
	public List<Region> gridsBelow(String code) {
		return jdbc.sql("SELECT * FROM region_node WHERE code LIKE ? AND level = 'GRID' AND active ORDER BY code")
			.param(code + "%")
			.query(REGION)
			.list();
	}

	/** Opens a new grid in a village; its code is the village code and the next free 3-digit number. */
	public Region createGrid(String villageCode, String name, Jurisdiction who) {
		Region village = get(villageCode);
		if (village.level() != RegionLevel.VILLAGE) {
			throw InvalidInput.of("village", messages.get("region.grid.parentNotVillage"));
		}
		requireAdministers(who, villageCode);
		String cleanName = requireName(name);
		Integer last = jdbc.sql("SELECT max(substr(code, 13)::int) FROM region_node WHERE parent_code = ?")
			.param(villageCode)
			.query(Integer.class)
			.optional()
			.orElse(null);
		int next = last == null ? 1 : last + 1;
		if (next > 999) {
			throw InvalidInput.of("village", messages.get("region.grid.full"));
		}
		String code = villageCode + "%03d".formatted(next);
		jdbc.sql("INSERT INTO region_node (code, name, level, kind, parent_code, source, created_at) "
				+ "VALUES (?, ?, 'GRID', 'GRID', ?, 'local', ?)")
			.params(code, cleanName, villageCode, Timestamp.from(clock.instant()))
			.update();
		audit.record("GRID_CREATE", "region", code, cleanName);
		return get(code);
	}

	public Region rename(String code, String name, Jurisdiction who) {
		Region region = get(code);
		if (region.level() != RegionLevel.GRID) {
			throw InvalidInput.of("code", messages.get("region.rename.onlyGrids"));
		}
		requireAdministers(who, code);
		String cleanName = requireName(name);
		jdbc.sql("UPDATE region_node SET name = ? WHERE code = ?").params(cleanName, code).update();
		nameCache.remove(code);
		fullNameCache.remove(code);
		audit.record("GRID_RENAME", "region", code, region.name() + " → " + cleanName);
		return get(code);
	}

	/**
	 * Merges {@code source} into {@code target} (both active grids of one village): the source is retired, its
	 * workers move, and {@link GridMerged} tells other modules to move what they keep in it.
	 */
	public void merge(String source, String target, Jurisdiction who) {
		Region from = get(source);
		Region into = get(target);
		if (from.level() != RegionLevel.GRID || into.level() != RegionLevel.GRID) {
			throw InvalidInput.of("target", messages.get("region.merge.onlyGrids"));
		}
		if (source.equals(target)) {
			throw InvalidInput.of("target", messages.get("region.merge.same"));
		}
		if (!from.active() || !into.active()) {
			throw InvalidInput.of("target", messages.get("region.merge.inactive"));
		}
		if (!source.substring(0, 12).equals(target.substring(0, 12))) {
			throw InvalidInput.of("target", messages.get("region.merge.otherVillage"));
		}
		requireAdministers(who, source);
		jdbc.sql("UPDATE region_node SET active = false, retired_at = ?, merged_into = ? WHERE code = ?")
			.params(Timestamp.from(clock.instant()), target, source)
			.update();
		jdbc.sql("UPDATE region_grid_worker SET grid_code = ? WHERE grid_code = ? AND active")
			.params(target, source)
			.update();
		audit.record("GRID_MERGE", "region", source, "→ " + target);
		events.publishEvent(new GridMerged(source, target));
	}

	@Transactional(readOnly = true)
	public List<GridWorker> workers(String gridCode) {
		return jdbc.sql("SELECT * FROM region_grid_worker WHERE grid_code = ? AND active ORDER BY duty = 'LEADER' DESC, id")
			.param(gridCode)
			.query(WORKER)
			.list();
	}

	/** The grids a signed-in worker works in (by the account linked to the worker record). */
	@Transactional(readOnly = true)
	public List<String> gridsOfUser(String username) {
		return jdbc.sql("SELECT grid_code FROM region_grid_worker WHERE username = ? AND active ORDER BY grid_code")
			.param(username)
			.query(String.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<GridWorker> worker(long id) {
		return jdbc.sql("SELECT * FROM region_grid_worker WHERE id = ?").param(id).query(WORKER).optional();
	}

	/** Assigns a worker to a grid; phone optional but validated when given. */
	public GridWorker assignWorker(String gridCode, String name, @Nullable String phone, GridWorker.Duty duty,
			@Nullable String username, Jurisdiction who) {
		Region grid = get(gridCode);
		if (grid.level() != RegionLevel.GRID || !grid.active()) {
			throw InvalidInput.of("grid", messages.get("region.worker.notGrid"));
		}
		requireAdministers(who, gridCode);
		var problems = new ArrayList<org.gridguard.platform.FieldProblem>();
		String cleanName = name == null ? "" : name.strip();
		if (cleanName.isEmpty() || cleanName.length() > 50) {
			problems.add(messages.problem("name", "region.worker.name"));
		}
		String cleanPhone = null;
		if (phone != null && !phone.isBlank()) {
			var parsed = PhoneNumber.parse(phone);
			if (parsed.phone() == null) {
				problems.add(messages.problem("phone", "validation.phone.format"));
			}
			else {
				cleanPhone = parsed.phone().value();
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		long id = jdbc.sql("INSERT INTO region_grid_worker (grid_code, name, phone, duty, username, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
			.params(gridCode, cleanName, cleanPhone, duty.name(), username == null || username.isBlank() ? null : username.strip(),
					Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		audit.record("GRID_WORKER_ASSIGN", "region", gridCode, cleanName + " (" + duty + ")");
		return worker(id).orElseThrow();
	}

	public void removeWorker(long id, Jurisdiction who) {
		GridWorker worker = worker(id).orElseThrow(() -> new NotFound("worker " + id));
		requireAdministers(who, worker.gridCode());
		jdbc.sql("UPDATE region_grid_worker SET active = false WHERE id = ?").param(id).update();
		audit.record("GRID_WORKER_REMOVE", "region", worker.gridCode(), worker.name());
	}

	private void requireAdministers(Jurisdiction who, String code) {
		if (!who.canAdminister(code)) {
			throw new NotFound("region " + code);
		}
	}

	private String requireName(@Nullable String name) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > 100) {
			throw InvalidInput.of("name", messages.get("region.name.invalid"));
		}
		return clean;
	}

}
