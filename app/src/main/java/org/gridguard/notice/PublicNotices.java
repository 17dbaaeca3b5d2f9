package org.gridguard.notice;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.gridguard.venue.RiskArea;
import org.gridguard.venue.RiskAreas;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the public sees: the notices in force, the latest ones no longer in force, and the current risk areas. Anyone
 * may ask, as often as they like, so the answer is read once and served from memory for
 * {@code gridguard.notice.public-refresh}; a publication or withdrawal on this instance reads it again as soon as it
 * commits. Holds nothing that is not public.
 */
@Component
public class PublicNotices {

	/** The public board at one moment. */
	public record Board(List<Notice> inForce, List<Notice> noLongerInForce, List<RiskArea> riskAreas, Instant at) {
	}

	private final NoticeQueries queries;

	private final RiskAreas riskAreas;

	private final NoticeProperties properties;

	private final Clock clock;

	/** The board and the generation it was read in; a publication starts a new generation. */
	private record Held(Board board, long generation) {
	}

	private final AtomicReference<@Nullable Held> held = new AtomicReference<>();

	private final AtomicLong generation = new AtomicLong();

	PublicNotices(NoticeQueries queries, RiskAreas riskAreas, NoticeProperties properties, Clock clock) {
		this.queries = queries;
		this.riskAreas = riskAreas;
		this.properties = properties;
		this.clock = clock;
	}

	public Board board() {
		Instant now = clock.instant();
		long current = generation.get();
		Held last = held.get();
		// a notice may lapse while the board is held: a lapsed one is never shown as in force
		if (last != null && last.generation() == current && now.isBefore(last.board().at().plus(properties.publicRefresh()))
				&& last.board().inForce().stream().allMatch(n -> n.inForce(now))) {
			return last.board();
		}
		// read in the generation seen before reading: a board read across a publication is never served again
		var board = new Board(queries.inForce(now), queries.noLongerInForce(now, properties.publicHistory()),
				riskAreas.listed(), now);
		held.set(new Held(board, current));
		return board;
	}

	/** Reads the board again once the current transaction commits (at once outside one). */
	void refreshAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					generation.incrementAndGet();
				}
			});
		}
		else {
			generation.incrementAndGet();
		}
	}

}
