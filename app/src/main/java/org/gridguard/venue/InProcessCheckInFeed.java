package org.gridguard.venue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The single-node check-in feed: the writer hands each committed group to the subscribed sinks on its own thread;
 * replay reads the partitioned table with a cursor.
 */
@Component
class InProcessCheckInFeed implements CheckInFeed {

	private static final Logger LOG = LoggerFactory.getLogger(InProcessCheckInFeed.class);

	private static final int FETCH_SIZE = 10_000;

	private final List<CheckInSink> sinks = new CopyOnWriteArrayList<>();

	private final JdbcTemplate jdbc;

	InProcessCheckInFeed(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void subscribe(CheckInSink sink) {
		sinks.add(sink);
	}

	@Override
	public void replay(Instant from, Instant to, CheckInSink sink) {
		// a cursor needs a transaction in PostgreSQL; without one the driver would load everything at once
		jdbc.execute((java.sql.Connection con) -> {
			boolean autoCommit = con.getAutoCommit();
			con.setAutoCommit(false);
			try (var ps = con.prepareStatement("""
					SELECT person_id, venue_id, extract(epoch FROM at)::bigint, extract(epoch FROM until)::bigint
					FROM venue_check_in WHERE at >= ? AND at < ? ORDER BY at""")) {
				ps.setFetchSize(FETCH_SIZE);
				ps.setTimestamp(1, Timestamp.from(from));
				ps.setTimestamp(2, Timestamp.from(to));
				try (var rs = ps.executeQuery()) {
					while (rs.next()) {
						sink.accept(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
					}
				}
			}
			finally {
				con.commit();
				con.setAutoCommit(autoCommit);
			}
			return null;
		});
	}

	/** Hands a committed batch to every sink. */
	void publish(CheckInBatch batch) {
		for (CheckInSink sink : sinks) {
			try {
				for (int i = 0; i < batch.size; i++) {
					sink.accept(batch.person[i], batch.venue[i], batch.at[i], batch.until[i]);
				}
			}
			catch (RuntimeException ex) {
				LOG.warn("Check-in sink {} failed: {}", sink, ex.toString());
			}
		}
	}

	boolean hasSinks() {
		return !sinks.isEmpty();
	}

}
