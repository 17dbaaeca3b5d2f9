package org.gridguard.cockpit;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.gridguard.venue.CheckInSink;
import org.gridguard.venue.VenueManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Check-ins per day (city time) and venue, counted as the venue module's feed delivers them and written to
 * {@code cockpit_checkin_day} every couple of seconds, so that "check-ins today" over three million rows a day is a sum
 * over a few thousand venues.
 *
 * <p>Invariant: for every day and venue, the stored check-ins equal the table's count plus the count still held in
 * memory ({@code pending}), apart from check-ins committed but not yet handed to the feed (microseconds). Figures read
 * both under the read lock; moving counts from memory to the table (flush) and recounting a day from the stored
 * check-ins ({@link CheckInRecount}) hold the write lock, so a reader never sees a count twice or not at all. A stop
 * that writes everything marks the counts clean; after any other stop the next start recounts the retained days.
 */
@Component
public class CheckInTally implements CheckInSink, SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(CheckInTally.class);

	static final String STATE = "checkins";

	private final JdbcClient jdbc;

	private final VenueManagement venues;

	private final Clock clock;

	/** Guards {@code pending} and the recording window; the feed's writer threads hold it for one increment. */
	private final Object lock = new Object();

	/** (epoch day << 32 | venue id) → check-ins not yet in the table. */
	private Map<Long, long[]> pending = new HashMap<>();

	/** The day whose delivered check-ins are recorded one by one while it is being recounted, or none. */
	private long recordingDay = Long.MIN_VALUE;

	/** Recorded check-ins as (person, venue, arrival) triples. */
	private long[] recorded = new long[3 * 1024];

	private int recordedSize;

	/** Write: moving counts between memory and the table. Read: figures. */
	final ReentrantReadWriteLock table = new ReentrantReadWriteLock();

	private final Map<Long, String> venueRegions = new ConcurrentHashMap<>();

	private volatile boolean running;

	CheckInTally(JdbcClient jdbc, VenueManagement venues, Clock clock) {
		this.jdbc = jdbc;
		this.venues = venues;
		this.clock = clock;
	}

	// ---- counting (the feed's writer threads)

	@Override
	public void accept(long personId, long venueId, long start, long end) {
		long day = epochDay(start);
		Long key = day << 32 | venueId;
		synchronized (lock) {
			long[] count = pending.get(key);
			if (count == null) {
				pending.put(key, new long[] { 1 });
			}
			else {
				count[0]++;
			}
			if (day == recordingDay) {
				record(personId, venueId, start);
			}
		}
	}

	private long epochDay(long second) {
		int offset = clock.getZone().getRules().getOffset(Instant.ofEpochSecond(second)).getTotalSeconds();
		return Math.floorDiv(second + offset, 86_400L);
	}

	private void record(long person, long venue, long start) {
		if (recordedSize + 3 > recorded.length) {
			recorded = java.util.Arrays.copyOf(recorded, recorded.length * 2);
		}
		recorded[recordedSize++] = person;
		recorded[recordedSize++] = venue;
		recorded[recordedSize++] = start;
	}

	// ---- writing to the table

	/** Adds the counts held in memory to the table. */
	@Scheduled(fixedDelayString = "${gridguard.cockpit.flush-interval:2s}")
	public void flush() {
		table.writeLock().lock();
		try {
			Map<Long, long[]> batch;
			synchronized (lock) {
				if (pending.isEmpty()) {
					return;
				}
				batch = pending;
				pending = new HashMap<>();
			}
			try {
				add(batch);
			}
			catch (RuntimeException ex) {
				synchronized (lock) {
					batch.forEach((key, n) -> pending.computeIfAbsent(key, k -> new long[1])[0] += n[0]);
				}
				LOG.warn("Check-in counts not written, kept for the next try: {}", ex.toString());
			}
		}
		finally {
			table.writeLock().unlock();
		}
	}

	private void add(Map<Long, long[]> batch) {
		var days = new ArrayList<String>();
		var ids = new ArrayList<Long>();
		var counts = new ArrayList<Long>();
		batch.forEach((key, n) -> {
			if (n[0] != 0) {
				days.add(LocalDate.ofEpochDay(key >> 32).toString());
				ids.add(key & 0xffff_ffffL);
				counts.add(n[0]);
			}
		});
		Map<Long, String> regions = regionsOf(ids);
		jdbc.sql("""
				INSERT INTO cockpit_checkin_day (day, venue_id, region_code, checkins)
				SELECT * FROM unnest(?::date[], ?::bigint[], ?::varchar[], ?::bigint[])
				ON CONFLICT (day, venue_id) DO UPDATE SET checkins = cockpit_checkin_day.checkins + EXCLUDED.checkins""")
			.params(days.toArray(String[]::new), ids.toArray(Long[]::new),
					ids.stream().map(id -> regions.getOrDefault(id, "")).toArray(String[]::new), counts.toArray(Long[]::new))
			.update();
	}

	/** Replaces a day's rows by counts taken from the stored check-ins (inside the recount's transaction). */
	void replaceDay(LocalDate day, Map<Long, Long> counts) {
		jdbc.sql("DELETE FROM cockpit_checkin_day WHERE day = ?").param(Date.valueOf(day)).update();
		if (counts.isEmpty()) {
			return;
		}
		List<Long> ids = new ArrayList<>(counts.keySet());
		Map<Long, String> regions = regionsOf(ids);
		jdbc.sql("""
				INSERT INTO cockpit_checkin_day (day, venue_id, region_code, checkins)
				SELECT ?, v, r, n FROM unnest(?::bigint[], ?::varchar[], ?::bigint[]) AS t(v, r, n)""")
			.params(Date.valueOf(day), ids.toArray(Long[]::new),
					ids.stream().map(id -> regions.getOrDefault(id, "")).toArray(String[]::new),
					ids.stream().map(counts::get).toArray(Long[]::new))
			.update();
	}

	private Map<Long, String> regionsOf(List<Long> ids) {
		List<Long> missing = ids.stream().filter(id -> !venueRegions.containsKey(id)).distinct().toList();
		if (!missing.isEmpty()) {
			venues.findAll(missing).forEach((id, venue) -> venueRegions.put(id, venue.regionCode()));
		}
		return venueRegions;
	}

	// ---- the recount's hooks (called under the write lock)

	/** Takes the day's counts out of memory and starts recording the day's check-ins delivered from now on. */
	Map<Long, Long> beginRecount(long day) {
		var drained = new HashMap<Long, Long>();
		synchronized (lock) {
			pending.entrySet().removeIf(e -> {
				if (e.getKey() >> 32 != day) {
					return false;
				}
				drained.put(e.getKey() & 0xffff_ffffL, e.getValue()[0]);
				return true;
			});
			recordingDay = day;
			recordedSize = 0;
		}
		return drained;
	}

	/** Stops recording: the recorded check-ins as {persons, venues, arrivals}. */
	long[][] endRecording() {
		synchronized (lock) {
			int n = recordedSize / 3;
			long[][] result = new long[3][n];
			for (int i = 0; i < n; i++) {
				result[0][i] = recorded[3 * i];
				result[1][i] = recorded[3 * i + 1];
				result[2][i] = recorded[3 * i + 2];
			}
			recordingDay = Long.MIN_VALUE;
			recordedSize = 0;
			return result;
		}
	}

	/** Adds per-venue counts of a day to (or, negative, takes them from) the counts held in memory. */
	void adjust(long day, Map<Long, Long> byVenue, int sign) {
		synchronized (lock) {
			byVenue.forEach((venue, n) -> {
				Long key = day << 32 | venue;
				long[] count = pending.computeIfAbsent(key, k -> new long[1]);
				count[0] += sign * n;
				if (count[0] == 0) {
					pending.remove(key);
				}
			});
		}
	}

	// ---- figures (each the table's count plus what memory still holds)

	/** Check-ins on a day at venues of a region. */
	public long count(LocalDate day, String regionCode) {
		RegionRange range = RegionRange.of(regionCode);
		table.readLock().lock();
		try {
			long stored = jdbc
				.sql("SELECT coalesce(sum(checkins), 0) FROM cockpit_checkin_day WHERE day = ? AND " + RegionRange.SQL)
				.params(Date.valueOf(day), range.from(), range.until())
				.query(Long.class)
				.single();
			return stored + pendingOf(day.toEpochDay(), day.toEpochDay(), regionCode).values().stream()
				.mapToLong(Long::longValue).sum();
		}
		finally {
			table.readLock().unlock();
		}
	}

	/** Check-ins on a day per venue of a region (venues without any left out). */
	public Map<Long, Long> perVenue(LocalDate day, String regionCode) {
		RegionRange range = RegionRange.of(regionCode);
		table.readLock().lock();
		try {
			var result = new HashMap<Long, Long>();
			jdbc.sql("SELECT venue_id, checkins FROM cockpit_checkin_day WHERE day = ? AND " + RegionRange.SQL
					+ " AND checkins > 0")
				.params(Date.valueOf(day), range.from(), range.until())
				.query((rs, i) -> result.put(rs.getLong(1), rs.getLong(2)))
				.list();
			long d = day.toEpochDay();
			pendingOf(d, d, regionCode).forEach((key, n) -> result.merge(key & 0xffff_ffffL, n, Long::sum));
			result.values().removeIf(n -> n <= 0);
			return result;
		}
		finally {
			table.readLock().unlock();
		}
	}

	/** Check-ins per day in {@code [from, to]} at venues of a region. */
	public Map<LocalDate, Long> perDay(LocalDate from, LocalDate to, String regionCode) {
		RegionRange range = RegionRange.of(regionCode);
		table.readLock().lock();
		try {
			var result = new TreeMap<LocalDate, Long>();
			jdbc.sql("SELECT day, sum(checkins) FROM cockpit_checkin_day WHERE day BETWEEN ? AND ? AND " + RegionRange.SQL
					+ " GROUP BY day")
				.params(Date.valueOf(from), Date.valueOf(to), range.from(), range.until())
				.query((rs, i) -> result.put(rs.getObject(1, LocalDate.class), rs.getLong(2)))
				.list();
			pendingOf(from.toEpochDay(), to.toEpochDay(), regionCode)
				.forEach((key, n) -> result.merge(LocalDate.ofEpochDay(key >> 32), n, Long::sum));
			return result;
		}
		finally {
			table.readLock().unlock();
		}
	}

	/** Check-ins on a day by part of a region: venue region codes cut to {@code codeLength}. */
	public Map<String, Long> perArea(LocalDate day, String regionCode, int codeLength) {
		var result = new HashMap<String, Long>();
		perVenue(day, regionCode).forEach((venue, n) -> {
			String region = venueRegions.getOrDefault(venue, "");
			result.merge(region.length() >= codeLength ? region.substring(0, codeLength) : region, n, Long::sum);
		});
		return result;
	}

	/** Pending counts of days in {@code [fromDay, toDay]} at venues inside a region, by key. */
	private Map<Long, Long> pendingOf(long fromDay, long toDay, String regionCode) {
		var found = new HashMap<Long, Long>();
		synchronized (lock) {
			pending.forEach((key, n) -> {
				long day = key >> 32;
				if (day >= fromDay && day <= toDay) {
					found.put(key, n[0]);
				}
			});
		}
		Map<Long, String> regions = regionsOf(found.keySet().stream().map(k -> k & 0xffff_ffffL).toList());
		found.keySet().removeIf(key -> !regions.getOrDefault(key & 0xffff_ffffL, "").startsWith(regionCode));
		return found;
	}

	// ---- clean stops

	/** Whether the last stop wrote every count; marks the counts unclean until the next clean stop. */
	boolean takeCleanMark() {
		Boolean clean = jdbc.sql("SELECT clean FROM cockpit_counter_state WHERE name = ?")
			.param(STATE)
			.query(Boolean.class)
			.optional()
			.orElse(false);
		mark(false);
		return clean;
	}

	private void mark(boolean clean) {
		jdbc.sql("""
				INSERT INTO cockpit_counter_state (name, clean, changed_at) VALUES (?, ?, ?)
				ON CONFLICT (name) DO UPDATE SET clean = EXCLUDED.clean, changed_at = EXCLUDED.changed_at""")
			.params(STATE, clean, Timestamp.from(clock.instant()))
			.update();
	}

	@Override
	public void start() {
		running = true;
	}

	/** After the check-in writer has stopped: writes what memory holds and marks the counts clean. */
	@Override
	public void stop() {
		running = false;
		try {
			flush();
			boolean empty;
			synchronized (lock) {
				empty = pending.isEmpty();
			}
			if (empty) {
				mark(true);
			}
		}
		catch (RuntimeException ex) {
			LOG.warn("Check-in counts not written at stop; they are recounted at the next start: {}", ex.toString());
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops after the check-in writer ({@code DEFAULT_PHASE - 1024}), so that nothing arrives after the last write. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

}
